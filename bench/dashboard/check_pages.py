#!/usr/bin/env python3
"""Loads every Beacon dashboard page in headless Chromium and fails on any console error,
uncaught exception, failed request, HTTP error or accessibility audit finding (labels,
names, titles, language, focus order); saves a full-page screenshot of each page and
prints load times. Signs in through the login form first.

Talks to Chromium over the DevTools protocol on a pipe (--remote-debugging-pipe), so it
needs nothing beyond Python's standard library and Debian's `chromium` package.

    python3 bench/dashboard/check_pages.py --base http://127.0.0.1:8080 --out .ci/artifacts/dashboard \
        [--repeat 5] [--write-key bk_…] [--mmm-timeout 1200]

Before the marketing-mix pages it waits for /dashboard/api/mmm to report "ready". With
--write-key it also sends an event named like a script and checks that the live debugger
shows it as text. Ends with the line "N passed, N failed".
"""
import argparse
import base64
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

PAGES = [
    ("overview", "/dashboard"),
    ("attribution", "/dashboard/attribution"),
    ("personas", "/dashboard/personas"),
    ("feedback", "/dashboard/feedback"),
    ("cohorts", "/dashboard/cohorts"),
    ("paths", "/dashboard/paths"),
    ("data", "/dashboard/data"),
    ("destinations", "/dashboard/destinations"),
    ("reports", "/dashboard/reports"),
    ("users", "/dashboard/users"),
    ("account", "/dashboard/account"),
    ("customers", "/dashboard/customers?q=customer1"),
    ("segments", "/dashboard/segments"),
    ("segment-new", "/dashboard/segments/new"),
    ("segment-edit", "/dashboard/segments/vip-customers/edit"),
    ("segment-detail", "/dashboard/segments/vip-customers"),
    ("channels", "/dashboard/channels"),
    ("channel-email", "/dashboard/channels?channel=email"),
    ("optimiser", "/dashboard/optimiser"),
]
MMM_PAGES = {"channels", "channel-email", "optimiser"}


class Browser:
    """Headless Chromium driven over the DevTools pipe (fd 3 in, fd 4 out, NUL-separated JSON)."""

    def __init__(self, binary):
        self.profile = tempfile.mkdtemp(prefix="beacon-chromium-")
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()
        args = [binary, "--headless=new", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check", "--hide-scrollbars",
                f"--user-data-dir={self.profile}", "--window-size=1366,900", "about:blank"]

        def child_fds():
            # Copy both ends above 4 first so neither is clobbered, then into 3 and 4
            # (os.dup2 makes the copies inheritable; a no-op dup2(3, 3) would not).
            a, b = os.dup(to_browser_r), os.dup(from_browser_w)
            a, b = os.dup2(a, 10), os.dup2(b, 11)
            os.dup2(10, 3)
            os.dup2(11, 4)

        # The pipe ends are close-on-exec; only the copies made at fds 3 and 4 reach Chromium.
        self.log = open(os.path.join(self.profile, "chromium.log"), "wb")
        self.proc = subprocess.Popen(args, preexec_fn=child_fds, stdout=subprocess.DEVNULL, stderr=self.log, close_fds=False)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        self.session = None

    def send(self, method, params=None, session=True):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        want = self.next_id
        while True:
            m = self.read()
            if m.get("id") == want:
                if "error" in m:
                    raise RuntimeError(f"{method}: {m['error']}")
                return m.get("result", {})
            self.events.append(m)

    def read(self, timeout=60):
        deadline = time.time() + timeout
        while b"\0" not in self.buffer:
            if time.time() > deadline:
                raise TimeoutError("no message from Chromium")
            chunk = os.read(self.from_browser, 1 << 20)
            if not chunk:
                self.log.flush()
                with open(self.log.name, "rb") as f:
                    sys.stderr.write(f.read().decode(errors="replace")[-3000:])
                raise RuntimeError("Chromium closed the pipe")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)

    def wait_for(self, method, timeout=60):
        deadline = time.time() + timeout
        for i, e in enumerate(self.events):
            if e.get("method") == method:
                return self.events.pop(i)
        while time.time() < deadline:
            m = self.read(timeout=max(deadline - time.time(), 0.1))
            if m.get("method") == method:
                return m
            self.events.append(m)
        raise TimeoutError(f"no {method} within {timeout} s")

    def drain(self, seconds):
        """Collects events for a while (late requests, polling scripts)."""
        end = time.time() + seconds
        self.send("Runtime.evaluate", {"expression": "1"})
        while time.time() < end:
            time.sleep(0.1)
            self.send("Runtime.evaluate", {"expression": "1"})

    def open_tab(self):
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable")
        self.send("Emulation.setDeviceMetricsOverride", {"width": 1366, "height": 900, "deviceScaleFactor": 1, "mobile": False})

    def close(self):
        try:
            self.send("Browser.close", session=False)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


