"""Writes a synthetic event file (CSV) for `beacon attribution --events`: U users, each with a
few visits (utm-tagged, referred or direct page views) over a month and sometimes an
`Order Completed` with revenue. Seeded, so every run sees the same data.

    python3 bench/attribution/make_events.py --users 1000000 --out /tmp/events_1m.csv
"""
import argparse
import random

SOURCES = [
    ("google", "cpc", ""), ("google", "organic", ""), ("facebook", "paid_social", ""), ("newsletter", "email", ""),
    ("awin", "affiliate", ""), ("", "", "https://www.bing.com/search"), ("", "", "https://blog.example.org/post"),
    ("", "", "https://l.instagram.com/"), ("partner", "display", ""), ("", "", ""),
]
WEIGHTS = [20, 15, 10, 8, 4, 5, 6, 5, 3, 24]
START = 1_704_067_200  # 2024-01-01T00:00:00Z


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--users", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    with open(args.out, "w") as f:
        f.write("user_id,timestamp,event,utm_source,utm_medium,referrer,revenue\n")
        for u in range(args.users):
            t = START + rng.randrange(0, 60 * 86400)
            for _ in range(1 + int(rng.expovariate(0.6))):
                source, medium, referrer = rng.choices(SOURCES, WEIGHTS)[0]
                f.write(f"u{u},{t},Page Viewed,{source},{medium},{referrer},\n")
                if rng.random() < 0.3:
                    f.write(f"u{u},{t + 120},Product Viewed,,,,\n")
                if rng.random() < 0.08:
                    f.write(f"u{u},{t + 300},Order Completed,,,,{rng.uniform(10, 300):.2f}\n")
                t += rng.randrange(3600, 10 * 86400)


if __name__ == "__main__":
    main()
