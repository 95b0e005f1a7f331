"""Writes a large synthetic path file in ChannelAttribution's format for the attribution
benchmark: N distinct paths over K channels, seeded, so every run sees the same data.

    python3 bench/attribution/make_paths.py --paths 1000000 --channels 12 --out /tmp/paths_1m.csv

Paths come from a random walk with channel stickiness (lengths 1..12); each distinct path gets
integer conversion and null counts whose odds depend on the channels it contains, and a value.
"""
import argparse
import random


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--paths", type=int, default=1_000_000)
    ap.add_argument("--channels", type=int, default=12)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    channels = [f"ch{i:02d}" for i in range(args.channels)]
    lift = [0.01 + 0.01 * (i % 5) for i in range(args.channels)]
    popularity = [1.0 / (1 + i) for i in range(args.channels)]
    seen = set()
    with open(args.out, "w") as f:
        f.write("path;total_conversions;total_conversion_value;total_null\n")
        while len(seen) < args.paths:
            path = [rng.choices(range(args.channels), popularity)[0]]
            while rng.random() < 0.7 and len(path) < 12:
                path.append(path[-1] if rng.random() < 0.3 else rng.choices(range(args.channels), popularity)[0])
            key = ">".join(channels[c] for c in path)
            if key in seen:
                continue
            seen.add(key)
            journeys = 1 + int(rng.expovariate(0.5))
            p = min(0.8, sum(lift[c] for c in set(path)) + 0.005 * len(path))
            conv = sum(rng.random() < p for _ in range(journeys))
            value = round(sum(rng.uniform(10, 300) for _ in range(conv)), 2)
            f.write(f"{key};{conv};{value};{journeys - conv}\n")


if __name__ == "__main__":
    main()
