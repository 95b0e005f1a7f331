#!/usr/bin/env python3
"""Times vadersentiment 3.3.2 over the four human-rated corpora (one thread)."""
import sys
import time

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

directory = sys.argv[1] if len(sys.argv) > 1 else "../shared/datasets/sentiment"
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 1
texts = []
for name in ["tweets", "movieReviewSnippets", "amazonReviewSnippets", "nytEditorialSnippets"]:
    raw = open(f"{directory}/{name}_GroundTruth.txt", encoding="utf-8", newline="").read()
    for line in raw.split("\n"):
        line = line[:-1] if line.endswith("\r") else line
        fields = line.split("\t", 2)
        if len(fields) == 3:
            texts.append(fields[2])
analyzer = SentimentIntensityAnalyzer()
start = time.perf_counter()
cpu_start = time.process_time()
checksum = 0.0
for _ in range(repeats):
    for text in texts:
        checksum += analyzer.polarity_scores(text)["compound"]
seconds = time.perf_counter() - start
cpu = time.process_time() - cpu_start
count = len(texts) * repeats
print(f"vadersentiment: {count} texts in {seconds:.3f} s wall, {cpu:.3f} s CPU = {count / cpu:.0f} texts/CPU-s "
      f"(checksum {checksum:.4f})")
