"""Expected numbers for Beacon's attribution tests, computed once with the ChannelAttribution
package (PyPI `channelattribution`), and committed as a fixture beside the tests.

Run from the repository root with the peer venv:
    .venv/bin/python bench/attribution/peer_expected.py [--out DIR] [--seed N] [--users N] [--orders 1,2,3,4]

Writes Tests/BeaconAnalyticsTests/Attribution/Fixtures/peer_paths.csv (a seeded synthetic path
file in ChannelAttribution's format) and peer_expected.json (ChannelAttribution's heuristic
models and its simulated Markov model, orders 1 to 4, with many simulations and a step cap far
above any path length so its estimate targets the exact removal effects).
"""
import argparse
import json
import os
import random
import sys

import pandas as pd
import ChannelAttribution as ca

OUT = os.path.join("Tests", "BeaconAnalyticsTests", "Attribution", "Fixtures")
CHANNELS = ["Direct", "Organic Search", "Paid Search", "Paid Social", "Email", "Referral"]


def synthetic_paths(seed=20260423, users=10000):
    """Journeys from a random walk over channels; conversion odds depend on the channels seen."""
    rng = random.Random(seed)
    lift = {"Direct": 0.02, "Organic Search": 0.05, "Paid Search": 0.09, "Paid Social": 0.03,
            "Email": 0.12, "Referral": 0.06}
    start = [0.30, 0.25, 0.15, 0.15, 0.05, 0.10]
    rows = {}
    for _ in range(users):
        path = [rng.choices(CHANNELS, start)[0]]
        while rng.random() < 0.55 and len(path) < 8:
            prev = path[-1]
            weights = [3.0 if c == prev else 1.0 for c in CHANNELS]
            path.append(rng.choices(CHANNELS, weights)[0])
        p = min(0.9, sum(lift[c] for c in set(path)) + 0.01 * len(path))
        converted = rng.random() < p
        value = round(rng.uniform(20, 200), 2) if converted else 0.0
        key = ">".join(path)
        conv, val, null = rows.get(key, (0, 0.0, 0))
        rows[key] = (conv + converted, round(val + value, 2), null + (not converted))
    return pd.DataFrame(
        [(k, c, v, n) for k, (c, v, n) in sorted(rows.items())],
        columns=["path", "total_conversions", "total_conversion_value", "total_null"])


def frame_to_dict(frame, key="channel_name"):
    return {row[key]: {c: float(row[c]) for c in frame.columns if c != key} for _, row in frame.iterrows()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=OUT, help="directory for peer_paths.csv and peer_expected.json")
    ap.add_argument("--seed", type=int, default=20260423)
    ap.add_argument("--users", type=int, default=10000)
    ap.add_argument("--orders", default="1,2,3,4", help="Markov orders to run")
    args = ap.parse_args()
    out = args.out
    os.makedirs(out, exist_ok=True)
    data = synthetic_paths(seed=args.seed, users=args.users)
    data.to_csv(os.path.join(out, "peer_paths.csv"), sep=";", index=False)
    heuristic = ca.heuristic_models(data, "path", "total_conversions", var_value="total_conversion_value",
                                    flg_pro=False)
    expected = {
        "package": "channelattribution " + getattr(ca, "__version__", "2.2.5"),
        "paths": len(data),
        "total_conversions": int(data.total_conversions.sum()),
        "total_conversion_value": float(data.total_conversion_value.sum()),
        "heuristic": frame_to_dict(heuristic),
        "markov": {},
    }
    for order in [int(o) for o in args.orders.split(",")]:
        nsim = 2_000_000
        result = ca.markov_model(data, "path", "total_conversions", var_value="total_conversion_value",
                                 var_null="total_null", order=order, nsim_start=nsim, max_step=1000,
                                 out_more=True, seed=7, verbose=False, flg_pro=False)
        expected["markov"][str(order)] = {
            "nsim_start": nsim,
            "max_step": 1000,
            "result": frame_to_dict(result["result"]),
            "removal_effects": frame_to_dict(result["removal_effects"]),
        }
    with open(os.path.join(out, "peer_expected.json"), "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
    print(f"{len(data)} paths, {expected['total_conversions']} conversions", file=sys.stderr)


if __name__ == "__main__":
    main()
