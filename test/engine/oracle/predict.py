"""Oracle for engine tests: predictions of Python XGBoost for a model file.

usage: predict.py MODEL MATRIX_F32 ROWS COLS OUT_PREFIX [TREES]
MATRIX_F32 is raw little-endian float32, row-major, -1 = missing.
Writes OUT_PREFIX.margin.f32 and OUT_PREFIX.prob.f32 (raw float32).
TREES > 0 limits prediction to the first TREES trees.
"""
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
    booster.predict(dm, output_margin=True, **extra).astype('<f4').tofile(out + '.margin.f32')
    booster.predict(dm, **extra).astype('<f4').tofile(out + '.prob.f32')


if __name__ == '__main__':
    main()
