"""Side-by-side benchmark of Beacon's CLV models against lifetimes 0.11.3.

Builds three RFM summaries (weeks) from the shared CDNOW data, then times, on each, the
BG/NBD, Pareto/NBD and Gamma-Gamma fits and the per-customer predictions (expected purchases in
39 weeks + P(alive)) in lifetimes and in `beacon bench clv` (release build), and checks that the
parameters agree to 3 significant digits. Prints a Markdown table.

    .venv/bin/python bench/clv/compare_lifetimes.py --beacon /path/to/release/beacon \
        [--data ../shared/datasets/cdnow] [--skip-pnbd-above 300000]
"""
import argparse
import json
import os
import subprocess
import sys
import time

import numpy as np
import pandas as pd
from lifetimes import BetaGeoFitter, GammaGammaFitter, ParetoNBDFitter
from lifetimes.utils import summary_data_from_transaction_data


def summaries(data_dir, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    s = pd.read_csv(os.path.join(data_dir, "cdnow_customers_summary_with_transactions.csv"))
    sample = pd.DataFrame({"ID": s["ID"], "frequency": s["x"], "recency": s["t_x"], "T": s["T"], "monetary_value": s["zbar"]})
    tx = pd.read_csv(os.path.join(data_dir, "CDNOW_master.txt"), sep=r"\s+", header=None, skiprows=1,
                     names=["customer", "date", "cds", "amount"], dtype={"customer": str, "date": str})
    tx["date"] = pd.to_datetime(tx["date"], format="%Y%m%d")
    m = summary_data_from_transaction_data(tx, "customer", "date", monetary_value_col="amount",
                                           observation_period_end="1998-06-30", freq="D")
    master = pd.DataFrame({"ID": m.index, "frequency": m["frequency"], "recency": m["recency"] / 7.0,
                           "T": m["T"] / 7.0, "monetary_value": m["monetary_value"]}).reset_index(drop=True)
    # Both Gamma-Gamma fitters refuse repeat buyers whose repeat purchases total $0: leave them out of the data.
    zero = (master["frequency"] > 0) & (master["monetary_value"] <= 0)
    print(f"cdnow_master: dropped {int(zero.sum())} repeat buyers with zero spend", file=sys.stderr)
    master = master[~zero].reset_index(drop=True)
    big = pd.concat([master.assign(ID=master["ID"] + f"-{k}") for k in range(10)], ignore_index=True)
    paths = {}
    for name, df in [("cdnow_sample", sample), ("cdnow_master", master), ("cdnow_master_x10", big)]:
        p = os.path.join(out_dir, name + ".csv")
        df.to_csv(p, index=False)
        paths[name] = (p, df)
    return paths


def timed(fn):
    # CPU time of this process, as `beacon bench clv` reports: the machine is shared.
    t = time.process_time()
    v = fn()
    return time.process_time() - t, v


def lifetimes_run(df, with_pnbd):
    f, r, T, mv = df["frequency"], df["recency"], df["T"], df["monetary_value"]
    out = {}
    t, bgf = timed(lambda: BetaGeoFitter().fit(f, r, T))
    out["bgnbd"] = (t, list(bgf.params_.values), -bgf._negative_log_likelihood_ * len(f))
    t, _ = timed(lambda: (bgf.conditional_expected_number_of_purchases_up_to_time(39, f, r, T),
                          bgf.conditional_probability_alive(f, r, T)))
    out["bgnbd_predict"] = t
    if with_pnbd:
        try:
            t, pnbd = timed(lambda: ParetoNBDFitter().fit(f, r, T))
            out["pnbd"] = (t, list(pnbd.params_.values), -pnbd._negative_log_likelihood_ * len(f))
            t, _ = timed(lambda: (pnbd.conditional_expected_number_of_purchases_up_to_time(39, f, r, T),
                                  pnbd.conditional_probability_alive(f, r, T)))
            out["pnbd_predict"] = t
        except Exception as e:  # lifetimes' Pareto/NBD overflows or fails to converge on some data
            out["pnbd"] = (float("nan"), [], float("nan"), repr(e)[:120])
    rep = f > 0
    t, ggf = timed(lambda: GammaGammaFitter().fit(f[rep], mv[rep]))
    out["gg"] = (t, list(ggf.params_.values), -ggf._negative_log_likelihood_ * int(rep.sum()))
    return out


def same3(a, b):
    return len(a) == len(b) and all(abs(x - y) <= 5e-4 * max(abs(x), abs(y)) for x, y in zip(a, b))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--beacon", required=True)
    ap.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "../../../shared/datasets/cdnow"))
    ap.add_argument("--out", default="/tmp/clvbench")
    ap.add_argument("--skip-pnbd-above", type=int, default=10**9, help="skip lifetimes' Pareto/NBD on larger files")
    args = ap.parse_args()
    rows = []
    for name, (path, df) in summaries(args.data, args.out).items():
        life = lifetimes_run(df, len(df) <= args.skip_pnbd_above)
        reps = "3" if len(df) < 100000 else "1"
        b = json.loads(subprocess.run([args.beacon, "bench", "clv", "--input", path, "--repeats", reps],
                                      check=True, capture_output=True, text=True).stdout)
        for model in ["bgnbd", "pnbd", "gg"]:
            if model not in life:
                continue
            lt = life[model]
            bt = b[model]["fit_seconds"]
            rows.append((name, len(df), b["distinct_histories"], f"{model} fit", lt[0], bt, same3(lt[1], b[model]["params"]),
                         lt[1], b[model]["params"], lt[2], b[model]["log_likelihood"], lt[3] if len(lt) > 3 else ""))
        for model in ["bgnbd", "pnbd"]:
            if f"{model}_predict" in life:
                rows.append((name, len(df), b["distinct_histories"], f"{model} predict", life[f"{model}_predict"],
                             b[f"{model}_predict_seconds"], None, None, None, None, None, ""))
        print(f"done {name}", file=sys.stderr, flush=True)
    print("| data | customers (distinct) | step | lifetimes 0.11.3 | Beacon | speed-up | params agree (3 digits) | lifetimes params | Beacon params / log-likelihood |")
    print("|---|---|---|---|---|---|---|---|---|")
    fmt = lambda v: "[" + ", ".join(f"{x:.4g}" for x in v) + "]" if v else "—"
    for (name, n, d, step, lt, bt, agree, lp, bp, lll, bll, note) in rows:
        speed = f"{lt / bt:.0f}×" if lt == lt and bt > 0 else "—"
        ag = "" if agree is None else ("yes" if agree else "**no**")
        lcell = "" if lp is None else f"{fmt(lp)} {note}"
        bcell = "" if bp is None else f"{fmt(bp)} / {bll:.2f}"
        print(f"| {name} | {n:,} ({d:,}) | {step} | {lt:.3f} s | {bt:.4f} s | {speed} | {ag} | {lcell} | {bcell} |")


if __name__ == "__main__":
    main()
