#!/usr/bin/env bash
# Builds the recommendations benchmark driver with -O: BeaconCore as a module (Analytics'
# OrderRecord reads Core's calendar), then the association-rule and lookalike sources, OrderRecord
# and main.swift. The package itself is only built in debug on the shared machine.
#   bench/recommendations/build.sh [OUT-DIRECTORY]   # prints the driver's path
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${1:-$(mktemp -d)}
mkdir -p "$OUT"
find Sources/BeaconCore -name '*.swift' -print0 | xargs -0 swiftc -O -parse-as-library -module-name BeaconCore \
  -emit-module -emit-module-path "$OUT/BeaconCore.swiftmodule" -emit-library -static -o "$OUT/libBeaconCore.a"
swiftc -O -module-name DiscoveryBench -I "$OUT" -L "$OUT" -lBeaconCore -o "$OUT/bench-driver" \
  Sources/BeaconAnalytics/Recommendations/*.swift \
  Sources/BeaconAnalytics/Lookalikes/LookalikeFeatureTable.swift Sources/BeaconAnalytics/Lookalikes/LookalikeModel.swift \
  Sources/BeaconAnalytics/Numerics/{Xoshiro256StarStar,SplitMix64}.swift \
  Sources/BeaconAnalytics/Segmentation/OrderRecord.swift bench/recommendations/main.swift
echo "$OUT/bench-driver"
