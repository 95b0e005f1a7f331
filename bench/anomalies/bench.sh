#!/bin/bash
# The anomaly scan beside its peer: 20 synthetic daily series of two years, scanned by
# `beacon bench anomalies` (robust STL + generalized ESD) and by statsmodels' STL with a
# NumPy/SciPy generalized ESD (scan_peer.py), best of 3 each; then whether both flag the same days.
#   bash bench/anomalies/bench.sh BEACON_BINARY PYTHON [SERIES] [DAYS]
set -euo pipefail
BEACON=${1:?beacon binary}; PYTHON=${2:?python with statsmodels and scipy}
SERIES=${3:-20}; DAYS=${4:-730}
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
HERE=$(cd "$(dirname "$0")" && pwd)
/usr/bin/time -f "beacon cpu %U+%S s, max rss %M KB" "$BEACON" bench anomalies --series "$SERIES" --days "$DAYS" --write "$DIR/series.csv" > "$DIR/beacon.txt"
/usr/bin/time -f "peer cpu %U+%S s, max rss %M KB" "$PYTHON" "$HERE/scan_peer.py" "$DIR/series.csv" > "$DIR/peer.txt"
echo "beacon: $(head -1 "$DIR/beacon.txt")"
echo "peer:   $(head -1 "$DIR/peer.txt")"
if diff <(tail -n +2 "$DIR/beacon.txt") <(tail -n +2 "$DIR/peer.txt") > "$DIR/diff.txt"; then
  echo "flags: identical ($(($(wc -l < "$DIR/beacon.txt") - 1)) days)"
else
  echo "flags differ:"; cat "$DIR/diff.txt"
fi
