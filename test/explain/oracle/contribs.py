"""Oracle for explanation tests: Python XGBoost's SHAP values and importances.

usage: contribs.py MODEL MATRIX_F32 ROWS COLS OUT_PREFIX [TREES]
MATRIX_F32 is raw little-endian float32, row-major, -1 = missing.
Writes OUT_PREFIX.contribs.f32 (ROWS x (COLS + 1), bias last, raw float32)
and OUT_PREFIX.importance.json ({"total_gain": {...}, "weight": {...}}).
TREES > 0 limits the contributions to the first TREES trees.
"""
import json
import sys

import numpy as np
import xgboost


def main():
    model, matrix, rows, cols, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    trees = int(sys.argv[6]) if len(sys.argv) > 6 else 0
    x = np.fromfile(matrix, dtype='<f4').reshape(rows, cols)
    booster = xgboost.Booster(model_file=model)
    booster.set_param({'nthread': 1})
    dm = xgboost.DMatrix(x, missing=-1.0)
    extra = {'iteration_range': (0, trees)} if trees > 0 else {}
    booster.predict(dm, pred_contribs=True, **extra).astype('<f4').tofile(out + '.contribs.f32')
    scores = {kind: booster.get_score(importance_type=kind) for kind in ('total_gain', 'weight')}
    with open(out + '.importance.json', 'w') as f:
        json.dump(scores, f)


if __name__ == '__main__':
    main()
