"""Side-by-side k-means benchmark: Beacon (`beacon bench kmeans`) vs scikit-learn.

Usage (from the repository root, after `swift build -c release`):
    .venv/bin/python bench/segmentation/kmeans_bench.py [--beacon .build/release/beacon] [--repeats 3]

Data: 8 Gaussian blobs (numpy seed 0) at 1,000,000 × 3 and 100,000 × 10, written once as raw
float64 so both sides fit the identical matrix. Each configuration fits k = 8 with
n_init = 4 (k-means++ starts included in the time), tol 1e-4, max_iter 300; the best of
--repeats wall-clock times and the median wall and CPU times are reported; runs
of the implementations are interleaved so they share the machine's load. CPU time
(all threads of the process) is the fairer single-thread figure on a busy machine. scikit-learn's OpenMP
threads are limited with threadpoolctl; Beacon's with --threads.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from threadpoolctl import threadpool_limits


def blobs(n, d, seed=0):
    rng = np.random.default_rng(seed)
    centres = rng.uniform(-10, 10, size=(8, d))
    labels = rng.integers(0, 8, size=n)
    return centres[labels] + rng.normal(scale=2.0, size=(n, d))


def sklearn_once(X, algorithm, threads, seed):
    with threadpool_limits(limits=threads):
        km = KMeans(n_clusters=8, n_init=4, algorithm=algorithm, random_state=seed, tol=1e-4, max_iter=300)
        t, c = time.perf_counter(), time.process_time()
        km.fit(X)
        return time.perf_counter() - t, time.process_time() - c, km.inertia_, km.n_iter_


def beacon_once(binary, path, d, algorithm, threads, seed):
    out = subprocess.run(
        [binary, "bench", "kmeans", "--points", path, "--dims", str(d), "--k", "8", "--restarts", "4",
         "--algorithm", algorithm, "--threads", str(threads), "--repeats", "1", "--seed", str(seed)],
        check=True, capture_output=True, text=True).stdout
    r = json.loads(next(line for line in out.splitlines() if line.startswith("{")))
    return r["seconds"], r["cpuSeconds"], r["inertia"], r["iterations"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--beacon", default=".build/release/beacon")
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n, d in [(1_000_000, 3), (100_000, 10)]:
            X = blobs(n, d)
            path = os.path.join(tmp, f"x{n}_{d}.f64")
            X.astype("<f8").tofile(path)
            configs = [(f"scikit-learn {sklearn.__version__} ({a})", a, t) for t in (1, 2) for a in ("lloyd", "elkan")]
            configs += [(f"Beacon ({a})", a, t) for t in (1, 2) for a in ("hamerly", "lloyd")]
            # interleave the implementations so both see the same machine load
            for r in range(args.repeats):
                for name, algo, threads in configs:
                    if name.startswith("Beacon"):
                        run = beacon_once(args.beacon, path, d, algo, threads, r)
                    else:
                        run = sklearn_once(X, algo, threads, r)
                    results.setdefault((f"{n:,} × {d}", name, threads), []).append(run)
                    print((n, d, name, threads, run), file=sys.stderr)
    print("| data | implementation | threads | wall s (best) | wall s (median) | CPU s (median) | inertia (best run) | iterations |")
    print("|---|---|---|---|---|---|---|---|")
    for (data, name, threads), runs in results.items():
        best = min(runs, key=lambda x: x[0])
        wall = sorted(x[0] for x in runs)[len(runs) // 2]
        cpu = sorted(x[1] for x in runs)[len(runs) // 2]
        print(f"| {data} | {name} | {threads} | {best[0]:.3f} | {wall:.3f} | {cpu:.3f} | {best[2]:.6g} | {best[3]} |")


if __name__ == "__main__":
    main()
