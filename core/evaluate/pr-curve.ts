import { scoreSteps, type ScoreSteps } from './score-steps.ts';

/** Points of a precision-recall curve; thresholds has one entry fewer than precision and recall. */
export interface PrCurve {
  precision: number[];
  recall: number[];
  thresholds: number[];
}

/**
 * Precision-recall curve as scikit-learn 1.2's precision_recall_curve: one point
 * per distinct score, lowest threshold first, ending with precision 1 at recall 0
 * (which has no threshold). Returns null when there are no DNAs.
 */
export function precisionRecallCurve(labels: ArrayLike<number>, scores: ArrayLike<number>, steps?: ScoreSteps): PrCurve | null {
  const s = steps ?? scoreSteps(labels, scores);
  if (s.positives === 0) return null;
  const precision: number[] = [];
  const recall: number[] = [];
  const thresholds: number[] = [];
  for (let k = s.thresholds.length - 1; k >= 0; k--) {
    precision.push(s.tp[k] / (s.tp[k] + s.fp[k]));
    recall.push(s.tp[k] / s.positives);
    thresholds.push(s.thresholds[k]);
  }
  precision.push(1);
  recall.push(0);
  return { precision, recall, thresholds };
}

/**
 * Average precision as scikit-learn's average_precision_score: the sum over
 * distinct thresholds of (R_n - R_{n-1}) * P_n, no interpolation. Null without DNAs.
 */
export function averagePrecision(labels: ArrayLike<number>, scores: ArrayLike<number>, steps?: ScoreSteps): number | null {
  const s = steps ?? scoreSteps(labels, scores);
  if (s.positives === 0) return null;
  let ap = 0;
  let prevRecall = 0;
  for (let k = 0; k < s.thresholds.length; k++) {
    const recall = s.tp[k] / s.positives;
    ap += (recall - prevRecall) * (s.tp[k] / (s.tp[k] + s.fp[k]));
    prevRecall = recall;
  }
  return ap;
}
