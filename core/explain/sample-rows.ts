/**
 * A seeded sample of row indices, so importance over a large matrix is fast
 * and still the same on every run.
 */
import { createRng } from '../demo/rng.ts';

/** `count` distinct row indices out of 0..rows-1 chosen by seed, in increasing order. */
export function sampleRows(rows: number, count: number, seed: number): Int32Array {
  if (count > rows) throw new Error(`cannot sample ${count} rows out of ${rows}`);
  const rng = createRng(seed);
  const order = Int32Array.from({ length: rows }, (_, i) => i);
  // Partial Fisher-Yates: the first `count` slots end up a uniform sample.
  for (let i = 0; i < count; i++) {
    const j = i + rng.int(rows - i);
    const tmp = order[i];
    order[i] = order[j];
    order[j] = tmp;
  }
  return order.slice(0, count).sort();
}
