/** Default maximum number of points of a curve sent to a chart. */
export const DEFAULT_MAX_POINTS = 500;

/**
 * Indices of at most maxPoints points of a curve (x[k], y[k]) that keep its
 * first and last points and its shape: points are picked at evenly spaced
 * distances along the curve's path length (sum of |dx| + |dy|), so both steep
 * and flat stretches keep points. Returns all indices when there are few enough.
 */
export function downsampleIndices(x: ArrayLike<number>, y: ArrayLike<number>, maxPoints = DEFAULT_MAX_POINTS): number[] {
  const n = x.length;
  if (maxPoints < 2) throw new Error(`maxPoints must be >= 2, got ${maxPoints}`);
  if (n <= maxPoints) return Array.from({ length: n }, (_, i) => i);
  const path = new Float64Array(n);
  for (let k = 1; k < n; k++) path[k] = path[k - 1] + Math.abs(x[k] - x[k - 1]) + Math.abs(y[k] - y[k - 1]);
  const total = path[n - 1];
  const picked = [0];
  let k = 1;
  for (let j = 1; j < maxPoints - 1; j++) {
    const target = (total * j) / (maxPoints - 1);
    while (k < n - 1 && path[k] < target) k++;
    if (k >= n - 1) break;
    if (k > picked[picked.length - 1]) picked.push(k);
  }
  picked.push(n - 1);
  return picked;
}

/** Keep the picked entries of each named array (all of the same length). */
export function pickPoints<T extends Record<string, number[]>>(arrays: T, indices: number[]): T {
  const out: Record<string, number[]> = {};
  for (const [key, values] of Object.entries(arrays)) out[key] = indices.map((i) => values[i]);
  return out as T;
}
