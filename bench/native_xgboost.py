"""Native XGBoost on the same matrices as the WebAssembly engine (bench:train).

Usage: native_xgboost.py DIR PARAMS_JSON. DIR holds train_x.f32, train_y.f32,
test_x.f32, test_y.f32, score_x.f32 and shape.json written by train.bench.ts.
Prints one JSON line: train and score seconds (nthread=1) and the test AUC.
"""
import json
import os
import sys
import time

import numpy as np
import xgboost as xgb
from sklearn.metrics import roc_auc_score

folder, params = sys.argv[1], json.loads(sys.argv[2])
shape = json.load(open(os.path.join(folder, "shape.json")))
cols = shape["cols"]


def matrix(name):
    return np.fromfile(os.path.join(folder, name), dtype=np.float32).reshape(-1, cols)


x_train, y_train = matrix("train_x.f32"), np.fromfile(os.path.join(folder, "train_y.f32"), dtype=np.float32)
x_test, y_test = matrix("test_x.f32"), np.fromfile(os.path.join(folder, "test_y.f32"), dtype=np.float32)
rounds = params.pop("rounds")
params.update({"nthread": 1, "tree_method": "hist", "objective": "binary:logistic", "verbosity": 0})

started = time.perf_counter()
booster = xgb.train(params, xgb.DMatrix(x_train, label=y_train, missing=-1, nthread=1), num_boost_round=rounds)
train_seconds = time.perf_counter() - started
auc = roc_auc_score(y_test, booster.predict(xgb.DMatrix(x_test, missing=-1, nthread=1)))

x_score = matrix("score_x.f32")
started = time.perf_counter()
booster.predict(xgb.DMatrix(x_score, missing=-1, nthread=1))
score_seconds = time.perf_counter() - started
print(json.dumps({"trainSeconds": train_seconds, "auc": auc, "scoreSeconds": score_seconds, "version": xgb.__version__}))
