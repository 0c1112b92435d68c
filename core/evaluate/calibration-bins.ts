import { wilsonInterval } from './wilson.ts';

/** How bin edges are placed: equal width on [0, 1], or at quantiles of the predictions. */
export type BinStrategy = 'uniform' | 'quantile';

/** One bin of a reliability diagram. */
export interface CalibrationBin {
  /** Bin edges; a prediction equal to an inner edge falls in the lower bin (as sklearn). */
  lower: number;
  upper: number;
  n: number;
  events: number;
  /** Observed DNA rate in the bin, with its Wilson score interval. */
  observed: number;
  observedCi: [number, number];
  /** Mean predicted probability in the bin. */
  predicted: number;
}

/** Linear interpolation exactly as numpy's _lerp, so quantile edges match to the last bit. */
function lerp(a: number, b: number, t: number): number {
  const d = b - a;
  return t >= 0.5 ? b - d * (1 - t) : a + d * t;
}

/** Bin edges as sklearn's calibration_curve computes them (numpy linspace / percentile, 'linear' method). */
export function binEdges(probabilities: ArrayLike<number>, bins: number, strategy: BinStrategy): number[] {
  if (!Number.isInteger(bins) || bins < 1) throw new Error(`bins must be a whole number >= 1, got ${bins}`);
  const step = 1 / bins;
  const grid = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? 1 : i * step));
  if (strategy === 'uniform') return grid;
  const sorted = Float64Array.from(probabilities).sort();
  const n = sorted.length;
  if (n === 0) throw new Error('binEdges: no predictions');
  return grid.map((q) => {
    const v = (n - 1) * ((q * 100) / 100);
    const lo = Math.floor(v);
    const hi = Math.min(lo + 1, n - 1);
    return lerp(sorted[lo], sorted[hi], v - lo);
  });
}

/** Bin index of p: the number of inner edges strictly below p (numpy searchsorted, side 'left'). */
function binOf(p: number, edges: number[]): number {
  let lo = 1;
  let hi = edges.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid] < p) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * Reliability diagram: predictions grouped into bins (default 10, strategy
 * 'quantile'), each with its observed DNA rate (Wilson 95% CI) and mean
 * predicted probability. Empty bins are left out, as sklearn does.
 */
export function calibrationBins(
  labels: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  opts: { bins?: number; strategy?: BinStrategy; z?: number } = {},
): CalibrationBin[] {
  const edges = binEdges(probabilities, opts.bins ?? 10, opts.strategy ?? 'quantile');
  const k = edges.length - 1;
  const n = new Float64Array(k);
  const events = new Float64Array(k);
  const sums = new Float64Array(k);
  for (let i = 0; i < labels.length; i++) {
    const b = binOf(probabilities[i], edges);
    n[b]++;
    events[b] += labels[i];
    sums[b] += probabilities[i];
  }
  const out: CalibrationBin[] = [];
  for (let b = 0; b < k; b++) {
    if (n[b] === 0) continue;
    out.push({
      lower: edges[b],
      upper: edges[b + 1],
      n: n[b],
      events: events[b],
      observed: events[b] / n[b],
      observedCi: wilsonInterval(events[b], n[b], opts.z),
      predicted: sums[b] / n[b],
    });
  }
  return out;
}

/**
 * scikit-learn's calibration_curve: observed rate (probTrue) and mean prediction
 * (probPred) per non-empty bin; defaults 5 bins, strategy 'uniform', as sklearn.
 */
export function calibrationCurve(
  labels: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  opts: { bins?: number; strategy?: BinStrategy } = {},
): { probTrue: number[]; probPred: number[] } {
  const bins = calibrationBins(labels, probabilities, { bins: opts.bins ?? 5, strategy: opts.strategy ?? 'uniform' });
  return { probTrue: bins.map((b) => b.observed), probPred: bins.map((b) => b.predicted) };
}
