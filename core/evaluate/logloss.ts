/**
 * Probabilities are clipped to [eps, 1-eps] with eps the float64 machine epsilon,
 * as scikit-learn's log_loss does, so a confident miss costs a finite amount.
 */
const EPS = Number.EPSILON;

/** Mean negative log-likelihood of the outcomes (0/1) under the predicted probabilities. */
export function logLoss(labels: ArrayLike<number>, probabilities: ArrayLike<number>): number {
  const n = labels.length;
  if (n === 0) throw new Error('logLoss: no predictions');
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const p = Math.min(1 - EPS, Math.max(EPS, probabilities[i]));
    sum -= labels[i] === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return sum / n;
}