def problems_in(events, base):
    """Console errors, exceptions, failed requests and HTTP errors among DevTools events."""
    found = []
    for e in events:
        m, p = e.get("method"), e.get("params", {})
        if m == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
            found.append("console error: " + " ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", [])))
        elif m == "Runtime.exceptionThrown":
            found.append("exception: " + p.get("exceptionDetails", {}).get("exception", {}).get("description", p.get("exceptionDetails", {}).get("text", "")))
        elif m == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
            found.append("log error: " + p["entry"].get("text", "") + " " + p["entry"].get("url", ""))
        elif m == "Network.loadingFailed" and not p.get("canceled"):
            found.append("request failed: " + p.get("errorText", ""))
        elif m == "Network.responseReceived":
            r = p.get("response", {})
            if r.get("status", 200) >= 400:
                found.append(f"HTTP {r.get('status')}: {r.get('url')}")
    return found


# A small accessibility audit run in every loaded page: the checks a keyboard or screen-reader
# user would trip over first (WCAG 2.1: 1.1.1 text alternatives, 1.3.1/4.1.2 labels and
# names, 2.4.2 page title, 3.1.1 language, 2.4.3 focus order without positive tabindex).
A11Y_AUDIT = r"""
(() => {
  const problems = [];
  const name = el => (el.getAttribute('aria-label') || el.getAttribute('title') || el.textContent || '').trim();
  if (!document.documentElement.lang) problems.push('html has no lang');
  if (!document.title.trim()) problems.push('page has no title');
  if (document.querySelectorAll('h1').length !== 1) problems.push('page should have exactly one h1');
  for (const el of document.querySelectorAll('input, select, textarea')) {
    if (el.type === 'hidden') continue;
    const labelled = (el.id && document.querySelector('label[for="' + CSS.escape(el.id) + '"]')) || el.closest('label')
      || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
    if (!labelled) problems.push('unlabelled ' + el.tagName.toLowerCase() + (el.name ? ' ' + el.name : ''));
  }
  for (const el of document.querySelectorAll('button, a[href]')) {
    if (!name(el) && !el.querySelector('img[alt], svg[aria-label], svg title')) problems.push('unnamed ' + el.tagName.toLowerCase() + ' ' + (el.getAttribute('href') || ''));
  }
  for (const svg of document.querySelectorAll('svg.chart')) {
    if (!svg.getAttribute('aria-label') && !svg.querySelector('title') && !svg.getAttribute('aria-labelledby')) problems.push('chart without a title');
  }
  for (const img of document.querySelectorAll('img:not([alt])')) problems.push('img without alt');
  for (const el of document.querySelectorAll('[tabindex]')) if (parseInt(el.getAttribute('tabindex')) > 0) problems.push('positive tabindex');
  return problems;
})()
"""


def sign_in(browser, base, email, password):
    """Signs in through the real form (so the browser must accept the Secure, SameSite=Strict
    session cookie) and returns the cookie for plain HTTP calls; fails loudly otherwise."""
    browser.events.clear()
    browser.send("Page.navigate", {"url": base + "/dashboard"})
    browser.wait_for("Page.loadEventFired", timeout=120)
    here = browser.send("Runtime.evaluate", {"expression": "location.pathname", "returnByValue": True})["result"]["value"]
    if here != "/login":
        raise RuntimeError(f"an anonymous visit to /dashboard should land on /login, landed on {here}")
    browser.events.clear()
    browser.send("Runtime.evaluate", {"expression": (
        "document.getElementById('email').value = %s; document.getElementById('password').value = %s; "
        "document.querySelector('form[action=\"/login\"]').submit();") % (json.dumps(email), json.dumps(password))})
    browser.wait_for("Page.loadEventFired", timeout=120)
    here = browser.send("Runtime.evaluate", {"expression": "location.pathname", "returnByValue": True})["result"]["value"]
    if here != "/dashboard":
        raise RuntimeError(f"signing in did not open the dashboard (at {here})")
    cookies = browser.send("Network.getCookies", {"urls": [base]})["cookies"]
    session = next((c for c in cookies if c["name"] == "beacon_session"), None)
    if not session or not session.get("httpOnly") or not session.get("secure") or session.get("sameSite") != "Strict":
        raise RuntimeError(f"session cookie missing or weak: {session}")
    return "beacon_session=" + session["value"]


