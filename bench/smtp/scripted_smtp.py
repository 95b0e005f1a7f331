#!/usr/bin/env python3
"""A real SMTP server (PyPI aiosmtpd) on loopback for Beacon's email tests and benchmark.

It answers each recipient as its local part asks, and records what it received:

  rcpt550-…@x   RCPT TO answered 550 (a hard bounce)      rcpt451-…@x   RCPT TO answered 451
  data554-…@x   the message answered 554 after DATA        data451-…@x   the message answered 451
  once451-…@x   RCPT TO answered 451 the first time, 250 after that
  anything else accepted

Every RCPT TO is appended to SPOOL/rcpt.jsonl ({"address", "code"}); every accepted message
to SPOOL/messages.jsonl with its envelope, its headers and its text and HTML parts as
Python's email package decodes them (a peer parser, independent of Beacon's encoder).

  scripted_smtp.py --spool DIR [--port N] [--auth USER:PASSWORD] [--tls-cert PEM --tls-key PEM] [--count-only]

prints "PORT <n>" once it listens on 127.0.0.1 and runs until killed.
"""
import argparse
import asyncio
import email
import email.policy
import json
import os
import re
import signal
import socket
import ssl
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

SCRIPT = re.compile(r"^(rcpt|data|once)(\d{3})-", re.IGNORECASE)
TEXTS = {451: "4.3.0 Temporary failure, try again later", 550: "5.1.1 Mailbox unavailable",
         554: "5.7.1 Message rejected", 552: "5.2.2 Mailbox full"}


def reply(code):
    return f"{code} {TEXTS.get(code, 'Scripted reply')}"


class Handler:
    def __init__(self, spool, count_only):
        self.spool = spool
        self.count_only = count_only
        self.seen_once = set()
        self.lock = threading.Lock()
        self.accepted = 0

    def append(self, name, record):
        with self.lock, open(os.path.join(self.spool, name), "a", encoding="utf-8") as f:
            f.write(json.dumps(record) + "\n")

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        code = 250
        m = SCRIPT.match(address)
        if m:
            kind, scripted = m.group(1).lower(), int(m.group(2))
            if kind == "rcpt":
                code = scripted
            elif kind == "once" and address.lower() not in self.seen_once:
                self.seen_once.add(address.lower())
                code = scripted
        if not self.count_only:
            self.append("rcpt.jsonl", {"address": address, "code": code})
        if code != 250:
            return reply(code)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        for address in envelope.rcpt_tos:
            m = SCRIPT.match(address)
            if m and m.group(1).lower() == "data":
                return reply(int(m.group(2)))
        self.accepted += 1
        if self.count_only:
            return "250 OK"
        message = email.message_from_bytes(envelope.original_content or envelope.content, policy=email.policy.default)
        parts = {}
        for part in message.walk():
            if part.get_content_maintype() == "text":
                parts[part.get_content_type()] = part.get_content()
        self.append("messages.jsonl", {
            "mailFrom": envelope.mail_from, "rcptTos": envelope.rcpt_tos,
            "contentType": message.get_content_type(),
            "headers": {k: str(v) for k, v in message.items()},
            "text": parts.get("text/plain"), "html": parts.get("text/html"),
            "raw": (envelope.original_content or envelope.content).decode("utf-8", "replace"),
        })
        return "250 OK: queued"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--spool", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--auth")
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    parser.add_argument("--count-only", action="store_true")
    args = parser.parse_args()
    os.makedirs(args.spool, exist_ok=True)
    port = args.port
    if port == 0:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
    kwargs = {}
    if args.auth:
        user, password = args.auth.split(":", 1)

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user \
                and auth_data.password.decode() == password
            return AuthResult(success=ok, handled=False)
        kwargs.update(authenticator=authenticator, auth_require_tls=not args.tls_cert is None)
    if args.tls_cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.tls_cert, args.tls_key)
        kwargs.update(tls_context=context)
    handler = Handler(args.spool, args.count_only)
    controller = Controller(handler, hostname="127.0.0.1", port=port, data_size_limit=10 * 1024 * 1024,
                            decode_data=False, **kwargs)
    controller.start()
    print(f"PORT {port}", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
