"""Benchmark helper (not a test): time Python XGBoost predict with one thread.

usage: bench_predict.py MODEL MATRIX_F32 ROWS COLS
"""
import sys
import time

import numpy as np
import xgboost


def main():
    model, matrix, rows, cols = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    x = np.fromfile(matrix, dtype='<f4').reshape(rows, cols)
    booster = xgboost.Booster(model_file=model)
    booster.set_param({'nthread': 1})
    dm = xgboost.DMatrix(x, missing=-1.0, nthread=1)
    start = time.perf_counter()
    booster.predict(dm, output_margin=True)
    print(f'{time.perf_counter() - start:.3f}')


if __name__ == '__main__':
    main()
