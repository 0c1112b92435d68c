"""Oracle for calibration tests: sklearn's isotonic regression and unpenalised
logistic regression on logit(p).

usage: calibrate.py IN_JSON OUT_JSON
IN_JSON: {"labels": [...], "probabilities": [...], "queries": [...]}
OUT_JSON: {"isotonic": {"x": [...], "y": [...], "predictions": [...]},
           "platt": {"a": A, "b": B}}
"""
import json
import sys

import numpy as np
from sklearn.isotonic import IsotonicRegression
from sklearn.linear_model import LogisticRegression

EPS = 1e-12


def fit(data):
    y = np.asarray(data['labels'], dtype=np.float64)
    p = np.asarray(data['probabilities'], dtype=np.float64)
    iso = IsotonicRegression(increasing=True, out_of_bounds='clip').fit(p, y)
    q = np.clip(p, EPS, 1 - EPS)
    z = (np.log(q) - np.log1p(-q)).reshape(-1, 1)
    # penalty='none' is sklearn 1.2's spelling of penalty=None; newton-cg (not the default lbfgs, which stops about 3e-6 short) converges quadratically, so at tol=1e-8 the optimum is exact far beyond 1e-6.
    lr = LogisticRegression(penalty='none', solver='newton-cg', tol=1e-8, max_iter=1000).fit(z, y.astype(int))
    return {
        'isotonic': {
            'x': iso.X_thresholds_.tolist(),
            'y': iso.y_thresholds_.tolist(),
            'predictions': iso.predict(np.asarray(data['queries'], dtype=np.float64)).tolist(),
        },
        'platt': {'a': float(lr.intercept_[0]), 'b': float(lr.coef_[0, 0])},
    }


def main():
    with open(sys.argv[1]) as f:
        data = json.load(f)
    with open(sys.argv[2], 'w') as f:
        json.dump(fit(data), f)


if __name__ == '__main__':
    main()
