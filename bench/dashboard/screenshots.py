#!/usr/bin/env python3
"""Saves the README's dashboard screenshots: signs in to a running Beacon server through the
login form in headless Chromium, waits for the marketing-mix model, and captures a few pages
at a fixed width, each cut at a maximum height (the top of a page is what a reader looks at).

Reuses check_pages.py's Chromium driver and sign-in, so it needs only Python's standard
library and Debian's `chromium`. bench/dashboard/screenshots.sh starts the server and runs it.

    python3 bench/dashboard/screenshots.py --base http://127.0.0.1:8080 --email … --password-file … \
        --out docs/screenshots [--width 1280] [--max-height 1500]
"""
import argparse
import base64
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_pages import Browser, sign_in, wait_for_mmm  # noqa: E402

PAGES = [
    ("overview", "/dashboard"),
    ("channels", "/dashboard/channels"),
    ("personas", "/dashboard/personas"),
    ("attribution", "/dashboard/attribution"),
    ("reports", "/dashboard/reports"),
]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", default="http://127.0.0.1:8080")
    ap.add_argument("--out", default="docs/screenshots")
    ap.add_argument("--email", required=True, help="a dashboard user to sign in as")
    ap.add_argument("--password-file", required=True, help="a file holding that user's password")
    ap.add_argument("--width", type=int, default=1280)
    ap.add_argument("--height", type=int, default=800, help="the window's height (what 100vh means)")
    ap.add_argument("--max-height", type=int, default=1500, help="cut longer pages here")
    ap.add_argument("--mmm-timeout", type=float, default=1800)
    ap.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser") or "chromium")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)

    browser = Browser(args.chromium)
    try:
        browser.open_tab()
        browser.send("Emulation.setDeviceMetricsOverride",
                     {"width": args.width, "height": args.height, "deviceScaleFactor": 1, "mobile": False})
        with open(args.password_file) as f:
            cookie = sign_in(browser, args.base, args.email, f.read().strip())
        # The overview's spend insights and the channels page show the fitted model.
        state, seconds = wait_for_mmm(args.base, args.mmm_timeout, cookie)
        print(f"marketing-mix model: {state['state']} after {seconds:.0f} s")
        if state["state"] != "ready":
            raise RuntimeError(f"the marketing-mix model is {state['state']}: the pages would show no fit")
        for name, path in PAGES:
            browser.events.clear()
            browser.send("Page.navigate", {"url": args.base + path})
            browser.wait_for("Page.loadEventFired", timeout=300)
            browser.drain(1.5)  # scripts that fill a page after load (what-if, previews)
            here = browser.send("Runtime.evaluate", {"expression": "location.pathname", "returnByValue": True})["result"]["value"]
            if here != path.split("?")[0]:
                raise RuntimeError(f"{path} landed on {here}")
            metrics = browser.send("Page.getLayoutMetrics")
            size = metrics.get("cssContentSize") or metrics["contentSize"]
            height = min(int(size["height"]), args.max_height)
            shot = browser.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True,
                                                           "clip": {"x": 0, "y": 0, "width": args.width, "height": height, "scale": 1}})
            target = os.path.join(args.out, f"{name}.png")
            with open(target, "wb") as f:
                f.write(base64.b64decode(shot["data"]))
            print(f"{target}: {args.width}×{height} (page {int(size['height'])} px high)")
    finally:
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
