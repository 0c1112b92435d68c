/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32) so
 * the demo extract is byte-identical for the same seed on every machine.
 * Math.random is never used: it cannot be seeded.
 */

/** A seeded stream of random numbers with the draws the generator needs. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** Standard normal (mean 0, sd 1). */
  normal(): number;
  /** Index drawn from cumulative weights (last entry = total). */
  pickCumulative(cumulative: readonly number[]): number;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A generator for an integer seed; seeds beyond 32 bits keep their high bits. */
export function createRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed)) throw new Error(`seed must be a safe integer, got ${seed}`);
  const high = Math.floor(seed / 0x100000000) >>> 0;
  const mix = splitmix32((seed >>> 0) ^ Math.imul(high, 0x27d4eb2d));
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix() | 1;
  const nextU32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  // Warm up so nearby seeds diverge at once.
  for (let i = 0; i < 12; i++) nextU32();

  let spareNormal: number | null = null;
  const next = (): number => nextU32() / 0x100000000;
  return {
    next,
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    normal: () => {
      if (spareNormal !== null) {
        const v = spareNormal;
        spareNormal = null;
        return v;
      }
      // Box-Muller; 1 - next() keeps the log argument above zero.
      const r = Math.sqrt(-2 * Math.log(1 - next()));
      const theta = 2 * Math.PI * next();
      spareNormal = r * Math.sin(theta);
      return r * Math.cos(theta);
    },
    pickCumulative: (cumulative) => {
      const x = next() * cumulative[cumulative.length - 1];
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid] > x) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    },
  };
}

/** Running totals of weights, the form pickCumulative takes. */
export function cumulativeWeights(weights: readonly number[]): number[] {
  let total = 0;
  return weights.map((w) => (total += w));
}
