"""Sends tracking calls to a running Beacon with the official Segment and RudderStack
Python SDKs, unchanged except for the host, and prints the calls it made as JSON.

Usage: python sdk_e2e.py HOST_URL WRITE_KEY
"""
import json
import sys

from segment.analytics.client import Client as SegmentClient
from rudderstack.analytics.client import Client as RudderClient

host, write_key = sys.argv[1], sys.argv[2]
errors = []
sent = []


def on_error(error, items):
    errors.append(str(error))


def calls(client, prefix):
    client.identify("user-1", {"email": "ada@example.com", "plan": "pro"}, message_id=f"{prefix}-identify")
    sent.append({"type": "identify", "messageId": f"{prefix}-identify", "userId": "user-1"})
    client.track("user-1", "Order Completed", {"revenue": 42.5, "currency": "EUR"}, message_id=f"{prefix}-track")
    sent.append({"type": "track", "messageId": f"{prefix}-track", "userId": "user-1", "event": "Order Completed"})
    client.page("user-1", "Docs", "Getting started", {"path": "/docs"}, message_id=f"{prefix}-page")
    sent.append({"type": "page", "messageId": f"{prefix}-page", "userId": "user-1"})
    client.screen("user-1", "App", "Home", message_id=f"{prefix}-screen")
    sent.append({"type": "screen", "messageId": f"{prefix}-screen", "userId": "user-1"})
    client.group("user-1", "org-9", {"name": "Acme"}, message_id=f"{prefix}-group")
    sent.append({"type": "group", "messageId": f"{prefix}-group", "userId": "user-1"})
    client.alias("anon-7", "user-1", message_id=f"{prefix}-alias")
    sent.append({"type": "alias", "messageId": f"{prefix}-alias", "userId": "user-1"})


# One request per call (sync mode, plain JSON).
seg_sync = SegmentClient(write_key, host=host, sync_mode=True, gzip=False, on_error=on_error, max_retries=0, timeout=120)
calls(seg_sync, "seg-sync")
# Queued calls flushed as one gzip-compressed batch.
seg_batch = SegmentClient(write_key, host=host, gzip=True, on_error=on_error, max_retries=0, timeout=120)
calls(seg_batch, "seg-gzip")
seg_batch.flush()
seg_batch.join()
# RudderStack's SDK (gzip by default).
rudder = RudderClient(write_key, host=host, on_error=on_error, max_retries=0, timeout=120)
calls(rudder, "rudder")
rudder.flush()
rudder.join()

if errors:
    print("\n".join(errors), file=sys.stderr)
    sys.exit(1)
print(json.dumps(sent))
