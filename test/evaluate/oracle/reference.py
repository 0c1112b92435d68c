"""Reference metric values from scikit-learn for the fixture predictions.

Run with /usr/bin/python3 (Debian python3-sklearn): prints JSON. The evaluate tests
compare our metrics with these numbers, computed independently of our code.
"""
import csv
import json
import sys

from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score

rows = list(csv.DictReader(open(sys.argv[1], newline="")))
y = [int(r["label"]) for r in rows]
p = [float(r["score"]) for r in rows]
print(json.dumps({
    "auc": roc_auc_score(y, p),
    "brier": brier_score_loss(y, p),
    "logloss": log_loss(y, p),
}))
