"""A `beacon serve` on loopback for the delivery benchmarks: one workspace with a write key and
an API token, in a fresh data directory, and the HTTP calls the benchmarks make to it.

Used by bench/webhooks/deliveries.py, bench/smtp/emails.py and bench/journeys/entry_latency.py.
"""
import base64
import json
import os
import random
import subprocess
import tempfile
import time
import urllib.request


def request(url, body=None, headers=None, method=None):
    """One HTTP call; returns (status, parsed JSON body or {})."""
    r = urllib.request.Request(url, data=body, headers=headers or {}, method=method)
    with urllib.request.urlopen(r, timeout=60) as resp:
        data = resp.read()
        return resp.status, (json.loads(data) if data else {})


def wait_for(fn, seconds):
    """Polls fn every 50 ms until it is true or `seconds` pass; returns whether it became true."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        if fn():
            return True
        time.sleep(0.05)
    return False


class BeaconServer:
    """Creates workspace "bench" with a write key and an API token, then serves it on a random port."""

    def __init__(self, binary, name, extra_env=None):
        data_dir = tempfile.mkdtemp(prefix=f"beacon-bench-{name}-")
        self.data_dir = data_dir
        env = dict(os.environ, BEACON_SECRET_KEY=base64.b64encode(os.urandom(32)).decode(), **(extra_env or {}))
        self.key = self._printed(binary, ["workspace", "create", "bench", "--data-dir", data_dir], env, "write key: ")
        self.token = self._printed(binary, ["token", "create", "--workspace", "bench", "--data-dir", data_dir], env, "API token: ")
        port = random.randint(20_000, 40_000)
        self.process = subprocess.Popen(
            [binary, "serve", "--data-dir", data_dir, "--port", str(port), "--log-level", "error"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.base = f"http://127.0.0.1:{port}"
        self.api = {"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"}
        self.ingest = {"Authorization": "Basic " + base64.b64encode(f"{self.key}:".encode()).decode(),
                       "Content-Type": "application/json"}
        wait_for(self._healthy, 20)

    @staticmethod
    def _printed(binary, arguments, env, prefix):
        out = subprocess.run([binary] + arguments, env=env, capture_output=True, text=True, check=True).stdout
        return next(l[len(prefix):] for l in out.splitlines() if l.startswith(prefix))

    def _healthy(self):
        try:
            return request(self.base + "/healthz")[0] == 200
        except Exception:
            return False

    def post(self, path, payload):
        """POSTs JSON to an API route with the token; returns the parsed answer."""
        return request(self.base + path, json.dumps(payload).encode(), self.api)[1]

    def get(self, path):
        return request(self.base + path, headers=self.api)[1]

    def batch(self, events):
        """Sends events to /v1/batch with the write key."""
        request(self.base + "/v1/batch", json.dumps({"batch": events}).encode(), self.ingest)

    def stop(self):
        self.process.kill()
