#!/usr/bin/env bash
# The executive report's speed on a two-year demo workspace, with headless Chromium's
# print-to-PDF of the dashboard overview as the reference (docs/benchmarks.md).
#
# 1. `beacon report` from the command line, a new process each run (it reads everything from
#    the store; --model-wait 0, so the marketing-mix section says the model is still being
#    fitted): wall, CPU and peak memory from /usr/bin/time -v, and the command's own split
#    between gathering the numbers and typesetting the PDF.
# 2. The same report from a running server (GET /dashboard/report.pdf, signed in) once its
#    marketing-mix model is fitted, so the report is whole: curl's wall time and the server's
#    CPU time from /proc.
# 3. Chromium printing the overview page of the same server (bench/report/chromium_print.py).
# Page counts are pdfinfo's. The machine's load average is printed before each part.
# Usage: bash bench/report/bench.sh [path/to/beacon] [days] [customers] [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
BEACON=${1:-.build/debug/beacon} DAYS=${2:-730} CUSTOMERS=${3:-2000} RUNS=${4:-3}
WORK=$(mktemp -d /tmp/beacon-bench-report.XXXXXX)
PID=
cleanup() {
  if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
load() { echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"; }
pages() { pdfinfo "$1" | sed -n 's/^Pages: *//p'; }
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; } # utime + stime in clock ticks
TICKS=$(getconf CLK_TCK)

echo "## data: beacon demo --days $DAYS --customers $CUSTOMERS"
"$BEACON" workspace create demo --data-dir "$WORK/data" >/dev/null
EMAIL=bench@beacon.local
python3 -c 'import secrets; print(secrets.token_urlsafe(18))' >"$WORK/password"
"$BEACON" user create --data-dir "$WORK/data" --email "$EMAIL" --name Bench --admin --password-stdin \
  <"$WORK/password" >/dev/null
"$BEACON" demo --data-dir "$WORK/data" --days "$DAYS" --customers "$CUSTOMERS" --no-serve | tail -1

echo "## 1. beacon report (a new process per run, --model-wait 0)"
load
for run in $(seq 1 "$RUNS"); do
  /usr/bin/time -v "$BEACON" report --data-dir "$WORK/data" --workspace demo --output "$WORK/cli-$run.pdf" \
    --model-wait 0 2>"$WORK/cli-$run.log"
  echo "run $run: $(grep '^wrote' "$WORK/cli-$run.log")"
  echo "  $(grep -E 'Elapsed \(wall' "$WORK/cli-$run.log" | sed 's/^\s*//'); CPU user $(sed -n 's/^\s*User time (seconds): //p' "$WORK/cli-$run.log") s + system $(sed -n 's/^\s*System time (seconds): //p' "$WORK/cli-$run.log") s; peak RSS $(sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$WORK/cli-$run.log") KB; $(pages "$WORK/cli-$run.pdf") pages"
done
load

echo "## 2. GET /dashboard/report.pdf from a running server, model fitted"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT
"$BEACON" serve --data-dir "$WORK/data" --port "$PORT" --recompute-interval 0 >"$WORK/serve.log" 2>&1 &
PID=$!
until curl -sf "$BASE/healthz" >/dev/null; do
  kill -0 "$PID" 2>/dev/null || { tail -5 "$WORK/serve.log"; exit 1; }
  sleep 0.5
done
curl -s -c "$WORK/cookies" -o /dev/null -H "Origin: $BASE" --data-urlencode "email=$EMAIL" \
  --data-urlencode "password=$(cat "$WORK/password")" --data-urlencode "next=/dashboard" "$BASE/login"
start=$(date +%s)
until curl -s -b "$WORK/cookies" "$BASE/dashboard/api/mmm" | grep -q '"state":"ready"'; do
  kill -0 "$PID" 2>/dev/null || { tail -5 "$WORK/serve.log"; exit 1; }
  sleep 2
done
echo "marketing-mix model fitted by the server in about $(($(date +%s) - start)) s"
load
for run in $(seq 1 "$RUNS"); do
  before=$(cpu "$PID")
  wall=$(curl -s -b "$WORK/cookies" -o "$WORK/served-$run.pdf" -w '%{time_total}' "$BASE/dashboard/report.pdf")
  after=$(cpu "$PID")
  echo "run $run: $wall s wall, server CPU $(awk -v a="$before" -v b="$after" -v t="$TICKS" 'BEGIN{printf "%.2f", (b-a)/t}') s; $(stat -c %s "$WORK/served-$run.pdf") bytes, $(pages "$WORK/served-$run.pdf") pages"
done

echo "## 3. headless Chromium: print-to-PDF of /dashboard (same server)"
load
python3 bench/report/chromium_print.py --base "$BASE" --email "$EMAIL" --password-file "$WORK/password" \
  --out "$WORK/chromium" --runs "$RUNS" --server-pid "$PID"
for run in $(seq 1 "$RUNS"); do echo "chromium-$run.pdf: $(pages "$WORK/chromium-$run.pdf") pages"; done
load
if [ -n "${KEEP:-}" ]; then mkdir -p "$KEEP" && cp "$WORK"/*.pdf "$KEEP"/ && echo "PDFs copied to $KEEP"; fi
