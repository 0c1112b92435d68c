/** Brier score: mean squared difference between predicted probability and outcome (0/1). */
export function brierScore(labels: ArrayLike<number>, probabilities: ArrayLike<number>): number {
  const n = labels.length;
  if (n === 0) throw new Error('brierScore: no predictions');
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = probabilities[i] - labels[i];
    sum += d * d;
  }
  return sum / n;
}
