"""Benchmark: emails per second from `beacon serve` to the scripted aiosmtpd server
(bench/smtp/scripted_smtp.py) on loopback.

One email destination (no TLS, no login: both sides on loopback), an event activation on
`Order Completed`; 1,000 customers identified with an email and a first name, then `burst`
orders posted in batches of 500. Each order becomes one rendered multipart email (Mustache
over the customer's traits, RFC 8058 headers). The server counts the messages it accepts.

Usage: python bench/smtp/emails.py .build/debug/beacon [burst=5000] [in_flight=16]
Run it with a Python that has aiosmtpd. Prints one line per measurement.
"""
import base64
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))


def request(url, body=None, headers=None, method=None):
    r = urllib.request.Request(url, data=body, headers=headers or {}, method=method)
    with urllib.request.urlopen(r, timeout=60) as resp:
        data = resp.read()
        return resp.status, (json.loads(data) if data else {})


def wait_for(fn, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if fn():
            return True
        time.sleep(0.05)
    return False


def main():
    binary = sys.argv[1]
    burst = int(sys.argv[2]) if len(sys.argv) > 2 else 5_000
    in_flight = int(sys.argv[3]) if len(sys.argv) > 3 else 16
    data_dir = tempfile.mkdtemp(prefix="beacon-bench-email-")
    spool = tempfile.mkdtemp(prefix="beacon-bench-spool-")
    env = dict(os.environ, BEACON_SECRET_KEY=base64.b64encode(os.urandom(32)).decode(),
               BEACON_DELIVERY_MAX_IN_FLIGHT=str(in_flight))
    smtp = subprocess.Popen([sys.executable, os.path.join(HERE, "scripted_smtp.py"), "--spool", spool, "--count-only"],
                            stdout=subprocess.PIPE, text=True)
    sport = int(smtp.stdout.readline().split()[1])
    out = subprocess.run([binary, "workspace", "create", "bench", "--data-dir", data_dir], env=env,
                         capture_output=True, text=True, check=True).stdout
    key = next(l[len("write key: "):] for l in out.splitlines() if l.startswith("write key: "))
    out = subprocess.run([binary, "token", "create", "bench", "--data-dir", data_dir], env=env,
                         capture_output=True, text=True, check=True).stdout
    token = next(l[len("API token: "):] for l in out.splitlines() if l.startswith("API token: "))
    port = random.randint(20_000, 40_000)
    server = subprocess.Popen([binary, "serve", "--data-dir", data_dir, "--port", str(port), "--log-level", "error"],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: _ok(base + "/healthz"), 20)
        auth = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        basic = {"Authorization": "Basic " + base64.b64encode(f"{key}:".encode()).decode(),
                 "Content-Type": "application/json"}
        people = [{"type": "identify", "userId": f"c-{i}", "messageId": f"id-{i}",
                   "traits": {"email": f"c-{i}@example.com", "first_name": f"Name{i}"}} for i in range(1000)]
        request(base + "/v1/batch", json.dumps({"batch": people}).encode(), basic)
        time.sleep(2)
        _, d = request(base + "/api/destinations", json.dumps({
            "name": "bench", "type": "email", "host": "127.0.0.1", "port": sport, "security": "none",
            "from": "news@shop.example", "fromName": "Shop", "subject": "Thanks, {{first_name}}",
            "text": "Hello {{first_name}}, thank you for your order.\nUnsubscribe: {{unsubscribe_url}}",
            "html": "<p>Hello <b>{{first_name}}</b>, thank you for your order.</p>",
            "unsubscribeUrl": "https://beacon.example.com", "verify": True}).encode(), auth)
        request(base + "/api/activations", json.dumps({"event": "Order Completed", "destination": d["id"]}).encode(), auth)

        def delivered():
            return request(f"{base}/api/destinations/{d['id']}", headers=auth)[1]["messages"]["delivered"]

        start = time.time()
        for s in range(0, burst, 500):
            batch = [{"type": "track", "userId": f"c-{i % 1000}", "event": "Order Completed", "messageId": f"o-{i}"}
                     for i in range(s, min(burst, s + 500))]
            request(base + "/v1/batch", json.dumps({"batch": batch}).encode(), basic)
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
        server.kill()
        smtp.kill()


def _ok(url):
    try:
        return request(url)[0] == 200
    except Exception:
        return False


if __name__ == "__main__":
    main()
