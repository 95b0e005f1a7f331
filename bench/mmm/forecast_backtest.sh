#!/usr/bin/env bash
# Rolling-origin backtest of `beacon mmm forecast` on one seeded set of each simulated family
# and on the TechStyle demo: 4 origins x 28 days ahead, the model refitted (search included) at
# every origin; prints MAPE and 90 % interval coverage per period and for the 28-day totals.
#
#   BEACON=.build/debug/beacon bench/mmm/forecast_backtest.sh [seed] [extra mmm options…]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BEACON=${BEACON:-$ROOT/.build/release/beacon}
SEED=${1:-1}
shift || true
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

report() { # label, json file
    python3 - "$1" "$2" <<'PY'
import json, sys
b = json.load(open(sys.argv[2]))["backtest"]
steps = {s["ahead"]: s for s in b["steps"]}
pick = " ".join(f"{h}d {steps[h]['mape']*100:.1f}%/{steps[h]['coverage']*100:.0f}%" for h in (1, 7, 14, 28) if h in steps)
print(f"{sys.argv[1]:<13} MAPE {b['mape']*100:5.1f}%  coverage {b['coverage']*100:4.0f}%  "
      f"28-day totals: MAPE {b['totalMAPE']*100:5.1f}%, coverage {b['totalCoverage']*100:3.0f}%  | by step (MAPE/coverage): {pick}")
PY
}

for family in constant time-varying confounder seasonality correlated; do
    "$BEACON" mmm generate --family "$family" --seed "$SEED" --output "$OUT/$family.csv" > /dev/null
    controls=""; events=""
    [ "$family" = confounder ] && controls="--controls demand_index"
    [ "$family" = seasonality ] && events="--events black_friday,christmas"
    /usr/bin/time -f "$family: %e s wall, %U s CPU" "$BEACON" mmm forecast --input "$OUT/$family.csv" \
        --channels google_ads,meta_ads,tiktok $controls $events --horizon 28 --origins 4 --format json "$@" \
        > "$OUT/$family.json"
    report "$family" "$OUT/$family.json"
done
"$BEACON" mmm generate --seed "$SEED" --output "$OUT/techstyle.csv" > /dev/null
/usr/bin/time -f "techstyle: %e s wall, %U s CPU" "$BEACON" mmm forecast --input "$OUT/techstyle.csv" \
    --channels google_ads,meta_ads,email,tiktok,affiliate --controls seasonality_index --events black_friday \
    --horizon 28 --origins 4 --format json "$@" > "$OUT/techstyle.json"
report techstyle "$OUT/techstyle.json"
