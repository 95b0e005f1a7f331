"""Side-by-side benchmark: Beacon's attribution against the ChannelAttribution package on one
path file (heuristics, Markov order 1 and 3).

    python3 bench/attribution/make_paths.py --paths 1000000 --channels 12 --out /tmp/paths_1m.csv
    .venv/bin/python bench/attribution/bench.py --paths /tmp/paths_1m.csv --beacon .build/release/beacon

ChannelAttribution runs with its defaults (nsim_start 1e5 grown until its convergence test
passes, max_step = longest observed path, one core). Beacon's times come from its --timings
line (reading the file, then the models); ChannelAttribution's exclude pandas' read_csv, which
is reported separately. Also prints how far the simulation's attributed conversions are from
Beacon's exact ones.
"""
import argparse
import json
import os
import subprocess
import tempfile
import time

import pandas as pd
import ChannelAttribution as ca


def beacon(binary, paths, models, extra=()):
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as f:
        out = f.name
    proc = subprocess.run([binary, "attribution", "--paths", paths, "--models", models, "--format", "json", "--timings",
                           "--output", out, *extra], capture_output=True, text=True, check=True)
    line = proc.stderr.strip().splitlines()[-1]
    read = float(line.split("journeys: ")[1].split(" s")[0])
    model = float(line.rsplit(": ", 1)[1].split(" s")[0])
    with open(out) as f:
        report = json.load(f)
    os.unlink(out)
    return read, model, report


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--paths", required=True)
    ap.add_argument("--beacon", required=True)
    ap.add_argument("--orders", default="1,3")
    ap.add_argument("--max-step", type=int, default=None, help="ChannelAttribution max_step (default: its own)")
    ap.add_argument("--nsim", type=float, default=1e5, help="ChannelAttribution nsim_start")
    ap.add_argument("--skip-heuristics", action="store_true")
    args = ap.parse_args()

    t0 = time.perf_counter()
    data = pd.read_csv(args.paths, sep=";")
    read_ca = time.perf_counter() - t0
    print(f"paths: {len(data)}, conversions: {data.total_conversions.sum()}, pandas read_csv: {read_ca:.2f} s")

    if not args.skip_heuristics:
        t0 = time.perf_counter()
        heur = ca.heuristic_models(data, "path", "total_conversions", var_value="total_conversion_value",
                                   flg_pro=False)
        t_heur = time.perf_counter() - t0
        read, model, report = beacon(args.beacon, args.paths, "first,last,linear")
        ours = dict(zip(report["channels"], report["models"][2]["conversions"]))
        diff = max(abs(ours[r.channel_name] - r.linear_touch_conversions) for r in heur.itertuples())
        print(f"heuristics: ChannelAttribution {t_heur:.2f} s | Beacon read {read:.2f} s + models {model:.2f} s"
              f" | max |linear diff| {diff:.2e}")

    for order in [int(o) for o in args.orders.split(",")]:
        t0 = time.perf_counter()
        res = ca.markov_model(data, "path", "total_conversions", var_value="total_conversion_value",
                              var_null="total_null", order=order, out_more=True, verbose=False, flg_pro=False,
                              nsim_start=args.nsim, max_step=args.max_step)
        t_ca = time.perf_counter() - t0
        read, model, report = beacon(args.beacon, args.paths, f"markov_{order}")
        m = report["markov"][0]
        ours = dict(zip(report["channels"], m["attribution"]["conversions"]))
        total = report["totalConversions"]
        worst = max(abs(ours[r.channel_name] - r.total_conversions) / total for r in res["result"].itertuples())
        re = dict(zip(report["channels"], m["removalEffects"]))
        worst_re = max(abs(re[r.channel_name] - r.removal_effects_conversion)
                       for r in res["removal_effects"].itertuples())
        print(f"markov order {order}: ChannelAttribution {t_ca:.2f} s | Beacon read {read:.2f} s + model {model:.2f} s"
              f" ({m['solver']}, {len(m['states'])} states, {m['iterations']} sweeps, residual {m['residual']:.1e})"
              f" | max |share diff| {worst:.2%} of conversions, max |removal effect diff| {worst_re:.4f}")


if __name__ == "__main__":
    main()
