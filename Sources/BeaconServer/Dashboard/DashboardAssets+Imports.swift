extension DashboardAssets {
    /// Import status rows and the Markov graph's labels.
    static let importStatusCSS = """
        #imports progress { width: 120px; vertical-align: middle; }
        .state-failed { color: var(--down); } .state-finished { color: var(--up); }
        svg.markov .edge-label { font-size: 11px; }
        """

    /// Polls `/dashboard/api/imports` every 2 s while an import runs and updates each job's
    /// row in place (a new job reloads the page to get its row). Text via `textContent`.
    static let importStatusScript = """
        (function () {
          "use strict";
          var table = document.getElementById("imports");
          if (!table || table.dataset.running !== "true") return;
          var status = document.getElementById("imports-status");
          var tick = function () {
            fetch("/dashboard/api/imports?ws=" + encodeURIComponent(table.dataset.ws)).then(function (r) { return r.json(); }).then(function (res) {
              var fresh = false;
              res.jobs.forEach(function (j) {
                var row = table.querySelector("tr[data-job=\\"" + j.id + "\\"]");
                if (!row) { fresh = true; return; }
                var set = function (field, text) { var c = row.querySelector("[data-field=" + field + "]"); if (c) c.textContent = text; };
                set("state", j.state + (j.state === "failed" ? ": " + j.error : ""));
                row.querySelector("[data-field=state]").className = "state-" + j.state;
                set("rowsRead", j.rowsRead); set("rowsSkipped", j.rowsSkipped); set("eventsStored", j.eventsStored); set("finished", j.finished);
                var bar = row.querySelector("[data-field=bar]");
                if (j.percent !== null) { bar.value = j.percent; bar.textContent = j.percent + "%"; set("percent", j.percent + "%"); }
              });
              if (fresh) { location.reload(); return; }
              if (res.running) setTimeout(tick, 2000);
              else status.textContent = "All imports have ended.";
            }).catch(function () { status.textContent = "Connection lost; retrying"; setTimeout(tick, 5000); });
          };
          setTimeout(tick, 2000);
        })();
        """
}
