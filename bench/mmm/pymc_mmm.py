"""Peer benchmark: pymc-marketing's MMM (NUTS) on the same CSV as `beacon mmm fit`.

usage: pymc_mmm.py CSV DATE_COLUMN TARGET CHANNELS(a,b) CONTROLS(c,d) L_MAX

Geometric adstock + logistic saturation (pymc-marketing's defaults), yearly Fourier order 2,
a linear trend as a control; 2 chains x 500 draws after 500 tuning steps, seed 1. Prints the
wall time of the fit and each channel's adstock alpha (posterior mean) and ROAS
(posterior-mean contribution / spend).
"""
import sys
import time

import numpy as np
import pandas as pd
from pymc_marketing.mmm import MMM, GeometricAdstock, LogisticSaturation

path, date, target, channels, controls, l_max = sys.argv[1:7]
channels = channels.split(",")
controls = [c for c in controls.split(",") if c]
df = pd.read_csv(path, parse_dates=[date])
df["trend"] = np.arange(len(df)) / len(df)
X = df[[date] + channels + controls + ["trend"]]
y = df[target]
mmm = MMM(
    adstock=GeometricAdstock(l_max=int(l_max)),
    saturation=LogisticSaturation(),
    date_column=date,
    channel_columns=channels,
    control_columns=controls + ["trend"],
    yearly_seasonality=2,
)
start = time.time()
mmm.fit(X, y, chains=2, draws=500, tune=500, random_seed=1, target_accept=0.9, progressbar=False)
elapsed = time.time() - start
contribution = mmm.compute_channel_contribution_original_scale().mean(dim=("chain", "draw"))
alpha = mmm.idata.posterior["adstock_alpha"].mean(dim=("chain", "draw")).values
print(f"pymc-marketing {path.split('/')[-1]}: fit {elapsed:.1f} s (2 chains x 500 draws + 500 tune)")
for i, c in enumerate(channels):
    total = float(contribution.sel(channel=c).sum())
    print(f"  {c}: adstock alpha {alpha[i]:.3f}, contribution {total:.0f}, ROAS {total / df[c].sum():.3f}")
