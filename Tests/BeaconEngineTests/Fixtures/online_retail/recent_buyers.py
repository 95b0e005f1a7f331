"""Customers who bought in the last year of UCI Online Retail, as Beacon's order import reads it.

Independent of Beacon's code: mirrors what `beacon import orders` (OrderFileImporter) does with
the file, then counts the customers `{"days_since_order": {"lt": 365}}` should match as of the
workspace's last event.

- A row without CustomerID (or InvoiceNo) is skipped; CustomerID "17850.0" is customer "17850".
- A row is a return when InvoiceNo starts with "C" or Quantity or Quantity x UnitPrice is
  negative; returns and purchases of one invoice are separate events ("refund:<id>", "order:<id>").
- One event per (kind, invoice), at the InvoiceDate of its first row in file order, belonging to
  the customer of that first row.
- An event's revenue is the sum of its rows' Quantity x UnitPrice, rounded to cents; a customer
  with a purchase (what RFM scores) has an "Order Completed" event with revenue above 0.
- "Today" is the newest event's time (returns included). A customer "bought" when they have an
  "Order Completed" event (any amount, zero included); days_since_order is whole days (floor)
  from their last one to today, so "lt 365" means less than 365 * 86400 seconds before today.

Usage: python recent_buyers.py ../../../../../shared/datasets/online_retail/online_retail_2010_2011.csv.gz
Writes recent_buyers.json beside this script.
"""
import json
import os
import sys

import pandas as pd

path = sys.argv[1]
df = pd.read_csv(path, dtype={"CustomerID": str, "InvoiceNo": str}, keep_default_na=False)
df["CustomerID"] = df["CustomerID"].str.strip()
df["InvoiceNo"] = df["InvoiceNo"].str.strip()
df = df[(df["CustomerID"] != "") & (df["InvoiceNo"] != "")].copy()
df["customer"] = df["CustomerID"].map(lambda c: c[:-2] if c.endswith(".0") else c)
df["time"] = pd.to_datetime(df["InvoiceDate"], format="%Y-%m-%d %H:%M:%S", utc=True)
quantity = pd.to_numeric(df["Quantity"])
amount = quantity * pd.to_numeric(df["UnitPrice"])
df["amount"] = amount
df["refund"] = df["InvoiceNo"].str.startswith("C") | (quantity < 0) | (amount < 0)
events = df.groupby(["refund", "InvoiceNo"], sort=False).agg(
    customer=("customer", "first"), time=("time", "first"), revenue=("amount", "sum"))
events = events.reset_index()
today = events["time"].max()
orders = events[~events["refund"]]
last_order = orders.groupby("customer")["time"].max()
recent = last_order[(today - last_order) < pd.Timedelta(days=365)]
# As of an earlier day (its end, 23:59:59): customers whose last order by then is less than 30
# days before it; later orders do not count.
mid = pd.Timestamp("2011-06-30 23:59:59", tz="UTC")
last_by_mid = orders[orders["time"] <= mid].groupby("customer")["time"].max()
out = {
    "today": today.strftime("%Y-%m-%dT%H:%M:%SZ"),
    "customers_with_an_order": int(last_order.size),
    "customers_with_a_purchase": int(orders[(orders["revenue"] * 100).round() / 100 > 0]["customer"].nunique()),
    "recent_buyers_365_days": int(recent.size),
    "buyers_30_days_as_of_2011_06_30": int(((mid - last_by_mid) < pd.Timedelta(days=30)).sum()),
    "order_events": int(len(orders)),
    "refund_events": int(events["refund"].sum()),
}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "recent_buyers.json"), "w") as f:
    json.dump(out, f, indent=2)
    f.write("\n")
print(json.dumps(out, indent=2))
