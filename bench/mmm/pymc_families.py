"""Peer benchmark: pymc-marketing's MMM on simulated family sets written by `beacon mmm bench --write-sets`.

usage: pymc_families.py CSV [CSV ...]

For each CSV (with FILE.truth.json beside it) fits pymc-marketing's MMM with the settings of
pymc_mmm.py (geometric adstock, l_max 28, logistic saturation, yearly Fourier order 2, a linear
trend and the set's controls and events as controls; 2 chains x 500 draws after 500 tuning
steps, seed 1) and prints one JSON line per channel: the relative error of the posterior-mean
total contribution, whether the 90 % interval (5th-95th percentile of the posterior) of the
total contribution covers the truth, and the fit's wall time.
"""
import json
import sys
import time

import numpy as np
import pandas as pd
from pymc_marketing.mmm import MMM, GeometricAdstock, LogisticSaturation

for path in sys.argv[1:]:
    truth = json.load(open(path[:-4] + ".truth.json"))
    channels = [c["name"] for c in truth["channels"]]
    df = pd.read_csv(path, parse_dates=["date"])
    controls = [c for c in df.columns if c not in ["date", "revenue"] + channels]
    df["trend"] = np.arange(len(df)) / len(df)
    mmm = MMM(
        adstock=GeometricAdstock(l_max=28),
        saturation=LogisticSaturation(),
        date_column="date",
        channel_columns=channels,
        control_columns=controls + ["trend"],
        yearly_seasonality=2,
    )
    start = time.time()
    mmm.fit(df[["date"] + channels + controls + ["trend"]], df["revenue"], chains=2, draws=500, tune=500,
            random_seed=1, target_accept=0.9, progressbar=False)
    elapsed = time.time() - start
    totals = mmm.compute_channel_contribution_original_scale().sum(dim="date")
    for t in truth["channels"]:
        draws = totals.sel(channel=t["name"]).values.ravel()
        lo, hi = np.percentile(draws, [5, 95])
        print(json.dumps({
            "family": truth["family"], "seed": truth["seed"], "channel": t["name"],
            "error": float(draws.mean() / t["totalContribution"] - 1),
            "contributionCovered": bool(lo <= t["totalContribution"] <= hi),
            "seconds": elapsed,
        }), flush=True)
