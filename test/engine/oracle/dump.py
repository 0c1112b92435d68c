"""Oracle for reader tests: Python XGBoost's view of a model file.

usage: dump.py MODEL OUT_JSON
Writes {"json": <save_model JSON>, "dump": <get_dump with stats>}.
"""
import json
import os
import sys
import tempfile

import xgboost


def main():
    model, out = sys.argv[1], sys.argv[2]
    booster = xgboost.Booster(model_file=model)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 'model.json')
        booster.save_model(path)
        with open(path) as f:
            saved = json.load(f)
    with open(out, 'w') as f:
        json.dump({'json': saved, 'dump': booster.get_dump(with_stats=True)}, f)


if __name__ == '__main__':
    main()
