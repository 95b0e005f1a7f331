"""A loopback HTTP server that replays recorded vendor replies, for audience sync contract tests.

Prints "PORT <n>" once listening on 127.0.0.1. POST /__script with a JSON list of replies
({"method", "path" prefix, "status", "headers", "body"}) appends them to the queue; every other
request takes the first queued reply whose method matches and whose path prefix starts the
request's path (500 "unscripted" when none does) and is recorded with its method, path,
headers and body; GET /__requests returns the recorded requests; POST /__reset empties both.
Standard library only.
"""

import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

lock = threading.Lock()
queue = []
recorded = []


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def body(self):
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n else b""

    def reply(self, status, body=b"", headers=None):
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def handle_any(self):
        data = self.body()
        if self.path == "/__script":
            with lock:
                queue.extend(json.loads(data))
            return self.reply(204)
        if self.path == "/__reset":
            with lock:
                queue.clear()
                recorded.clear()
            return self.reply(204)
        if self.path == "/__requests":
            with lock:
                out = json.dumps(recorded).encode()
            return self.reply(200, out, {"Content-Type": "application/json"})
        with lock:
            recorded.append({
                "method": self.command, "path": self.path,
                "headers": {k.lower(): v for k, v in self.headers.items()},
                "body": data.decode("utf-8", "replace"),
            })
            match = next((r for r in queue if r["method"] == self.command and self.path.startswith(r["path"])), None)
            if match is not None:
                queue.remove(match)
        if match is None:
            return self.reply(500, b'{"message":"unscripted request"}', {"Content-Type": "application/json"})
        body = match.get("body")
        payload = b"" if body is None else json.dumps(body).encode()
        headers = {"Content-Type": "application/json"} if payload else {}
        headers.update(match.get("headers") or {})
        self.reply(match["status"], payload, headers)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = handle_any


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print("PORT", server.server_address[1], flush=True)
try:
    server.serve_forever()
except KeyboardInterrupt:
    sys.exit(0)
