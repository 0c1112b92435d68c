/**
 * A deterministic synthetic appointment-like dataset for engine tests:
 * 8 features with missing values encoded as -1 and about 8% positives.
 */

/** mulberry32: small seeded PRNG returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Feature names of the synthetic matrix, in column order. */
export const SYNTHETIC_COLUMNS = ['age', 'leadDays', 'priorDna', 'imdDecile', 'score', 'firstVisit', 'distance', 'weekday'];

/** A dataset in the engine's format. */
export interface SyntheticData {
  x: Float32Array;
  y: Float32Array;
  rows: number;
  cols: number;
}

/** Builds `rows` rows from `seed`; identical inputs give identical arrays. */
export function syntheticDna(rows: number, seed = 1): SyntheticData {
  const rnd = seededRandom(seed);
  const cols = SYNTHETIC_COLUMNS.length;
  const x = new Float32Array(rows * cols);
  const y = new Float32Array(rows);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  for (let r = 0; r < rows; r++) {
    const age = Math.floor(rnd() * 95);
    const lead = rnd() < 0.05 ? -1 : Math.floor(rnd() * 120);
    const prior = Math.floor(-Math.log(1 - rnd()) * 0.8);
    const imd = rnd() < 0.1 ? -1 : 1 + Math.floor(rnd() * 10);
    let score = Math.fround(normal());
    // -1 means missing: a real value must never equal it.
    if (score === -1) score = Math.fround(-1.0001);
    const first = rnd() < 0.4 ? 1 : 0;
    const distance = rnd() < 0.2 ? -1 : Math.fround(rnd() * 30);
    const weekday = Math.floor(rnd() * 5);
    x.set([age, lead, prior, imd, score, first, distance, weekday], r * cols);
    const logit =
      -3.85 + 0.55 * prior - 0.02 * (age - 45) + (lead < 0 ? 0.3 : 0.012 * lead) + (imd < 0 ? 0.2 : 0.12 * (5 - imd)) + 0.35 * score + 0.3 * first + (weekday === 0 ? 0.25 : 0);
    y[r] = rnd() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
  }
  return { x, y, rows, cols };
}
