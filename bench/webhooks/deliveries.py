"""Benchmark: signed webhook deliveries per second from `beacon serve` to the loopback
receiver (Tests/BeaconServerTests/Activation/Receiver/webhook_receiver.py, which verifies
every signature with PyPI standardwebhooks), and event -> delivered latency at a steady pace.

Usage: python bench/webhooks/deliveries.py .build/debug/beacon [burst=10000] [paced_rate=100] [paced_seconds=10]
Needs a Python with standardwebhooks. Prints one line per measurement.
"""
import base64
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from beacon_server import BeaconServer, request, wait_for  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RECEIVER = os.path.join(ROOT, "Tests/BeaconServerTests/Activation/Receiver/webhook_receiver.py")


def main():
    binary = sys.argv[1]
    burst = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    rate = int(sys.argv[3]) if len(sys.argv) > 3 else 100
    seconds = int(sys.argv[4]) if len(sys.argv) > 4 else 10
    receiver = subprocess.Popen([sys.executable, RECEIVER], stdout=subprocess.PIPE, text=True)
    rport = int(receiver.stdout.readline().split()[1])
    server = BeaconServer(binary, "webhooks")
    try:
        secret = "whsec_" + base64.b64encode(os.urandom(24)).decode()
        request(f"http://127.0.0.1:{rport}/control/bench", json.dumps({"secrets": [secret]}).encode())
        d = server.post("/api/destinations",
                        {"name": "bench", "url": f"http://127.0.0.1:{rport}/hooks/bench", "secret": secret})
        server.post("/api/activations", {"event": "Order Completed", "destination": d["id"]})

        def stats():
            return request(f"http://127.0.0.1:{rport}/stats/bench")[1]

        def unique():
            # Polled every 50 ms: the counts only, so the poll does not load the receiver.
            return request(f"http://127.0.0.1:{rport}/count/bench")[1]["unique"]

        def send(ids):
            batch = [{"type": "track", "userId": f"c-{i % 1000}", "event": "Order Completed", "messageId": m}
                     for i, m in enumerate(ids)]
            server.batch(batch)

        start = time.time()
        for s in range(0, burst, 500):
            send([f"burst-{i}" for i in range(s, min(burst, s + 500))])
        queued = time.time()
        wait_for(lambda: unique() >= burst, 600)
        st = stats()
        first, last = min(st["firstSeen"].values()), max(st["firstSeen"].values())
        print(f"burst: {burst} events ingested in {queued - start:.2f} s; {st['unique']} signed webhooks verified, "
              f"{st['badSignatures']} bad signatures")
        print(f"deliveries/s (first to last delivery): {st['unique'] / (last - first):.0f}")
        print(f"deliveries/s (first event posted to last delivery): {st['unique'] / (last - start):.0f}")
        print(f"connections the receiver saw: {st['connections']}")

        sent_at = {}
        for tick in range(rate * seconds // 10):
            ids = [f"paced-{tick}-{j}" for j in range(10)]
            t = time.time()
            send(ids)
            for m in ids:
                sent_at[m] = t
            time.sleep(max(0, 10 / rate - (time.time() - t)))
        wait_for(lambda: unique() >= burst + len(sent_at), 120)
        st = stats()
        lat = []
        for wid, body in st["payloads"].items():
            m = json.loads(body)["event"]["messageId"]
            if m in sent_at:
                lat.append(st["firstSeen"][wid] - sent_at[m])
        lat.sort()
        p = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))]
        print(f"paced {rate}/s for {seconds} s: event posted -> webhook verified p50 {p(0.5) * 1000:.0f} ms, "
              f"p99 {p(0.99) * 1000:.0f} ms ({len(lat)} events)")
    finally:
        server.stop()
        receiver.kill()


if __name__ == "__main__":
    main()
