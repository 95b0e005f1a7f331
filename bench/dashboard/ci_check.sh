#!/usr/bin/env bash
# Starts `beacon demo` (two years of seeded data, its own SQLite directory) on a loopback
# port, loads every dashboard page in headless Chromium with check_pages.py (console
# errors, failed requests, the live debugger with a hostile event name), saves screenshots
# and timings to $BEACON_ARTIFACTS/dashboard (BEACON_ARTIFACTS by default .ci/artifacts), and
# stops the server. Exits non-zero on any failure.
# Usage: bash bench/dashboard/ci_check.sh [path/to/beacon]
set -uo pipefail
cd "$(dirname "$0")/../.."
BEACON=${1:-.build/debug/beacon}
# A free loopback port, so another server on the machine cannot answer in our place.
PORT=${BEACON_DASHBOARD_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
OUT=${BEACON_ARTIFACTS:-.ci/artifacts}/dashboard
mkdir -p "$OUT"
DATA=$(mktemp -d /tmp/beacon-ci-dashboard.XXXXXX)
"$BEACON" workspace create demo --data-dir "$DATA" >"$DATA/create.log" 2>&1 || { cat "$DATA/create.log"; exit 1; }
KEY=$(grep -o 'bk_[0-9a-f]*' "$DATA/create.log" | head -1)
# A dashboard user to sign in as (the password travels through a file, never argv).
EMAIL=ci-check@beacon.local
python3 -c 'import secrets; print(secrets.token_urlsafe(18))' >"$DATA/password"
"$BEACON" user create --data-dir "$DATA" --email "$EMAIL" --name "CI check" --admin --password-stdin <"$DATA/password" \
  >>"$DATA/create.log" 2>&1 || { cat "$DATA/create.log"; exit 1; }
"$BEACON" demo --data-dir "$DATA" --port "$PORT" --days 730 >"$OUT/demo.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 600); do
  curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  kill -0 $PID 2>/dev/null || { echo "beacon demo exited"; tail -20 "$OUT/demo.log"; exit 1; }
  sleep 1
done
kill -0 $PID 2>/dev/null || { echo "beacon demo exited"; tail -20 "$OUT/demo.log"; exit 1; }
python3 bench/dashboard/check_pages.py --base "http://127.0.0.1:$PORT" --out "$OUT" --write-key "$KEY" \
  --email "$EMAIL" --password-file "$DATA/password" --repeat 3 --timings "$OUT/timings.json" | sed 's/^\([0-9]* passed, [0-9]* failed\)$/dashboard pages — \1/'
exit "${PIPESTATUS[0]}"
