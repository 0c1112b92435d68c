/**
 * Isotonic (increasing) regression of outcomes on probabilities by
 * pool-adjacent-violators, reproducing sklearn's
 * IsotonicRegression(increasing=True, out_of_bounds='clip'): ties in x are
 * merged into their mean first, and interior points of flat runs are dropped.
 */
import type { IsotonicCalibration } from './calibration.ts';

// sklearn merges x values closer than numpy's float64 resolution to the first of the run.
const TIE_EPS = 1e-15;

/** Pools adjacent violators in place: y becomes the weighted least-squares non-decreasing fit. */
export function poolAdjacentViolators(y: Float64Array, w: Float64Array): void {
  const n = y.length;
  // end[i] is the last index of the block starting at i, and end[last] points back to its start.
  const end = Int32Array.from({ length: n }, (_, i) => i);
  let i = 0;
  while (i < n) {
    let k = end[i] + 1;
    if (k === n) break;
    if (y[i] < y[k]) {
      i = k;
      continue;
    }
    let sumWy = w[i] * y[i];
    let sumW = w[i];
    for (;;) {
      const before = y[k];
      sumWy += w[k] * y[k];
      sumW += w[k];
      k = end[k] + 1;
      if (k === n || before < y[k]) {
        y[i] = sumWy / sumW;
        w[i] = sumW;
        end[i] = k - 1;
        end[k - 1] = i;
        // Merging may now violate order with the previous block: step back to its start.
        if (i > 0) i = end[i - 1];
        break;
      }
    }
  }
  for (let s = 0; s < n; ) {
    const stop = end[s] + 1;
    y.fill(y[s], s + 1, stop);
    s = stop;
  }
}

/** The isotonic fit of labels on probabilities; inputs already checked. */
export function fitIsotonic(labels: ArrayLike<number>, probabilities: ArrayLike<number>): IsotonicCalibration {
  const n = labels.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((p, q) => probabilities[p] - probabilities[q] || labels[p] - labels[q]);
  const ux: number[] = [];
  const sumY: number[] = [];
  const count: number[] = [];
  for (const i of order) {
    const last = ux.length - 1;
    if (last >= 0 && probabilities[i] - ux[last] < TIE_EPS) {
      sumY[last] += labels[i];
      count[last] += 1;
    } else {
      ux.push(probabilities[i]);
      sumY.push(labels[i]);
      count.push(1);
    }
  }
  const y = Float64Array.from(sumY, (s, j) => s / count[j]);
  poolAdjacentViolators(y, Float64Array.from(count));
  const x: number[] = [];
  const fitted: number[] = [];
  for (let j = 0; j < y.length; j++) {
    // A point strictly inside a flat run adds nothing to the interpolation.
    const inside = j > 0 && j < y.length - 1 && y[j] === y[j - 1] && y[j] === y[j + 1];
    if (!inside) {
      x.push(ux[j]);
      fitted.push(y[j]);
    }
  }
  return { method: 'isotonic', x, y: fitted };
}
