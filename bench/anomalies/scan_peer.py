#!/usr/bin/env python3
"""The anomaly scan's peer: statsmodels' STL (robust, the same spans) and Rosner's generalized
ESD test written with NumPy/SciPy, over the series `beacon bench anomalies --write FILE` saved.

    scan_peer.py FILE [--repeat N]

Prints the best time as JSON, then every flag as `series<TAB>day` (the format of the bench
command, so the two outputs can be compared with diff).
"""
import argparse
import json
import sys
import time

import numpy as np
from scipy import stats
from statsmodels.tsa.seasonal import STL


def esd(x, max_outliers, alpha=0.05):
    """Generalized ESD (Rosner 1983): the indices of the outliers, in the order removed."""
    x = np.asarray(x, dtype=float)
    idx = np.arange(len(x))
    removed, count = [], 0
    n = len(x)
    for i in range(1, max_outliers + 1):
        mean, sd = x.mean(), x.std(ddof=1)
        if sd == 0:
            break
        j = int(np.argmax(np.abs(x - mean)))
        r = abs(x[j] - mean) / sd
        p = 1 - alpha / (2 * (n - i + 1))
        t = stats.t.ppf(p, n - i - 1)
        lam = (n - i) * t / np.sqrt((n - i - 1 + t * t) * (n - i + 1))
        removed.append(int(idx[j]))
        if r > lam:
            count = i
        x = np.delete(x, j)
        idx = np.delete(idx, j)
    return removed[:count]


def scan(y):
    res = STL(y, period=7, seasonal=35, trend=29, robust=True).fit(inner_iter=2, outer_iter=15)
    return sorted(esd(res.resid, max(1, int(0.05 * len(y)))))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    data = np.genfromtxt(a.file, delimiter=",", names=True)
    names = list(data.dtype.names)
    series = [np.asarray(data[n], dtype=float) for n in names]
    best, flags = float("inf"), []
    for _ in range(a.repeat):
        start = time.perf_counter()
        flags = [scan(y) for y in series]
        best = min(best, time.perf_counter() - start)
    print(json.dumps({"series": len(series), "days": len(series[0]), "flags": sum(map(len, flags)), "seconds": best}))
    for name, f in zip(names, flags):
        for day in f:
            print(f"{name}\t{day}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
