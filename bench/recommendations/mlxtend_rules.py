#!/usr/bin/env python3
"""Association rules of UCI Online Retail by PyPI mlxtend (apriori + association_rules): the peer
Beacon's rules are checked against and timed beside.

Baskets are invoices that are not cancellations ("C…"), of lines with a customer, a positive
quantity and a non-negative price (what `beacon import orders` stores as an order's product
lines); an item is a StockCode.

    mlxtend_rules.py FILE.csv.gz [--country France] [--min-support 0.05] [--metric lift]
                     [--min-threshold 1] [--subset OUT.csv] [--write-baskets OUT.tsv]

Writes JSON to stdout: {"baskets": n, "itemsets": n, "seconds": t (one-hot table to rules),
"mine_seconds": t (apriori + association_rules only), "rules": [{antecedents,
consequents, antecedent_support, consequent_support, support, confidence, lift, leverage,
conviction}]}, with an infinite conviction written as the string "inf". --subset also writes
the country's raw rows (as read, every column text) to OUT.csv for Beacon to import;
--write-baskets writes the baskets (one a line, items tab-separated) for the timing driver.
"""
import argparse
import inspect
import json
import sys
import time

import pandas as pd
from mlxtend.frequent_patterns import apriori, association_rules


def main():
    p = argparse.ArgumentParser()
    p.add_argument("path")
    p.add_argument("--country")
    p.add_argument("--min-support", type=float, default=0.05)
    p.add_argument("--metric", default="lift")
    p.add_argument("--min-threshold", type=float, default=1.0)
    p.add_argument("--subset")
    p.add_argument("--write-baskets")
    a = p.parse_args()

    raw = pd.read_csv(a.path, dtype=str, keep_default_na=False)
    if a.country:
        raw = raw[raw["Country"] == a.country]
    if a.subset:
        raw.to_csv(a.subset, index=False)
    df = raw.copy()
    df["Quantity"] = pd.to_numeric(df["Quantity"])
    df["UnitPrice"] = pd.to_numeric(df["UnitPrice"])
    df = df[(df["CustomerID"].str.strip() != "") & ~df["InvoiceNo"].str.startswith("C")
            & (df["Quantity"] > 0) & (df["UnitPrice"] >= 0)]
    df["StockCode"] = df["StockCode"].str.strip()

    if a.write_baskets:
        with open(a.write_baskets, "w") as out:
            for _, items in df.groupby("InvoiceNo")["StockCode"]:
                out.write("\t".join(sorted(set(items))) + "\n")

    started = time.perf_counter()
    onehot = (df.groupby(["InvoiceNo", "StockCode"])["Quantity"].sum().unstack(fill_value=0) > 0)
    encoded = time.perf_counter()
    itemsets = apriori(onehot, min_support=a.min_support, use_colnames=True)
    kwargs = {"metric": a.metric, "min_threshold": a.min_threshold}
    if "num_itemsets" in inspect.signature(association_rules).parameters:
        kwargs["num_itemsets"] = len(onehot)
    rules = association_rules(itemsets, **kwargs)
    mined = time.perf_counter()

    def number(x):
        x = float(x)
        return "inf" if x == float("inf") else x

    out = []
    for _, r in rules.iterrows():
        out.append({
            "antecedents": sorted(r["antecedents"]), "consequents": sorted(r["consequents"]),
            "antecedent_support": number(r["antecedent support"]),
            "consequent_support": number(r["consequent support"]),
            "support": number(r["support"]), "confidence": number(r["confidence"]), "lift": number(r["lift"]),
            "leverage": number(r["leverage"]), "conviction": number(r["conviction"]),
        })
    json.dump({"baskets": int(len(onehot)), "itemsets": int(len(itemsets)), "seconds": mined - started,
               "mine_seconds": mined - encoded, "rules": out},
              sys.stdout)


if __name__ == "__main__":
    main()
