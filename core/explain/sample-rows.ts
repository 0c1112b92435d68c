/**
 * A seeded sample of row indices, so importance over a large matrix is fast
 * and still the same on every run.
 */

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` distinct row indices out of 0..rows-1 chosen by seed, in increasing order. */
export function sampleRows(rows: number, count: number, seed: number): Int32Array {
  if (count > rows) throw new Error(`cannot sample ${count} rows out of ${rows}`);
  const rnd = mulberry32(seed);
  const order = Int32Array.from({ length: rows }, (_, i) => i);
  // Partial Fisher-Yates: the first `count` slots end up a uniform sample.
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(rnd() * (rows - i));
    const tmp = order[i];
    order[i] = order[j];
    order[j] = tmp;
  }
  return order.slice(0, count).sort();
}
