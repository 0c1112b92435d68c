import { descendingOrder } from './score-steps.ts';

/** Confusion counts and rates when predictions with p >= threshold are flagged. */
export interface ThresholdRow {
  threshold: number;
  flagged: number;
  shareFlagged: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  /** Ratios are null when their denominator is 0. */
  sensitivity: number | null;
  specificity: number | null;
  ppv: number | null;
  npv: number | null;
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

/** Table row from confusion counts at a threshold. */
export function thresholdRowFromCounts(threshold: number, tp: number, fp: number, positives: number, negatives: number): ThresholdRow {
  const fn = positives - tp;
  const tn = negatives - fp;
  const n = positives + negatives;
  return {
    threshold,
    flagged: tp + fp,
    shareFlagged: (tp + fp) / n,
    tp,
    fp,
    tn,
    fn,
    sensitivity: ratio(tp, positives),
    specificity: ratio(tn, negatives),
    ppv: ratio(tp, tp + fp),
    npv: ratio(tn, tn + fn),
  };
}

/** Confusion table row when every prediction with p >= threshold is flagged. */
export function thresholdRow(labels: ArrayLike<number>, probabilities: ArrayLike<number>, threshold: number): ThresholdRow {
  let tp = 0, fp = 0, positives = 0;
  for (let i = 0; i < labels.length; i++) {
    const pos = labels[i] === 1;
    if (pos) positives++;
    if (probabilities[i] >= threshold) {
      if (pos) tp++;
      else fp++;
    }
  }
  return thresholdRowFromCounts(threshold, tp, fp, positives, labels.length - positives);
}

/**
 * Confusion table row for flagging the top share of risk: the threshold is the
 * score of the ceil(share * n)-th highest prediction, and every prediction tied
 * with it is flagged too, so shareFlagged can exceed share.
 */
export function topShareRow(labels: ArrayLike<number>, probabilities: ArrayLike<number>, share: number, order = descendingOrder(probabilities)): ThresholdRow {
  if (!(share > 0 && share <= 1)) throw new Error(`top share must be in (0, 1], got ${share}`);
  const k = Math.max(1, Math.ceil(share * labels.length - 1e-9));
  return thresholdRow(labels, probabilities, probabilities[order[k - 1]]);
}

/** Default thresholds of the table: 0.05 to 0.5 in steps of 0.05. */
export const DEFAULT_THRESHOLDS = Array.from({ length: 10 }, (_, i) => (i + 1) / 20);
/** Default top-risk shares of the table: 5%, 10%, 20% and 30% of appointments. */
export const DEFAULT_TOP_SHARES = [0.05, 0.1, 0.2, 0.3];

/** Threshold table at fixed probability thresholds and at top shares of risk (defaults above). */
export function thresholdTable(
  labels: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  opts: { thresholds?: number[]; topShares?: number[] } = {},
): { byThreshold: ThresholdRow[]; byTopShare: (ThresholdRow & { share: number })[] } {
  const order = descendingOrder(probabilities);
  return {
    byThreshold: (opts.thresholds ?? DEFAULT_THRESHOLDS).map((t) => thresholdRow(labels, probabilities, t)),
    byTopShare: (opts.topShares ?? DEFAULT_TOP_SHARES).map((s) => ({ share: s, ...topShareRow(labels, probabilities, s, order) })),
  };
}
