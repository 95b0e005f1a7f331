"""Cross-checks `beacon rfm` against an independent pandas computation on UCI Online Retail.

Usage (from the repository root, after building beacon):
    .venv/bin/python bench/segmentation/rfm_pandas_check.py [--beacon .build/release/beacon]

pandas side, the usual notebook recipe with Beacon's documented definitions: lines without
CustomerID dropped; line value = Quantity × UnitPrice; lines grouped into invoices per
customer; an invoice with a positive net is a purchase; recency = days from the last
purchase date to the as-of date (day after the last purchase); frequency = purchases;
monetary = sum of all values; scores pd.qcut(x.rank(method="first"), 5) over customers in
groupby (id) order, recency labels reversed; segment from R and FM = ceil((F + M) / 2).
Prints how many customers agree on every column.
"""
import argparse
import io
import os
import subprocess

import numpy as np
import pandas as pd

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.environ.get("BEACON_SHARED_DIR", os.path.join(os.path.dirname(ROOT), "shared"))
DATA = os.path.join(SHARED, "datasets/online_retail/online_retail_2010_2011.csv.gz")
MAP = "customer=CustomerID,order=InvoiceNo,date=InvoiceDate,quantity=Quantity,price=UnitPrice"
GRID = {  # rows R = 5..1, columns FM = 1..5
    5: ["New", "Potential Loyalist", "Potential Loyalist", "Champions", "Champions"],
    4: ["Promising", "Potential Loyalist", "Potential Loyalist", "Loyal", "Loyal"],
    3: ["About to Sleep", "About to Sleep", "Need Attention", "Loyal", "Loyal"],
    2: ["Hibernating", "Hibernating", "At Risk", "At Risk", "Can't Lose Them"],
    1: ["Lost", "Hibernating", "At Risk", "At Risk", "Can't Lose Them"],
}


def pandas_rfm():
    df = pd.read_csv(DATA, dtype={"InvoiceNo": str, "StockCode": str})
    df = df.dropna(subset=["CustomerID"])
    df["value"] = df["Quantity"] * df["UnitPrice"]
    df["day"] = pd.to_datetime(df["InvoiceDate"]).dt.normalize()
    inv = df.groupby(["CustomerID", "InvoiceNo"]).agg(net=("value", "sum"), day=("day", "min")).reset_index()
    buys = inv[inv["net"] > 0]
    as_of = buys["day"].max() + pd.Timedelta(days=1)
    rfm = pd.DataFrame({
        "recency_days": (as_of - buys.groupby("CustomerID")["day"].max()).dt.days,
        "frequency": buys.groupby("CustomerID")["InvoiceNo"].count(),
    })
    rfm["monetary"] = df.groupby("CustomerID")["value"].sum().reindex(rfm.index)
    rfm = rfm.sort_index()
    rfm["r"] = pd.qcut(rfm["recency_days"].rank(method="first"), 5, labels=[5, 4, 3, 2, 1]).astype(int)
    rfm["f"] = pd.qcut(rfm["frequency"].rank(method="first"), 5, labels=[1, 2, 3, 4, 5]).astype(int)
    rfm["m"] = pd.qcut(rfm["monetary"].rank(method="first"), 5, labels=[1, 2, 3, 4, 5]).astype(int)
    fm = (rfm["f"] + rfm["m"] + 1) // 2
    rfm["segment"] = [GRID[r][c - 1] for r, c in zip(rfm["r"], fm)]
    rfm.index = rfm.index.astype(int).astype(str)
    return rfm


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--beacon", default=".build/release/beacon")
    args = ap.parse_args()
    gz = subprocess.Popen(["gunzip", "-c", DATA], stdout=subprocess.PIPE)
    out = subprocess.run([args.beacon, "rfm", "--input", "-", "--map", MAP], stdin=gz.stdout,
                         capture_output=True, text=True, check=True).stdout
    beacon = pd.read_csv(io.StringIO(out), dtype={"customer_id": str}).set_index("customer_id")
    ref = pandas_rfm()
    print(f"customers: beacon {len(beacon)}, pandas {len(ref)}")
    common = ref.index.intersection(beacon.index)
    b = beacon.loc[common]
    r = ref.loc[common]
    for col in ["recency_days", "frequency", "r", "f", "m", "segment"]:
        print(f"{col}: {(b[col].values == r[col].values).sum()} / {len(common)} agree")
    close = np.isclose(b["monetary"].values, r["monetary"].values, rtol=1e-9, atol=1e-6)
    print(f"monetary: {close.sum()} / {len(common)} agree (rtol 1e-9)")


if __name__ == "__main__":
    main()
