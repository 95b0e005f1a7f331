#!/usr/bin/env bash
# Server time of every dashboard page on a large `beacon demo` workspace, for two builds side
# by side: the first visit after start and the better of two warm visits (curl's time to first
# byte), with the server's peak resident memory (VmHWM) after the pages.
# Each build generates the same seeded data into its own SQLite directory (demo events have
# fixed message ids, so both logs are identical).
# Usage: bash bench/dashboard/server_time.sh OLD_BEACON NEW_BEACON [customers] [days]
# (OLD_BEACON "-" measures the new build only).
set -euo pipefail
OLD=$1 NEW=$2 CUSTOMERS=${3:-20000} DAYS=${4:-730}
WORK=$(mktemp -d /tmp/beacon-bench-dashboard.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
EMAIL=bench@beacon.local
python3 -c 'import secrets; print(secrets.token_urlsafe(18))' >"$WORK/password"
setup() { # binary data-dir
  "$1" workspace create demo --data-dir "$2" >/dev/null
  "$1" user create --data-dir "$2" --email "$EMAIL" --name Bench --admin --password-stdin <"$WORK/password" >/dev/null
  local start; start=$(date +%s)
  "$1" demo --data-dir "$2" --customers "$CUSTOMERS" --days "$DAYS" --no-serve | tail -1
  echo "generated in $(( $(date +%s) - start )) s"
}
PAGES="/dashboard /dashboard/attribution /dashboard/personas /dashboard/data /dashboard/customers /dashboard/segments /dashboard/channels /dashboard/optimiser"

run() { # binary data-dir label
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  local t0; t0=$(date +%s)
  "$1" serve --data-dir "$2" --port "$port" --recompute-interval 0 >"$WORK/$3.log" 2>&1 &
  local pid=$!
  until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { tail -5 "$WORK/$3.log"; return 1; }
    sleep 0.2
  done
  echo "## $3: listening after $(( $(date +%s) - t0 )) s"
  local jar="$WORK/$3.cookies"
  curl -s -c "$jar" -o /dev/null -H "Origin: http://127.0.0.1:$port" \
    --data-urlencode "email=$EMAIL" --data-urlencode "password=$(cat "$WORK/password")" \
    --data-urlencode "next=/dashboard" "http://127.0.0.1:$port/login"
  echo "| page | first (s) | warm, best of 2 (s) |"
  for page in $PAGES; do
    local times=()
    for _ in 1 2 3; do
      times+=("$(curl -s -b "$jar" -o /dev/null -w '%{time_starttransfer}' "http://127.0.0.1:$port$page")")
    done
    local warm; warm=$(printf '%s\n' "${times[1]}" "${times[2]}" | sort -n | head -1)
    echo "| \`$page\` | ${times[0]} | $warm |"
  done
  echo "peak resident memory: $(grep VmHWM /proc/$pid/status | awk '{print $2/1024 " MiB"}')"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
if [ "$OLD" != "-" ]; then
  setup "$OLD" "$WORK/a"
  run "$OLD" "$WORK/a" old
  rm -rf "$WORK/a"
fi
setup "$NEW" "$WORK/b"
run "$NEW" "$WORK/b" new
