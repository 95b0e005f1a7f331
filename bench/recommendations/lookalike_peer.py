#!/usr/bin/env python3
"""The lookalike model of Beacon (`LookalikeModel`, weighted Gower similarity to the seed's
centre) in pandas/numpy: the peer `beacon bench lookalikes --people N` is timed beside.

    lookalike_peer.py ORDERS.csv [--as-of 730]

ORDERS.csv is what `beacon bench lookalikes --write-orders` writes (person,order,day,amount).
Prints JSON: people, seconds from the loaded DataFrame to the ranking, and the top person (the
same as Beacon's when both compute the same model).
"""
import argparse
import json
import time

import numpy as np
import pandas as pd


def main():
    p = argparse.ArgumentParser()
    p.add_argument("path")
    p.add_argument("--as-of", type=int, default=730)
    a = p.parse_args()
    df = pd.read_csv(a.path, dtype={"person": str, "order": str})

    started = time.perf_counter()
    per_order = df.groupby(["person", "order"]).agg(day=("day", "min"), net=("amount", "sum")).reset_index()
    buys = per_order[per_order["net"] > 0]
    g = buys.groupby("person")
    spend = per_order.groupby("person")["net"].sum().clip(lower=0)
    count = g.size()
    features = pd.DataFrame({
        "recency_days": a.as_of - g["day"].max(),
        "orders": np.log1p(count),
        "spend": np.log1p(spend.loc[count.index]),
        "average_order": np.log1p(spend.loc[count.index] / count),
        "tenure_days": a.as_of - g["day"].min(),
    }).sort_index()
    x = features.to_numpy(dtype=float)
    sd = x.std(axis=0)
    z = np.where(sd > 0, (x - x.mean(axis=0)) / np.where(sd > 0, sd, 1), 0.0)
    total = df.groupby("person")["amount"].sum()
    n = len(features)
    ordered = sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))
    seed_people = {k for k, _ in ordered[:max(100, n // 100)]}
    in_seed = features.index.isin(list(seed_people))
    centre = z[in_seed].mean(axis=0)
    weights = np.abs(centre - z[~in_seed].mean(axis=0))
    if not weights.any():
        weights = np.ones_like(weights)
    contributions = weights * np.exp(-((z - centre) ** 2) / 2)
    score = contributions.sum(axis=1) / weights.sum()
    candidates = np.flatnonzero(~in_seed)
    people = features.index.to_numpy()
    order = candidates[np.lexsort((people[candidates].astype(str), -score[candidates]))]
    seconds = time.perf_counter() - started
    print(json.dumps({"people": n, "seconds": seconds, "top": people[order[0]]}))


if __name__ == "__main__":
    main()
