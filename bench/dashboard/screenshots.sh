#!/usr/bin/env bash
# Regenerates the README's screenshots in docs/screenshots/: starts `beacon demo` (the seeded
# demo workspace, its own SQLite directory, a loopback port), signs in through the login form
# in headless Chromium and saves the overview, channels (marketing mix), personas, attribution
# and reports pages (screenshots.py); then writes the executive report with `beacon report`
# and renders its page 1 with `pdftoppm -png -r 80`. PNGs are made small with pngquant and
# optipng when installed (Debian `pngquant`, `optipng`). Needs Debian `chromium` and
# `poppler-utils`.
# Usage: bash bench/dashboard/screenshots.sh [path/to/beacon]
set -euo pipefail
cd "$(dirname "$0")/../.."
BEACON=${1:-.build/debug/beacon}
OUT=docs/screenshots
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
DATA=$(mktemp -d /tmp/beacon-screenshots.XXXXXX)
PID=
cleanup() {
  if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$DATA"
}
trap cleanup EXIT
mkdir -p "$OUT"

"$BEACON" workspace create demo --data-dir "$DATA" >"$DATA/setup.log"
EMAIL=ada@example.com
python3 -c 'import secrets; print(secrets.token_urlsafe(18))' >"$DATA/password"
"$BEACON" user create --data-dir "$DATA" --email "$EMAIL" --name "Ada Lovelace" --admin --password-stdin \
  <"$DATA/password" >>"$DATA/setup.log"
# A weekly report schedule, so the Reports page shows one (it is never due while this runs:
# nothing is sent, and the SMTP server named here need not exist).
printf 'Hello {{email}}\n' >"$DATA/body.txt"
printf '<p>Hello {{email}}</p>\n' >"$DATA/body.html"
DEST=$("$BEACON" destinations create-email --data-dir "$DATA" --workspace demo --name "Company mail" \
  --host 127.0.0.1 --port 2525 --security none --from reports@example.com --subject "Beacon" \
  --text-file "$DATA/body.txt" --html-file "$DATA/body.html" --unsubscribe-url https://beacon.example.com |
  sed -n 's/^destination: //p')
"$BEACON" report schedule create --data-dir "$DATA" --workspace demo --user "$EMAIL" --name "Monday numbers" \
  --schedule weekly --time 08:00 --time-zone Europe/Berlin --destination "$DEST" >>"$DATA/setup.log"

"$BEACON" demo --data-dir "$DATA" --port "$PORT" >"$DATA/demo.log" 2>&1 &
PID=$!
until curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1; do
  kill -0 "$PID" 2>/dev/null || { echo "beacon demo exited"; tail -20 "$DATA/demo.log"; exit 1; }
  sleep 1
done
python3 bench/dashboard/screenshots.py --base "http://127.0.0.1:$PORT" --out "$OUT" \
  --email "$EMAIL" --password-file "$DATA/password"
kill "$PID"
wait "$PID" 2>/dev/null || true
PID=

"$BEACON" report --data-dir "$DATA" --workspace demo --output "$DATA/report.pdf" --model-wait 1800
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$DATA/report.pdf" "$OUT/report-page-1"

for png in "$OUT"/*.png; do
  if command -v pngquant >/dev/null; then pngquant --force --skip-if-larger --quality 80-98 --speed 1 --ext .png "$png" || true; fi
  if command -v optipng >/dev/null; then optipng -quiet -o2 -strip all "$png"; fi
done
du -b "$OUT"/*.png
echo "total: $(cat "$OUT"/*.png | wc -c) bytes"
