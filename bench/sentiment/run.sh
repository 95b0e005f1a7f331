#!/usr/bin/env bash
# Sentiment throughput: Beacon's VADER (its library sources compiled with -O, one thread) against
# vadersentiment 3.3.2 in the same run, over the 23,703 texts of ../shared/datasets/sentiment.
#   bench/sentiment/run.sh [PYTHON-with-vadersentiment] [repeats]
set -euo pipefail
cd "$(dirname "$0")/../.."
PYTHON=${1:-python3}
REPEATS=${2:-3}
DATA=../shared/datasets/sentiment
OUT=$(mktemp -d)
swiftc -O -module-name VADERBench -o "$OUT/vader-bench" \
  Sources/BeaconAnalytics/Sentiment/*.swift bench/sentiment/Bundle+module.swift bench/sentiment/main.swift
VADER_RESOURCES="$PWD/Sources/BeaconAnalytics/Resources" "$OUT/vader-bench" "$DATA" "$REPEATS"
"$PYTHON" bench/sentiment/peer_bench.py "$DATA" 1
rm -rf "$OUT"
