#!/usr/bin/env python3
"""Scores texts with PyPI vadersentiment 3.3.2, the reference Beacon's VADER reproduces.

Reads a JSON array of strings on standard input and writes a JSON array of
[neg, neu, pos, compound] (Python's own rounding, repr precision) on standard output.
Exits with status 3 and a message when the installed package is not version 3.3.2, since
other "VADER" packages (NLTK's port, GitHub HEAD) disagree with it on some texts.

    pip install vadersentiment==3.3.2
    echo '["Not bad at all"]' | python3 bench/sentiment/vader_peer.py
"""
import importlib.metadata
import json
import sys

REQUIRED = "3.3.2"


def main() -> int:
    try:
        version = importlib.metadata.version("vaderSentiment")
    except importlib.metadata.PackageNotFoundError:
        print("vadersentiment is not installed (pip install vadersentiment==3.3.2)", file=sys.stderr)
        return 3
    if version != REQUIRED:
        print(f"vadersentiment {version} installed; the reference is {REQUIRED}", file=sys.stderr)
        return 3
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    texts = json.load(sys.stdin)
    out = []
    for text in texts:
        s = analyzer.polarity_scores(text)
        out.append([s["neg"], s["neu"], s["pos"], s["compound"]])
    json.dump(out, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
