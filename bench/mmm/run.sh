#!/usr/bin/env bash
# Times `beacon mmm fit` (full hyper-parameter search + 200 bootstrap refits) on the
# TechStyle demo data (730 days x 5 channels) and on the shared reference data sets, and
# compares the recovered ROAS with the generator's truth. Optional peer: pymc-marketing's MMM
# when PYMC_PYTHON points at an interpreter that has it (see pymc_mmm.py).
#
#   BEACON=.build/release/beacon bench/mmm/run.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BEACON=${BEACON:-$ROOT/.build/release/beacon}
DATA=${BEACON_SHARED_DIR:-$ROOT/../shared}/datasets/mmm
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

timed() { # label, command... — prints wall and CPU time (the machine may be shared)
    local label=$1; shift
    /usr/bin/time -f "$label: %e s wall, %U s user CPU, %M KB max RSS" "$@" > "$OUT/$label.txt"
    cat "$OUT/$label.txt"
}

"$BEACON" mmm generate --days 730 --seed 1 --output "$OUT/techstyle.csv" > /dev/null
timed techstyle "$BEACON" mmm fit --input "$OUT/techstyle.csv" \
    --channels google_ads,meta_ads,email,tiktok,affiliate --controls seasonality_index --events black_friday \
    --output "$OUT/techstyle.fit.json"
python3 - "$OUT/techstyle.truth.json" "$OUT/techstyle.fit.json" <<'PY'
import json, sys
truth = {c["name"]: c for c in json.load(open(sys.argv[1]))["channels"]}
fit = json.load(open(sys.argv[2]))
print("channel      true θ  fitted carry-over   true ROAS  fitted ROAS [90%]")
for c in fit["channels"]:
    t = truth[c["name"]]
    r = c["roas"]
    print(f'{c["name"]:<12} {t["adstockRate"]:6.2f}  {c["carryoverShare"]:17.2f}   {t["roas"]:9.2f}  {r["estimate"]:.2f} [{r["lower"]:.2f}, {r["upper"]:.2f}]')
PY
timed techstyle-weibull "$BEACON" mmm fit --input "$OUT/techstyle.csv" \
    --channels google_ads,meta_ads,email,tiktok,affiliate --controls seasonality_index --events black_friday \
    --adstock weibull-pdf --max-lag 60
timed robyn "$BEACON" mmm fit --input "$DATA/dt_simulated_weekly.csv" --date DATE --target revenue \
    --channels tv_S,ooh_S,print_S,facebook_S,search_S --controls competitor_sales_B,newsletter --events events
timed robyn-weibull "$BEACON" mmm fit --input "$DATA/dt_simulated_weekly.csv" --date DATE --target revenue \
    --channels tv_S,ooh_S,print_S,facebook_S,search_S --controls competitor_sales_B,newsletter --events events \
    --adstock weibull-pdf
timed pymc-example "$BEACON" mmm fit --input "$DATA/mmm_example.csv" --date date_week --target y \
    --channels x1,x2 --events event_1,event_2 --saturation logistic --max-lag 8 --yearly-order 2
timed meridian "$BEACON" mmm fit --input "$DATA/national_all_channels.csv" --date time --target conversions \
    --channels Channel0_spend,Channel1_spend,Channel2_spend,Channel3_spend,Channel4_spend \
    --controls competitor_sales_control,sentiment_score_control,Promo,Organic_channel0_impression
if [ -n "${PYMC_PYTHON:-}" ]; then
    "$PYMC_PYTHON" "$(dirname "$0")/pymc_mmm.py" "$DATA/mmm_example.csv" date_week y x1,x2 event_1,event_2 8
    "$PYMC_PYTHON" "$(dirname "$0")/pymc_mmm.py" "$OUT/techstyle.csv" date revenue \
        google_ads,meta_ads,email,tiktok,affiliate seasonality_index,black_friday 28
fi
