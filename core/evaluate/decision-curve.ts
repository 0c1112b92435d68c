import { scoreSteps, type ScoreSteps } from './score-steps.ts';

/** Net benefit of the model, of reminding everyone and of reminding no one, at one threshold probability. */
export interface DecisionPoint {
  threshold: number;
  model: number;
  treatAll: number;
  treatNone: number;
}

/** Default threshold grid: 0.01 to 0.50 in steps of 0.01. */
export const DEFAULT_DECISION_GRID = Array.from({ length: 50 }, (_, i) => (i + 1) / 100);

/**
 * Decision curve: net benefit TP/n - FP/n * t/(1-t) with p >= t flagged, over a
 * grid of threshold probabilities t in [0, 1) (default 0.01..0.50).
 */
export function decisionCurve(
  labels: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  grid: number[] = DEFAULT_DECISION_GRID,
  steps?: ScoreSteps,
): DecisionPoint[] {
  const s = steps ?? scoreSteps(labels, probabilities);
  const n = s.positives + s.negatives;
  if (n === 0) throw new Error('decisionCurve: no predictions');
  return grid.map((t) => {
    if (!(t >= 0 && t < 1)) throw new Error(`decision curve threshold must be in [0, 1), got ${t}`);
    // Last step whose threshold is >= t: thresholds descend, so binary search.
    let lo = 0;
    let hi = s.thresholds.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (s.thresholds[mid] >= t) lo = mid + 1;
      else hi = mid;
    }
    const tp = lo === 0 ? 0 : s.tp[lo - 1];
    const fp = lo === 0 ? 0 : s.fp[lo - 1];
    const odds = t / (1 - t);
    return {
      threshold: t,
      model: tp / n - (fp / n) * odds,
      treatAll: s.positives / n - (s.negatives / n) * odds,
      treatNone: 0,
    };
  });
}
