/**
 * A fitted recalibration map from model probability to calibrated
 * probability, stored as plain JSON (in pipeline.json and model bundles).
 */

/** Platt scaling: p' = 1 / (1 + exp(-(a + b * logit(p)))). */
export interface PlattCalibration {
  method: 'platt';
  a: number;
  b: number;
}

/** Isotonic regression: p' interpolated linearly between the fitted points (x increasing), clipped to [x[0], x[last]]. */
export interface IsotonicCalibration {
  method: 'isotonic';
  x: number[];
  y: number[];
}

/** Any fitted calibration. */
export type Calibration = PlattCalibration | IsotonicCalibration;

/** Calibration methods by name. */
export type CalibrationMethod = Calibration['method'];

// Probabilities are clipped this far from 0 and 1 so their logit stays finite (float32 sigmoid reaches exactly 1).
const LOGIT_EPS = 1e-12;

/** logit(p) with p clipped to [1e-12, 1 - 1e-12]. */
export function clippedLogit(p: number): number {
  const q = Math.min(1 - LOGIT_EPS, Math.max(LOGIT_EPS, p));
  return Math.log(q) - Math.log1p(-q);
}

function checkProbability(p: number): void {
  if (!Number.isFinite(p) || p < 0 || p > 1) throw new Error(`applyCalibration: probability must be between 0 and 1, got ${p}`);
}

function interpolate(xs: readonly number[], ys: readonly number[], p: number): number {
  const last = xs.length - 1;
  if (last === 0) return ys[0];
  const t = Math.min(xs[last], Math.max(xs[0], p));
  // hi ends as the first index with xs[hi] >= t (at least 1), so an exact hit interpolates from the left as scipy's interp1d does.
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < t) lo = mid;
    else hi = mid;
  }
  const from = hi - 1;
  return ((ys[hi] - ys[from]) / (xs[hi] - xs[from])) * (t - xs[from]) + ys[from];
}

/** The calibrated probability of a model probability p. */
export function applyCalibration(cal: Calibration, p: number): number {
  checkProbability(p);
  if (cal.method === 'platt') return 1 / (1 + Math.exp(-(cal.a + cal.b * clippedLogit(p))));
  return interpolate(cal.x, cal.y, p);
}

/** Calibrated probabilities of many model probabilities. */
export function applyCalibrationToAll(cal: Calibration, probabilities: ArrayLike<number>): Float64Array {
  const out = new Float64Array(probabilities.length);
  for (let i = 0; i < out.length; i++) out[i] = applyCalibration(cal, probabilities[i]);
  return out;
}
