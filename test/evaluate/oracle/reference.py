"""Reference metric values for a CSV of predictions (columns label, score).

Run with /usr/bin/python3 (Debian python3-sklearn, numpy, scipy, python3-statsmodels):
prints JSON. The evaluate tests compare our metrics with these numbers, which are
computed independently of our code: scikit-learn for the standard metrics,
statsmodels for the logistic recalibration, and plain numpy for the rest
(DeLong's variance is the textbook O(n^2) structural-components version).
"""
import csv
import json
import sys

import numpy as np
from scipy.stats import norm
from sklearn.calibration import calibration_curve
from sklearn.metrics import (
    average_precision_score,
    brier_score_loss,
    confusion_matrix,
    log_loss,
    precision_recall_curve,
    roc_auc_score,
    roc_curve,
)

rows = list(csv.DictReader(open(sys.argv[1], newline="")))
y = np.array([int(r["label"]) for r in rows])
p = np.array([float(r["score"]) for r in rows])
n = len(y)
Z = norm.ppf(0.975)


def delong(y, p):
    """AUC, variance and 95% CI from the structural components (DeLong 1988)."""
    x, v = p[y == 1], p[y == 0]
    psi = (x[:, None] > v[None, :]) + 0.5 * (x[:, None] == v[None, :])
    v10, v01 = psi.mean(axis=1), psi.mean(axis=0)
    auc = psi.mean()
    var = np.var(v10, ddof=1) / len(x) + np.var(v01, ddof=1) / len(v)
    half = Z * np.sqrt(var)
    return {"auc": auc, "variance": var, "ci": [max(0.0, auc - half), min(1.0, auc + half)]}


def bins_of(edges):
    return np.searchsorted(edges[1:-1], p)


def reliability(edges):
    """Quantile-bin reliability rows with Wilson intervals (statsmodels when present)."""
    ids = bins_of(edges)
    out = []
    for b in range(len(edges) - 1):
        m = ids == b
        k, nb = int(y[m].sum()), int(m.sum())
        if nb == 0:
            continue
        ph = k / nb
        try:
            from statsmodels.stats.proportion import proportion_confint
            lo, hi = proportion_confint(k, nb, alpha=0.05, method="wilson")
        except ImportError:
            den = 1 + Z**2 / nb
            centre = (ph + Z**2 / (2 * nb)) / den
            half = Z / den * np.sqrt(ph * (1 - ph) / nb + Z**2 / (4 * nb**2))
            lo, hi = centre - half, centre + half
        out.append({"lower": edges[b], "upper": edges[b + 1], "n": nb, "events": k, "observed": ph,
                    "observedCi": [lo, hi], "predicted": p[m].mean()})
    return out


def ece(nbins):
    edges = np.linspace(0.0, 1.0, nbins + 1)
    ids = bins_of(edges)
    total = 0.0
    for b in range(nbins):
        m = ids == b
        if m.sum():
            total += m.sum() / n * abs(y[m].mean() - p[m].mean())
    return total


def recalibration():
    try:
        import statsmodels.api as sm
    except ImportError:
        return None
    eps = np.finfo(float).eps
    q = np.clip(p, eps, 1 - eps)
    x = np.log(q / (1 - q))
    fit = sm.GLM(y, sm.add_constant(x), family=sm.families.Binomial()).fit(tol=1e-14, maxiter=200)
    ci = fit.conf_int(alpha=0.05)
    off = sm.GLM(y, np.ones((n, 1)), family=sm.families.Binomial(), offset=x).fit(tol=1e-14, maxiter=200)
    oci = off.conf_int(alpha=0.05)
    return {"intercept": fit.params[0], "slope": fit.params[1], "interceptCi": list(ci[0]), "slopeCi": list(ci[1]),
            "offsetIntercept": off.params[0], "offsetInterceptCi": list(oci[0])}


def row(t):
    tn, fp, fn, tp = confusion_matrix(y, (p >= t).astype(int), labels=[0, 1]).ravel()
    return {"threshold": t, "tp": int(tp), "fp": int(fp), "tn": int(tn), "fn": int(fn)}


def net_benefit(t):
    flag = p >= t
    return {"threshold": t, "model": (flag & (y == 1)).sum() / n - (flag & (y == 0)).sum() / n * t / (1 - t),
            "treatAll": y.mean() - (1 - y.mean()) * t / (1 - t)}


def lift(k):
    order = np.argsort(-p, kind="stable")
    out = []
    for g in range(k):
        part = order[(g * n) // k:((g + 1) * n) // k]
        out.append({"n": len(part), "events": int(y[part].sum())})
    return out


def cost_optimal(missed, reminder, prevented):
    best_t, best_c = None, y.sum() * missed / n
    for t in np.unique(p)[::-1]:
        flag = p >= t
        tp = (flag & (y == 1)).sum()
        c = ((y.sum() - tp) * missed + tp * missed * (1 - prevented) + flag.sum() * reminder) / n
        if c < best_c:
            best_t, best_c = t, c
    return {"threshold": best_t, "cost": best_c}


fpr, tpr, roc_t = roc_curve(y, p, drop_intermediate=False)
prec, rec, pr_t = precision_recall_curve(y, p)
cal = {}
for strategy in ("uniform", "quantile"):
    for k in (5, 10):
        t, pr = calibration_curve(y, p, n_bins=k, strategy=strategy)
        cal[f"{strategy}{k}"] = {"probTrue": list(t), "probPred": list(pr)}
qedges = np.percentile(p, np.linspace(0, 1, 11) * 100)
has_both = 0 < y.sum() < n
print(json.dumps({
    "auc": roc_auc_score(y, p) if has_both else None,
    "brier": brier_score_loss(y, p),
    "logloss": log_loss(y, p, labels=[0, 1]),
    "averagePrecision": average_precision_score(y, p) if y.sum() else None,
    # roc_curve's first threshold is max + 1 in sklearn 1.2, inf later: compare from the second.
    "roc": {"fpr": list(fpr), "tpr": list(tpr), "thresholds": list(roc_t[1:])} if has_both else None,
    "pr": {"precision": list(prec), "recall": list(rec), "thresholds": list(pr_t)} if y.sum() else None,
    "calibrationCurve": cal,
    "quantileEdges": list(qedges),
    "reliability": reliability(qedges),
    "ece": ece(10),
    "delong": delong(y, p) if has_both else None,
    "recalibration": recalibration(),
    "meanCalibrationDifference": y.mean() - p.mean(),
    "thresholdRows": [row(t) for t in (0.05, 0.1, 0.2, 0.5)],
    "decisionCurve": [net_benefit(t) for t in np.arange(1, 51) / 100],
    "lift": lift(10),
    "costOptimal": cost_optimal(120.0, 3.0, 0.3),
}, default=float))