def wait_for_mmm(base, timeout, cookie):
    start = time.time()
    while time.time() - start < timeout:
        with urllib.request.urlopen(urllib.request.Request(base + "/dashboard/api/mmm", headers={"Cookie": cookie})) as r:
            state = json.load(r)
        if state["state"] != "fitting":
            return state, time.time() - start
        time.sleep(2)
    return {"state": "timeout"}, time.time() - start


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", default="http://127.0.0.1:8080")
    ap.add_argument("--out", default=".ci/artifacts/dashboard")
    ap.add_argument("--repeat", type=int, default=3, help="loads per page for the timings (the first is cold)")
    ap.add_argument("--write-key", help="a write key of the workspace, to check the live event debugger")
    ap.add_argument("--mmm-timeout", type=float, default=1200)
    ap.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser") or "chromium")
    ap.add_argument("--timings", help="also write the timings as JSON here")
    ap.add_argument("--email", required=True, help="a dashboard user to sign in as")
    ap.add_argument("--password-file", required=True, help="a file holding that user's password")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)

    browser = Browser(args.chromium)
    passed, failed, timings = 0, 0, {}
    try:
        browser.open_tab()
        with open(args.password_file) as f:
            cookie = sign_in(browser, args.base, args.email, f.read().strip())
        print(f"signed in as {args.email}")
        for name, path in PAGES:
            if name in MMM_PAGES and "mmm" not in timings:
                state, waited = wait_for_mmm(args.base, args.mmm_timeout, cookie)
                timings["mmm"] = {"state": state["state"], "waited_s": round(waited, 1), "fit_s": state.get("seconds")}
                print(f"marketing-mix model: {state['state']} after waiting {waited:.1f} s (fit {state.get('seconds')} s)")
            loads = []
            issues = []
            for attempt in range(max(args.repeat, 1)):
                browser.events.clear()
                t0 = time.time()
                browser.send("Page.navigate", {"url": args.base + path})
                browser.wait_for("Page.loadEventFired", timeout=120)
                wall = time.time() - t0
                nav = browser.send("Runtime.evaluate", {"expression": "JSON.stringify(performance.getEntriesByType('navigation')[0])", "returnByValue": True})
                entry = json.loads(nav["result"]["value"])
                loads.append({"wall_ms": round(wall * 1000), "load_ms": round(entry["loadEventEnd"]), "ttfb_ms": round(entry["responseStart"])})
                browser.drain(1.5 if attempt == 0 else 0.3)
                issues += problems_in(browser.events, args.base)
            audit = browser.send("Runtime.evaluate", {"expression": A11Y_AUDIT, "returnByValue": True})["result"].get("value") or []
            issues += ["accessibility: " + a for a in audit]
            if name == "optimiser":
                value = browser.send("Runtime.evaluate", {"expression": "document.getElementById('wi-media').textContent", "returnByValue": True})["result"]["value"]
                if not value.startswith("$"):
                    issues.append(f"what-if projection not filled in (got {value!r})")
            if name == "segment-edit":
                browser.drain(1.0)  # the preview request runs after load
                count = browser.send("Runtime.evaluate", {"expression": "document.getElementById('sb-count').textContent", "returnByValue": True})["result"]["value"]
                if "profiles match" not in count:
                    issues.append(f"segment builder preview not filled in (got {count!r})")
            if name == "data" and args.write_key:
                hostile = "<script>document.title='pwned'</script> Debugger Check"
                req = urllib.request.Request(args.base + "/v1/track", method="POST", data=json.dumps({"userId": "ci-check", "event": hostile}).encode(),
                                             headers={"Content-Type": "application/json", "Authorization": "Basic " + base64.b64encode((args.write_key + ":").encode()).decode()})
                urllib.request.urlopen(req).read()
                browser.drain(4.5)
                shown = browser.send("Runtime.evaluate", {"expression": "[document.title, document.querySelector('#events tbody tr td:nth-child(4)').textContent]", "returnByValue": True})["result"]["value"]
                if shown[0] == "pwned" or shown[1] != hostile:
                    issues.append(f"live debugger: expected the new event as text, got title {shown[0]!r}, first row {shown[1]!r}")
                issues += problems_in(browser.events, args.base)
            metrics = browser.send("Page.getLayoutMetrics")
            size = metrics.get("cssContentSize") or metrics["contentSize"]
            shot = browser.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True,
                                                           "clip": {"x": 0, "y": 0, "width": 1366, "height": min(size["height"], 6000), "scale": 1}})
            with open(os.path.join(args.out, f"{name}.png"), "wb") as f:
                f.write(base64.b64decode(shot["data"]))
            warm = [l["load_ms"] for l in loads[1:]] or [loads[0]["load_ms"]]
            timings[name] = {"path": path, "cold_ms": loads[0]["load_ms"], "warm_median_ms": round(statistics.median(warm)), "loads": loads}
            status = "ok" if not issues else "FAILED"
            print(f"{status:6} {path:40} first load {loads[0]['load_ms']:6} ms, then median {timings[name]['warm_median_ms']:5} ms")
            for i in sorted(set(issues)):
                print("       " + i)
            if issues:
                failed += 1
            else:
                passed += 1
    finally:
        browser.close()
    if args.timings:
        with open(args.timings, "w") as f:
            json.dump(timings, f, indent=2)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
