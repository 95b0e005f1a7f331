"""Benchmark: segment entry -> journey started, end to end through `beacon serve` (SQLite).

A segment ("plan is vip") and a live journey triggered by entering it; then people are
identified with `plan: vip` at a steady pace, each in its own request, and the time from the
request until the person's journey run is visible in the server's database (read every 10 ms
by a second connection) is measured per person; the run's own `entered_at` (the server's
clock at the start of the runner pass that made it) is reported beside it.

Usage: python3 bench/journeys/entry_latency.py .build/release/beacon [rate=100] [seconds=10]
Prints p50, p90, p99 and the maximum.
"""
import os
import sqlite3
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from beacon_server import BeaconServer, wait_for  # noqa: E402


def percentile(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def main():
    binary = sys.argv[1]
    rate = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    seconds = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    server = BeaconServer(binary, "journeys")
    try:
        segment = server.post("/api/segments", {"name": "VIP plan", "rule": {"plan": "vip"}})
        journey = server.post("/api/journeys", {"name": "welcome vip", "definition": {
            "trigger": {"type": "segmentEntered", "segment": segment["id"]}, "start": "w1",
            "reentry": "once", "resume": "retime",
            "steps": [{"id": "w1", "type": "wait", "seconds": 86400}]}})
        server.post(f"/api/journeys/{journey['id']}/publish", {})
        people = rate * seconds
        sent = {}
        seen = {}
        done = threading.Event()
        query = """
            SELECT i.value, s.entered_at FROM journey_states s
            JOIN profile_identifiers i ON i.workspace_id = s.workspace_id AND i.profile_id = s.profile_id
            WHERE s.journey_id = ? AND i.kind = 'user_id'"""

        def watch():
            db = sqlite3.connect(f"file:{os.path.join(server.data_dir, 'beacon.sqlite')}?mode=ro", uri=True, timeout=30)
            while not done.is_set() and len(seen) < people:
                now = time.time()
                for user, at in db.execute(query, (journey["id"],)).fetchall():
                    seen.setdefault(user, (now, at / 1000))
                time.sleep(0.01)

        watcher = threading.Thread(target=watch)
        watcher.start()
        start = time.time()
        for i in range(people):
            due = start + i / rate
            pause = due - time.time()
            if pause > 0:
                time.sleep(pause)
            user = f"vip-{i}"
            sent[user] = time.time()
            server.batch([{"type": "identify", "userId": user, "messageId": f"m-{i}", "traits": {"plan": "vip"}}])
        wait_for(lambda: len(seen) >= people, 120)
        done.set()
        watcher.join()
        if len(seen) < people:
            print(f"only {len(seen)} of {people} runs started within 120 s")
        visible = [seen[u][0] - sent[u] for u in seen if u in sent]
        stamped = [seen[u][1] - sent[u] for u in seen if u in sent]

        def line(name, xs):
            return (f"{name}: p50 {percentile(xs, 0.5) * 1000:.0f} ms, p90 {percentile(xs, 0.9) * 1000:.0f} ms, "
                    f"p99 {percentile(xs, 0.99) * 1000:.0f} ms, max {max(xs) * 1000:.0f} ms")

        print(f"segment entry -> journey started, {len(visible)} people at {rate}/s for {seconds} s")
        print(line("  request -> run visible in the database", visible))
        print(line("  request -> the run's entered_at", stamped))
    finally:
        server.stop()


if __name__ == "__main__":
    main()
