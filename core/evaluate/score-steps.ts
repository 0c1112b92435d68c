/**
 * Cumulative counts at each distinct score, highest score first: the shared
 * backbone of the ROC, precision-recall, threshold and decision curves.
 * Entry i says: flagging every prediction with score >= thresholds[i] gives
 * tp[i] true and fp[i] false positives.
 */
export interface ScoreSteps {
  thresholds: Float64Array;
  tp: Float64Array;
  fp: Float64Array;
  positives: number;
  negatives: number;
}

/** Indices of scores sorted from highest to lowest (ties keep input order). */
export function descendingOrder(scores: ArrayLike<number>): Uint32Array {
  const order = new Uint32Array(scores.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => scores[b] - scores[a] || a - b);
  return order;
}

/** Distinct score thresholds with cumulative true/false positive counts (as sklearn's _binary_clf_curve). */
export function scoreSteps(labels: ArrayLike<number>, scores: ArrayLike<number>, order = descendingOrder(scores)): ScoreSteps {
  const n = labels.length;
  const thresholds: number[] = [];
  const tp: number[] = [];
  const fp: number[] = [];
  let t = 0;
  let f = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    if (labels[i] === 1) t++;
    else f++;
    if (k === n - 1 || scores[order[k + 1]] !== scores[i]) {
      thresholds.push(scores[i]);
      tp.push(t);
      fp.push(f);
    }
  }
  return { thresholds: Float64Array.from(thresholds), tp: Float64Array.from(tp), fp: Float64Array.from(fp), positives: t, negatives: f };
}
