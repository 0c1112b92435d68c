"""Writes test/calibrate/fixtures/calibration-reference.json: a small fixture
with many tied probabilities and sklearn's answers for it (see calibrate.py).

usage: make_reference.py OUT_JSON
"""
import json
import sys

import numpy as np

from calibrate import fit


def main():
    rng = np.random.default_rng(20240611)
    # Two decimals give many ties; outcomes drawn from a distorted truth so both maps have work to do.
    p = np.round(rng.beta(1.2, 6.0, size=240), 2)
    truth = 1 / (1 + np.exp(-(1.6 * np.log(np.clip(p, 1e-3, 1) / np.clip(1 - p, 1e-3, 1)) + 0.7)))
    labels = (rng.random(240) < truth).astype(int)
    queries = [-0.0, 0.0, 0.005, 0.01, 0.03, 0.05, 0.075, 0.1, 0.15, 0.2, 0.333, 0.5, 0.7, 0.99, 1.0]
    data = {'labels': labels.tolist(), 'probabilities': p.tolist(), 'queries': queries}
    out = {'input': data, 'sklearn': fit(data)}
    with open(sys.argv[1], 'w') as f:
        json.dump(out, f, indent=1)


if __name__ == '__main__':
    main()
