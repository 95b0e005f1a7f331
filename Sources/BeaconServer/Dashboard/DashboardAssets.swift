import Hummingbird

/// The dashboard's one stylesheet and one script, served from the binary with a long cache
/// lifetime (`/dashboard/assets/dashboard.css`, `/dashboard/assets/dashboard.js`).
enum DashboardAssets {
    static func addRoutes<Context: RequestContext>(to router: Router<Context>) {
        router.get("/dashboard/assets/dashboard.css") { _, _ in asset(bundledCSS, type: "text/css; charset=utf-8") }
        router.get("/dashboard/assets/dashboard.js") { _, _ in asset(bundledScript, type: "text/javascript; charset=utf-8") }
    }

    private static func asset(_ text: String, type: String) -> Response {
        var headers = DashboardRenderer.securityHeaders
        headers[.contentType] = type
        headers[.cacheControl] = "public, max-age=3600"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// Readable on a laptop, AA contrast on white, visible keyboard focus.
    static let css = """
        :root { --ink: #1b1f24; --muted: #4a5360; --line: #d8dde3; --accent: #0b5cad; --bg: #f6f7f9; --up: #0a7a3d; --down: #b3261e; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
        a { color: var(--accent); }
        :focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
        .skip { position: absolute; left: -999px; top: 0; background: #fff; padding: 8px; }
        .skip:focus { left: 8px; }
        header.top { display: flex; flex-wrap: wrap; align-items: center; gap: 16px; padding: 10px 24px; background: #fff; border-bottom: 1px solid var(--line); }
        .brand { font-weight: 700; font-size: 18px; text-decoration: none; color: var(--ink); }
        nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 4px; margin: 0; padding: 0; }
        nav a { display: block; padding: 6px 10px; border-radius: 6px; text-decoration: none; color: var(--ink); }
        nav a[aria-current="page"] { background: var(--accent); color: #fff; }
        .switcher { margin-left: auto; display: flex; gap: 6px; align-items: center; }
        .signout { display: flex; gap: 10px; align-items: center; margin: 0 0 0 8px; font-size: 14px; } .signout a { text-decoration: none; } .signout a:hover { text-decoration: underline; }
        .login-box { max-width: 420px; margin: 8vh auto; background: #fff; border: 1px solid var(--line); border-radius: 12px; padding: 24px 28px; }
        .login-box form { display: grid; gap: 6px; } .login-box input { padding: 8px; border: 1px solid #8a939e; border-radius: 6px; }
        .login-box button[type=submit] { margin-top: 12px; padding: 8px; border: 0; border-radius: 6px; background: var(--accent); color: #fff; }
        form.inline { display: inline-flex; gap: 4px; align-items: center; margin: 0 6px 2px 0; }
        form.stacked { display: grid; gap: 6px; max-width: 520px; } form.stacked input, form.stacked select { padding: 6px; border: 1px solid #8a939e; border-radius: 6px; }
        form.stacked fieldset { border: 1px solid var(--line); border-radius: 6px; } form.stacked fieldset label { margin-right: 12px; }
        form.stacked button[type=submit] { justify-self: start; padding: 8px 14px; border: 0; border-radius: 6px; background: var(--accent); color: #fff; }
        .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .form-error { color: var(--down); background: #fdecea; border-radius: 6px; padding: 8px 10px; }
        select, button, input { font: inherit; }
        button.secondary { padding: 4px 10px; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
        a.button { display: inline-block; padding: 6px 12px; border-radius: 6px; background: var(--accent); color: #fff; text-decoration: none; }
        main { max-width: 1200px; margin: 0 auto; padding: 16px 24px 40px; }
        h1 { margin: 8px 0 4px; font-size: 26px; }
        h2 { font-size: 19px; margin: 28px 0 8px; }
        .lede { color: var(--muted); margin-top: 0; }
        .note { color: var(--muted); font-size: 13px; margin: 4px 0; }
        .note.demo-data { color: #6b4e00; background: #fff6da; border-left: 4px solid #f2a900; padding: 6px 10px; }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 12px; }
        .cards.small { grid-template-columns: repeat(auto-fill, minmax(140px, 1fr)); }
        .card { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; }
        .card .label { color: var(--muted); font-size: 13px; }
        .card .value { font-size: 24px; font-weight: 650; }
        .cards.small .value { font-size: 18px; }
        .change.up { color: var(--up); } .change.down { color: var(--down); } .change.flat { color: var(--muted); }
        .change { font-size: 13px; }
        .insights li, .insight { background: #fff; border-left: 4px solid var(--accent); padding: 8px 12px; margin: 6px 0; list-style: none; }
        .insights { padding: 0; }
        figure { margin: 12px 0; background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 8px; }
        svg.chart { width: 100%; height: auto; display: block; font-size: 11px; }
        svg.chart.donut { max-width: 520px; }
        svg.chart.heatmap { width: auto; max-width: 100%; height: auto; }
        svg .grid { stroke: #e6e9ed; } svg .baseline, svg .tick { stroke: #8a939e; }
        svg text:not([fill]) { fill: #333b45; } svg .axis-title { font-size: 12px; fill: var(--muted); }
        table { border-collapse: collapse; width: 100%; background: #fff; border: 1px solid var(--line); margin: 8px 0; }
        caption { text-align: left; color: var(--muted); font-size: 13px; padding: 6px 0; }
        th, td { padding: 6px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        tr.current { background: #eef4fb; }
        .empty { background: #fff; border: 1px dashed #9aa5b1; border-radius: 10px; padding: 16px 20px; }
        pre { background: #f0f2f5; padding: 10px; overflow-x: auto; white-space: pre-wrap; word-break: break-all; }
        .personas { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 14px; }
        .persona { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 12px; }
        .persona h3 { margin: 0 0 8px; display: flex; gap: 8px; align-items: center; }
        .persona .card { border: none; background: var(--bg); }
        .effects { display: flex; flex-wrap: wrap; gap: 8px 18px; padding: 0; list-style: none; }
        .slider { display: grid; grid-template-columns: 160px 1fr 120px; gap: 12px; align-items: center; margin: 6px 0; }
        .slider input { width: 100%; }
        table.events td { font-size: 13px; }
        footer { text-align: center; color: var(--muted); font-size: 12px; padding: 20px; }
        """

    /// Workspace switcher, fitting progress, what-if sliders and the live event debugger.
    /// Everything from the server is written with `textContent`, never `innerHTML`.
    static let script = """
        (function () {
          "use strict";
          document.querySelectorAll("select[data-autosubmit]").forEach(function (s) {
            s.addEventListener("change", function () { s.form.submit(); });
          });
          function q(ws) { return "?ws=" + encodeURIComponent(ws); }
          // Amounts after the workspace's currency symbol, as the server writes them (DashboardCurrency).
          function money(v) {
            var form = document.getElementById("whatif-form");
            var symbol = (form && form.dataset.currency) || "$";
            return (v < 0 ? "-" : "") + symbol + Math.round(Math.abs(v)).toLocaleString("en-US");
          }

          var progress = document.getElementById("fit-progress");
          if (progress) {
            var status = document.getElementById("fit-status");
            var poll = function () {
              fetch("/dashboard/api/mmm" + q(progress.dataset.ws)).then(function (r) { return r.json(); }).then(function (s) {
                if (s.state === "fitting") { status.textContent = s.seconds + " s so far"; setTimeout(poll, 1000); }
                else if (s.state === "ready") { location.reload(); }
                else { status.textContent = "Fit failed: " + s.error; }
              }).catch(function () { setTimeout(poll, 3000); });
            };
            setTimeout(poll, 1000);
          }

          var form = document.getElementById("whatif-form");
          if (form) {
            var pending = null;
            var update = function () {
              var spend = {};
              form.querySelectorAll("input[type=range]").forEach(function (input) {
                // Unmoved sliders keep the exact current spend (a slider snaps to its step).
                if (input.value !== input.defaultValue) spend[input.dataset.channel] = Number(input.value);
                var out = document.getElementById("out-" + input.id.slice(6));
                if (out) out.textContent = money(Number(input.value)) + "/day";
              });
              fetch("/dashboard/api/whatif" + q(form.dataset.ws), {
                method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ spend: spend })
              }).then(function (r) { return r.json(); }).then(function (w) {
                if (w.mediaRevenue === undefined) return;
                document.getElementById("wi-spend").textContent = money(w.spend);
                document.getElementById("wi-media").textContent = money(w.mediaRevenue);
                document.getElementById("wi-media-range").textContent = "90% interval " + money(w.mediaRevenueLower) + " … " + money(w.mediaRevenueUpper);
                document.getElementById("wi-roas").textContent = w.roas.toFixed(2) + "×";
                var d = w.mediaRevenue - w.currentMediaRevenue;
                document.getElementById("wi-delta").textContent = (d >= 0 ? "+" : "") + money(d);
              });
            };
            form.addEventListener("input", function () { clearTimeout(pending); pending = setTimeout(update, 120); });
            update();
          }

          var table = document.getElementById("events");
          if (table) {
            var after = table.dataset.after, body = table.querySelector("tbody");
            var live = document.getElementById("live"), liveStatus = document.getElementById("live-status");
            var cell = function (tr, text, cls) { var td = document.createElement("td"); td.textContent = text; if (cls) td.className = cls; tr.appendChild(td); };
            var tick = function () {
              if (!live.checked) { setTimeout(tick, 2000); return; }
              fetch("/dashboard/api/events" + q(table.dataset.ws) + "&after=" + encodeURIComponent(after)).then(function (r) { return r.json(); }).then(function (page) {
                page.events.forEach(function (e) {
                  var tr = document.createElement("tr");
                  cell(tr, String(e.sequence), "num"); cell(tr, e.time); cell(tr, e.type); cell(tr, e.name); cell(tr, e.who);
                  var td = document.createElement("td"), det = document.createElement("details"), sum = document.createElement("summary"), pre = document.createElement("pre");
                  sum.textContent = "JSON"; pre.textContent = e.json; det.appendChild(sum); det.appendChild(pre); td.appendChild(det); tr.appendChild(td);
                  body.insertBefore(tr, body.firstChild);
                });
                if (page.next !== undefined && page.next !== null) after = page.next;
                if (page.events.length) { liveStatus.textContent = page.events.length + " new"; var empty = document.getElementById("debugger-empty"); if (empty) empty.remove(); }
                while (body.rows.length > 200) body.deleteRow(body.rows.length - 1);
                setTimeout(tick, 2000);
              }).catch(function () { liveStatus.textContent = "Connection lost; retrying"; setTimeout(tick, 5000); });
            };
            setTimeout(tick, 2000);
          }
        })();
        """
}
