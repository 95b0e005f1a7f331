#!/usr/bin/env python3
"""Headless Chromium's print-to-PDF of a signed-in Beacon dashboard page, timed: the reference
the executive report's own PDF writer is compared with in docs/benchmarks.md.

Starts Chromium (timed on its own), signs in through the login form (not timed), then per
run loads the page and prints it (Page.printToPDF, A4, backgrounds on), measuring wall time
and the CPU time of Chromium's whole process tree and, with --server-pid, of the Beacon
server that renders the page. Reuses bench/dashboard/check_pages.py's Chromium driver.

    python3 bench/report/chromium_print.py --base http://127.0.0.1:8080 --email … --password-file … \
        --out /tmp/overview [--path /dashboard] [--runs 3] [--server-pid PID]

Prints one line per run and writes <out>-<run>.pdf.
"""
import argparse
import base64
import os
import shutil
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "dashboard"))
from check_pages import Browser, sign_in  # noqa: E402

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    """utime + stime of one process (0 when it has gone)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return 0.0


def tree(root):
    """root and every live descendant, from /proc's parent links."""
    parents = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as f:
                    parents[int(name)] = int(f.read().rsplit(")", 1)[1].split()[1])
            except (FileNotFoundError, ProcessLookupError, IndexError):
                pass
    found, frontier = {root}, [root]
    while frontier:
        p = frontier.pop()
        for child, parent in parents.items():
            if parent == p and child not in found:
                found.add(child)
                frontier.append(child)
    return found


def tree_cpu(root):
    """CPU seconds of root's process tree, per pid (so processes that end are not subtracted)."""
    return {pid: cpu_seconds(pid) for pid in tree(root)}


def spent(before, after):
    return sum(after[p] - before.get(p, 0.0) for p in after)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", default="http://127.0.0.1:8080")
    ap.add_argument("--path", default="/dashboard")
    ap.add_argument("--email", required=True)
    ap.add_argument("--password-file", required=True)
    ap.add_argument("--out", required=True, help="PDFs are written as <out>-<run>.pdf")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--server-pid", type=int, help="also count this process's CPU time (the Beacon server)")
    ap.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser") or "chromium")
    args = ap.parse_args()

    t0 = time.time()
    browser = Browser(args.chromium)
    try:
        browser.open_tab()
        print(f"chromium started: {time.time() - t0:.2f} s wall, {spent({}, tree_cpu(browser.proc.pid)):.2f} s CPU")
        with open(args.password_file) as f:
            sign_in(browser, args.base, args.email, f.read().strip())
        for run in range(1, args.runs + 1):
            cpu0 = tree_cpu(browser.proc.pid)
            server0 = cpu_seconds(args.server_pid) if args.server_pid else 0.0
            start = time.time()
            browser.events.clear()
            browser.send("Page.navigate", {"url": args.base + args.path})
            browser.wait_for("Page.loadEventFired", timeout=300)
            loaded = time.time()
            pdf = browser.send("Page.printToPDF", {"printBackground": True, "paperWidth": 8.27, "paperHeight": 11.69,
                                                   "preferCSSPageSize": False})
            done = time.time()
            cpu = spent(cpu0, tree_cpu(browser.proc.pid))
            server = cpu_seconds(args.server_pid) - server0 if args.server_pid else float("nan")
            target = f"{args.out}-{run}.pdf"
            with open(target, "wb") as f:
                f.write(base64.b64decode(pdf["data"]))
            print(f"run {run}: load {loaded - start:.2f} s + print {done - loaded:.2f} s = {done - start:.2f} s wall; "
                  f"CPU chromium {cpu:.2f} s, server {server:.2f} s; {target} {os.path.getsize(target)} bytes")
    finally:
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
