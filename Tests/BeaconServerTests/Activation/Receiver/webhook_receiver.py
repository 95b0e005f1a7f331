"""A webhook receiver for Beacon's delivery tests: verifies every Standard Webhooks
signature with the reference `standardwebhooks` package, records each webhook-id, and can
be told per endpoint to fail, stall or answer 410.

Run: python webhook_receiver.py  -> prints "PORT <n>" once listening on 127.0.0.1.

  POST /control/<endpoint>  {"secrets": ["whsec_..."], "mode": "ok"|"fail"|"stall"|"gone",
                             "status": 503, "stall": 30, "retryAfter": 1, "failFirst": 0}
  POST /hooks/<endpoint>    a webhook (verified against any of the endpoint's secrets)
  GET  /stats/<endpoint>    {"received", "unique", "duplicates", "badSignatures", "ids": {id: count},
                             "payloads": {id: body}, "firstSeen": {id: unix seconds}, "attempts": {id: n}}
"""
import json
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from standardwebhooks.webhooks import Webhook, WebhookVerificationError

LOCK = threading.Lock()
ENDPOINTS = {}


def endpoint(name):
    return ENDPOINTS.setdefault(name, {
        "secrets": [], "mode": "ok", "status": 503, "stall": 30.0, "retryAfter": None, "failFirst": 0,
        "received": 0, "ids": {}, "payloads": {}, "firstSeen": {}, "badSignatures": 0, "attempts": {},
        "connections": 0, "closeAfterAnswer": False,
    })


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def setup(self):
        super().setup()
        self.served = set()  # the endpoints this connection has posted to

    def reply(self, status, body=b"", headers=()):
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def read_body(self):
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n else b""

    def do_GET(self):
        parts = self.path.strip("/").split("/")
        if len(parts) == 2 and parts[0] == "count":
            # The counts alone, for pollers that must not load the receiver with every payload.
            with LOCK:
                e = endpoint(parts[1])
                out = {"received": e["received"], "unique": len(e["ids"]), "connections": e["connections"]}
            self.reply(200, json.dumps(out).encode(), [("Content-Type", "application/json")])
        elif len(parts) == 2 and parts[0] == "stats":
            with LOCK:
                e = endpoint(parts[1])
                out = {
                    "received": e["received"], "unique": len(e["ids"]),
                    "duplicates": sum(c - 1 for c in e["ids"].values()), "badSignatures": e["badSignatures"],
                    "ids": e["ids"], "payloads": e["payloads"], "firstSeen": e["firstSeen"],
                    "attempts": e["attempts"], "connections": e["connections"],
                }
            self.reply(200, json.dumps(out).encode(), [("Content-Type", "application/json")])
        else:
            self.reply(404)

    def do_POST(self):
        parts = self.path.strip("/").split("/")
        body = self.read_body()
        if len(parts) == 2 and parts[0] == "control":
            config = json.loads(body or b"{}")
            with LOCK:
                endpoint(parts[1]).update(config)
            self.reply(204)
            return
        if len(parts) != 2 or parts[0] != "hooks":
            self.reply(404)
            return
        now = time.time()
        with LOCK:
            e = endpoint(parts[1])
            secrets, mode = list(e["secrets"]), e["mode"]
            if parts[1] not in self.served:
                self.served.add(parts[1])
                e["connections"] += 1
            # Closes the connection after answering without saying so (as a server whose
            # keep-alive timeout ends just then): the client's next request on it finds it closed.
            if e["closeAfterAnswer"]:
                self.close_connection = True
        headers = {k.lower(): v for k, v in self.headers.items()}
        verified = False
        for secret in secrets:
            try:
                Webhook(secret).verify(body, headers)
                verified = True
                break
            except WebhookVerificationError:
                continue
        msg_id = headers.get("webhook-id", "")
        with LOCK:
            e["received"] += 1
            if not verified:
                e["badSignatures"] += 1
            e["attempts"][msg_id] = e["attempts"].get(msg_id, 0) + 1
            attempt = e["attempts"][msg_id]
            fail_first = e["failFirst"]
        if not verified:
            self.reply(400, b"bad signature")
            return
        if mode == "stall":
            time.sleep(float(e["stall"]))
            self.reply(504)
            return
        if mode == "gone":
            self.reply(410, b"gone")
            return
        if mode == "fail" or attempt <= fail_first:
            extra = [("Retry-After", str(e["retryAfter"]))] if e["retryAfter"] is not None else []
            self.reply(int(e["status"]), b"failing on purpose", extra)
            return
        with LOCK:
            # Applied once per webhook-id: a redelivery (same id) is acknowledged, not applied again.
            if msg_id not in e["ids"]:
                e["payloads"][msg_id] = body.decode()
                e["firstSeen"][msg_id] = now
                e["ids"][msg_id] = 0
            e["ids"][msg_id] += 1
        self.reply(204)


def main():
    # A parent may have SIGTERM blocked (and the mask is inherited): take it back.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    # A deep accept queue: with the default of 5, bursts of connections wait for SYN retries (1 s, 3 s).
    ThreadingHTTPServer.request_queue_size = 1024
    server = ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 0), Handler)
    server.daemon_threads = True
    print(f"PORT {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
