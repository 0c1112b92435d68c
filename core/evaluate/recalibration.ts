import { Z_95 } from './normal.ts';

/**
 * Probabilities are clipped to [eps, 1 - eps] (eps = float64 machine epsilon,
 * as for log loss) so that predictions of exactly 0 or 1 have a finite logit.
 */
const EPS = Number.EPSILON;
const MAX_ITERATIONS = 100;

/** A fitted coefficient with its Wald confidence interval. */
export interface Estimate {
  value: number;
  se: number;
  ci: [number, number];
}

/** Logistic recalibration logit(P(y=1)) = intercept + slope * logit(p). */
export interface Recalibration {
  intercept: Estimate;
  slope: Estimate;
  iterations: number;
}

/** logit of p after clipping to [eps, 1 - eps]. */
export function clippedLogit(p: number): number {
  const q = Math.min(1 - EPS, Math.max(EPS, p));
  return Math.log(q / (1 - q));
}

const expit = (x: number) => 1 / (1 + Math.exp(-x));

/** Log-likelihood of a logistic model with linear predictor a + b * x, computed without overflow. */
function logLikelihood(labels: ArrayLike<number>, x: Float64Array, a: number, b: number): number {
  let ll = 0;
  for (let i = 0; i < x.length; i++) {
    const eta = a + b * x[i];
    // log(1 + e^eta), stable for large |eta|.
    const softplus = eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
    ll += labels[i] * eta - softplus;
  }
  return ll;
}

/**
 * Newton step (da, db) halved until the log-likelihood does not fall: with logits
 * of clipped 0/1 predictions near +-36, a full step from the start can overshoot.
 */
function dampedStep(labels: ArrayLike<number>, x: Float64Array, a: number, b: number, da: number, db: number): [number, number] {
  const before = logLikelihood(labels, x, a, b);
  let f = 1;
  for (let h = 0; h < 60; h++, f /= 2) {
    const after = logLikelihood(labels, x, a + f * da, b + f * db);
    if (after >= before - 1e-12 * Math.abs(before)) return [f * da, f * db];
  }
  return [0, 0];
}

function estimate(value: number, variance: number, z: number): Estimate {
  const se = Math.sqrt(variance);
  return { value, se, ci: [value - z * se, value + z * se] };
}

/**
 * Calibration slope and intercept: maximum-likelihood logistic regression of the
 * outcome on logit(p) by Newton-Raphson, with Wald CIs (default z = 1.96) from the
 * inverse Fisher information. Null when it does not converge (e.g. separation).
 */
export function calibrationSlopeIntercept(
  labels: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  z = Z_95,
): Recalibration | null {
  const n = labels.length;
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = clippedLogit(probabilities[i]);
  let a = 0;
  let b = 1;
  for (let it = 1; it <= MAX_ITERATIONS; it++) {
    let g0 = 0, g1 = 0, h00 = 0, h01 = 0, h11 = 0;
    for (let i = 0; i < n; i++) {
      const mu = expit(a + b * x[i]);
      const w = mu * (1 - mu);
      const r = labels[i] - mu;
      g0 += r;
      g1 += r * x[i];
      h00 += w;
      h01 += w * x[i];
      h11 += w * x[i] * x[i];
    }
    const det = h00 * h11 - h01 * h01;
    if (!(det > 0)) return null;
    const [da, db] = dampedStep(labels, x, a, b, (h11 * g0 - h01 * g1) / det, (h00 * g1 - h01 * g0) / det);
    a += da;
    b += db;
    if (!Number.isFinite(a) || !Number.isFinite(b)) return null;
    if (Math.abs(da) < 1e-12 * (1 + Math.abs(a)) && Math.abs(db) < 1e-12 * (1 + Math.abs(b))) {
      // Information at the converged estimate gives the Wald standard errors.
      let i00 = 0, i01 = 0, i11 = 0;
      for (let i = 0; i < n; i++) {
        const mu = expit(a + b * x[i]);
        const w = mu * (1 - mu);
        i00 += w;
        i01 += w * x[i];
        i11 += w * x[i] * x[i];
      }
      const d = i00 * i11 - i01 * i01;
      return { intercept: estimate(a, i11 / d, z), slope: estimate(b, i00 / d, z), iterations: it };
    }
  }
  return null;
}

/**
 * Calibration-in-the-large as an intercept: logistic model with logit(p) as an
 * offset (slope fixed at 1), fitted by Newton-Raphson, with a Wald CI (default z = 1.96).
 * 0 means well calibrated on average; null when it does not converge.
 */
export function calibrationInTheLargeIntercept(labels: ArrayLike<number>, probabilities: ArrayLike<number>, z = Z_95): Estimate | null {
  const n = labels.length;
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = clippedLogit(probabilities[i]);
  let a = 0;
  for (let it = 1; it <= MAX_ITERATIONS; it++) {
    let g = 0;
    let h = 0;
    for (let i = 0; i < n; i++) {
      const mu = expit(a + x[i]);
      g += labels[i] - mu;
      h += mu * (1 - mu);
    }
    if (!(h > 0)) return null;
    const [da] = dampedStep(labels, x, a, 1, g / h, 0);
    a += da;
    if (!Number.isFinite(a)) return null;
    if (Math.abs(da) < 1e-12 * (1 + Math.abs(a))) {
      let info = 0;
      for (let i = 0; i < n; i++) {
        const mu = expit(a + x[i]);
        info += mu * (1 - mu);
      }
      return estimate(a, 1 / info, z);
    }
  }
  return null;
}

/** Calibration-in-the-large as a difference: mean observed minus mean predicted (positive = under-prediction). */
export function meanCalibrationDifference(labels: ArrayLike<number>, probabilities: ArrayLike<number>): number {
  const n = labels.length;
  if (n === 0) throw new Error('meanCalibrationDifference: no predictions');
  let s = 0;
  for (let i = 0; i < n; i++) s += labels[i] - probabilities[i];
  return s / n;
}
