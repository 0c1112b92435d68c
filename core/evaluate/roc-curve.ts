import { scoreSteps, type ScoreSteps } from './score-steps.ts';

/** Points of a ROC curve; thresholds[k] is the lowest score flagged at point k. */
export interface RocCurve {
  fpr: number[];
  tpr: number[];
  thresholds: number[];
}

/**
 * ROC curve as scikit-learn's roc_curve(drop_intermediate=False): one point per
 * distinct score, highest first, after a starting point (0, 0) whose threshold
 * is Infinity (sklearn >= 1.3; 1.2 used max score + 1; JSON writes it as null).
 * Returns null when either class is absent.
 */
export function rocCurve(labels: ArrayLike<number>, scores: ArrayLike<number>, steps?: ScoreSteps): RocCurve | null {
  const s = steps ?? scoreSteps(labels, scores);
  if (s.positives === 0 || s.negatives === 0) return null;
  const fpr = [0];
  const tpr = [0];
  const thresholds = [Infinity];
  for (let k = 0; k < s.thresholds.length; k++) {
    fpr.push(s.fp[k] / s.negatives);
    tpr.push(s.tp[k] / s.positives);
    thresholds.push(s.thresholds[k]);
  }
  return { fpr, tpr, thresholds };
}
