"""scikit-learn side of the churn benchmark (Beacon side: `beacon bench churn`).

Same data as `beacon bench churn`: the Telco file split and encoded exactly as Beacon does
(see sklearn_reference.py), the encoded training rows repeated cyclically to --rows rows;
LogisticRegression(C=1) and HistGradientBoostingClassifier(max_depth=6, early stopping) are
fitted on them and scored on the original test rows. Threads are capped with threadpoolctl.

    /work/main/.venv/bin/python bench/churn/bench_sklearn.py FILE --rows 1000000 --threads 1
"""
import argparse
import time

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from threadpoolctl import threadpool_limits

from sklearn_reference import load, pipeline, stratified_split


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("input")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()

    features, y, numeric, categorical = load(args.input)
    train, test = stratified_split(list(y), 0.25, args.seed)
    pre = pipeline(numeric, categorical).fit(features.iloc[train])
    x_train, x_test = pre.transform(features.iloc[train]), pre.transform(features.iloc[test])
    reps = np.arange(args.rows) % len(train)
    x_big, y_big = np.ascontiguousarray(x_train[reps]), y[train][reps]

    print("model     rows      threads  fit_seconds  cpu_seconds  test_auc  iterations")
    with threadpool_limits(limits=args.threads):
        for name, model in [
            ("logistic", LogisticRegression(C=1.0, max_iter=1000)),
            ("gbdt", HistGradientBoostingClassifier(max_depth=6, early_stopping=True, random_state=0)),
        ]:
            start, cpu_start = time.perf_counter(), time.process_time()
            model.fit(x_big, y_big)
            seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
            auc = roc_auc_score(y[test], model.predict_proba(x_test)[:, 1])
            iterations = int(np.max(model.n_iter_))
            print(f"{name:<10}{args.rows:<10}{args.threads:<9}{seconds:<13.2f}{cpu:<13.2f}{auc:<10.4f}{iterations}")


if __name__ == "__main__":
    main()
