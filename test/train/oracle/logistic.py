"""Fit the logistic baseline with scikit-learn, independently of our code.

Input: a CSV of feature columns then a label column, -1 meaning missing.
Preprocessing as documented for the baseline: impute the training mean of
present values, standardise by their (population) standard deviation, add a
missing indicator for columns with some but not all values missing; L2 penalty 1
on all weights but not the intercept (C = 1). Prints JSON: coefficients
(intercept, weights, indicator weights) and probabilities.
"""
import csv
import json
import sys

import numpy as np
from sklearn.linear_model import LogisticRegression

data = np.array([[float(v) for v in row] for row in csv.reader(open(sys.argv[1]))])
x, y = data[:, :-1], data[:, -1]
missing = x == -1
cols = []
indicators = []
for c in range(x.shape[1]):
    present = x[~missing[:, c], c]
    mean = present.mean() if present.size else 0.0
    sd = present.std() if present.size else 0.0
    scale = sd if sd > 1e-6 else 1.0
    cols.append(np.where(missing[:, c], 0.0, (x[:, c] - mean) / scale))
    if 0 < present.size < x.shape[0]:
        indicators.append(missing[:, c].astype(float))
design = np.column_stack(cols + indicators)
model = LogisticRegression(C=1.0, tol=1e-12, max_iter=100000, solver="newton-cholesky").fit(design, y)
print(json.dumps({
    "coefficients": [float(model.intercept_[0])] + [float(w) for w in model.coef_[0]],
    "probabilities": [float(p) for p in model.predict_proba(design)[:, 1]],
}))
