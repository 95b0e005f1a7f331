#!/usr/bin/env python3
"""statsmodels' STL as the peer of Beacon's SeasonalTrendLoess.

    stl_peer.py reference      prints the directory of statsmodels' STL test results
                               (stl_co2.csv: the CO2 series; stl_test_results.csv: the
                               original Fortran's output per scenario)
    stl_peer.py fit ARGS       reads a JSON object {"y": [...], "period", "seasonal", "trend",
                               "low_pass", "inner", "outer"} on stdin and writes statsmodels'
                               STL season, trend and weights as JSON
"""
import json
import sys
from pathlib import Path


def main() -> int:
    import statsmodels
    from statsmodels.tsa.seasonal import STL

    if sys.argv[1:] == ["reference"]:
        print(Path(statsmodels.__file__).parent / "tsa" / "stl" / "tests" / "results")
        return 0
    if sys.argv[1:] == ["fit"]:
        spec = json.load(sys.stdin)
        res = STL(spec["y"], period=spec["period"], seasonal=spec["seasonal"], trend=spec.get("trend"),
                  low_pass=spec.get("low_pass")).fit(inner_iter=spec["inner"], outer_iter=spec["outer"])
        json.dump({"season": list(res.seasonal), "trend": list(res.trend), "weights": list(res.weights)},
                  sys.stdout)
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
