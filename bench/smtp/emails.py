"""Benchmark: emails per second from `beacon serve` to the scripted aiosmtpd server
(bench/smtp/scripted_smtp.py) on loopback.

One email destination (no TLS, no login: both sides on loopback), an event activation on
`Order Completed`; 1,000 customers identified with an email and a first name, then `burst`
orders posted in batches of 500. Each order becomes one rendered multipart email (Mustache
over the customer's traits, RFC 8058 headers). The server counts the messages it accepts.

Usage: python bench/smtp/emails.py .build/debug/beacon [burst=5000] [in_flight=16]
Run it with a Python that has aiosmtpd. Prints one line per measurement.
"""
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from beacon_server import BeaconServer, wait_for  # noqa: E402


def main():
    binary = sys.argv[1]
    burst = int(sys.argv[2]) if len(sys.argv) > 2 else 5_000
    in_flight = int(sys.argv[3]) if len(sys.argv) > 3 else 16
    spool = tempfile.mkdtemp(prefix="beacon-bench-spool-")
    smtp = subprocess.Popen([sys.executable, os.path.join(HERE, "scripted_smtp.py"), "--spool", spool, "--count-only"],
                            stdout=subprocess.PIPE, text=True)
    sport = int(smtp.stdout.readline().split()[1])
    server = BeaconServer(binary, "email", {"BEACON_DELIVERY_EMAIL_CONNECTIONS": str(in_flight)})
    try:
        people = [{"type": "identify", "userId": f"c-{i}", "messageId": f"id-{i}",
                   "traits": {"email": f"c-{i}@example.com", "first_name": f"Name{i}"}} for i in range(1000)]
        server.batch(people)
        time.sleep(2)
        d = server.post("/api/destinations", {
            "name": "bench", "type": "email", "host": "127.0.0.1", "port": sport, "security": "none",
            "from": "news@shop.example", "fromName": "Shop", "subject": "Thanks, {{first_name}}",
            "text": "Hello {{first_name}}, thank you for your order.\nUnsubscribe: {{unsubscribe_url}}",
            "html": "<p>Hello <b>{{first_name}}</b>, thank you for your order.</p>",
            "unsubscribeUrl": "https://beacon.example.com", "verify": True})
        server.post("/api/activations", {"event": "Order Completed", "destination": d["id"]})

        def delivered():
            return server.get(f"/api/destinations/{d['id']}")["messages"]["delivered"]

        start = time.time()
        for s in range(0, burst, 500):
            batch = [{"type": "track", "userId": f"c-{i % 1000}", "event": "Order Completed", "messageId": f"o-{i}"}
                     for i in range(s, min(burst, s + 500))]
            server.batch(batch)
        queued = time.time()
        wait_for(lambda: delivered() > 0, 120)
        first = time.time()
        wait_for(lambda: delivered() >= burst, 1200)
        last = time.time()
        n = delivered()
        print(f"burst: {burst} orders ingested in {queued - start:.2f} s; {n} emails accepted by aiosmtpd")
        print(f"emails/s (first to last delivery, {in_flight} in flight): {n / (last - first):.0f}")
        print(f"emails/s (first order posted to last delivery): {n / (last - start):.0f}")
    finally:
        server.stop()
        smtp.kill()


if __name__ == "__main__":
    main()
