#!/usr/bin/env bash
# Ingest benchmark: events/s and p50/p99 latency of `beacon serve` under wrk, for single-event
# requests and 100-event batches at 8 and 64 connections, on SQLite (and PostgreSQL when
# BEACON_BENCH_POSTGRES_URL is set). Writes the table to docs/benchmarks.md (## Ingest).
# Usage: [BEACON_BIN=path/to/beacon] bash bench/ingest.sh [seconds-per-run]
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-10}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
# BEACON_BIN runs another build (e.g. an older release binary for an A/B) instead of this tree's.
if [ -n "${BEACON_BIN:-}" ]; then BIN=$BEACON_BIN; else
  swift build -c release --product beacon >/dev/null
  BIN=$(swift build -c release --show-bin-path)/beacon
fi
PORT=18080
OUT=$(mktemp)

run_backend() {
  local name=$1; shift
  local dir; dir=$(mktemp -d)
  local key; key=$("$BIN" workspace create bench --data-dir "$dir" "$@" 2>/dev/null | sed -n 's/^write key: //p')
  if [ -z "$key" ]; then key=$("$BIN" workspace add-key bench --data-dir "$dir" "$@" | sed -n 's/^write key: //p'); fi
  "$BIN" serve --data-dir "$dir" --port $PORT --log-level error "$@" &
  local pid=$!
  for _ in $(seq 100); do curl -sf http://127.0.0.1:$PORT/healthz >/dev/null && break; sleep 0.1; done
  for batch in 1 100; do
    for conns in 8 64; do
      local line
      line=$(BEACON_KEY=$key BATCH=$batch RUN="$name-$batch-$conns-$RANDOM$RANDOM" \
        wrk -t2 -c$conns -d${SECS}s -s bench/ingest/ingest.lua http://127.0.0.1:$PORT/ | grep '^RESULT')
      eval "${line#RESULT }"
      local secs; secs=$(awk "BEGIN{print $duration_us/1e6}")
      local eps; eps=$(awk "BEGIN{printf \"%.0f\", $requests*$batch/$secs}")
      printf '| %s | %s | %s | %s | %.1f | %.1f | %s |\n' "$name" "$batch" "$conns" "$eps" \
        "$(awk "BEGIN{print $p50_us/1000}")" "$(awk "BEGIN{print $p99_us/1000}")" "$((errors + non2xx))" | tee -a "$OUT"
    done
  done
  kill $pid; wait $pid 2>/dev/null || true
  rm -rf "$dir"
}

run_backend sqlite
if [ -n "${BEACON_BENCH_POSTGRES_URL:-}" ]; then run_backend postgres --database-url "$BEACON_BENCH_POSTGRES_URL"; fi

python3 - "$OUT" "$SECS" <<'PY'
import pathlib, re, subprocess, sys, datetime
rows = pathlib.Path(sys.argv[1]).read_text()
secs = sys.argv[2]
cpu = subprocess.run(["sh", "-c", "nproc; grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], capture_output=True, text=True).stdout.split("\n")
section = f"""## Ingest

Command: `bash bench/ingest.sh {secs}` (wrk, 2 threads, {secs} s per row, release build, server and load
generator on the same {cpu[0].strip()}-core machine:{cpu[1]}; {datetime.date.today()}). Each request carries
unique messageIds, so every event is a real insert committed with `synchronous=FULL` (SQLite) or a
durable PostgreSQL commit before the 200 is sent.

| store | events/request | connections | events/s | p50 ms | p99 ms | errors |
|---|---|---|---|---|---|---|
{rows}
No peer (Segment's or RudderStack's server) runs on this machine, so there is no side-by-side row.
"""
path = pathlib.Path("docs/benchmarks.md")
text = path.read_text() if path.exists() else "# Benchmarks\n"
pattern = re.compile(r"## Ingest\n.*?(?=\n## |\Z)", re.S)
text = pattern.sub(lambda _: section.rstrip() + "\n", text) if pattern.search(text) else text.rstrip() + "\n\n" + section
path.write_text(text)
print(section)
PY
