#!/bin/sh
# Churn benchmark: Beacon vs scikit-learn on Telco training rows replicated to ROWS rows,
# single-threaded and with two threads. Usage (from /work/main):
#   BEACON=path/to/release/beacon bench/churn/run_benchmark.sh [ROWS]
set -e
ROWS=${1:-1000000}
DATA=${DATA:-../shared/datasets/telco_churn/Telco-Customer-Churn.csv}
BEACON=${BEACON:-.build/release/beacon}
PYTHON=${BEACON_PYTHON:-.venv/bin/python}
echo "# $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for threads in 1 2; do
    echo "## Beacon, $threads thread(s)"
    "$BEACON" bench churn --input "$DATA" --target Churn --positive Yes --rows "$ROWS" --threads "$threads"
    echo "## scikit-learn, $threads thread(s)"
    "$PYTHON" bench/churn/bench_sklearn.py "$DATA" --rows "$ROWS" --threads "$threads"
done
