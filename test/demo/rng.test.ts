import { describe, expect, it } from 'vitest';
import { createRng, cumulativeWeights } from '../../core/demo/index.ts';

describe('createRng', () => {
  it('repeats the same stream for the same seed and differs for another', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
    expect(createRng(2 ** 40 + 1).next()).not.toBe(createRng(1).next());
  });

  it('draws uniform numbers in [0, 1) and integers in range', () => {
    const rng = createRng(1);
    let sum = 0;
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) {
      const x = rng.next();
      expect(x >= 0 && x < 1).toBe(true);
      sum += x;
      counts[rng.int(4)]++;
    }
    expect(sum / 40_000).toBeCloseTo(0.5, 2);
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400);
  });

  it('draws standard normals', () => {
    const rng = createRng(9);
    const xs = Array.from({ length: 40_000 }, () => rng.normal());
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(sd - 1)).toBeLessThan(0.02);
  });

  it('picks by cumulative weight', () => {
    const rng = createRng(5);
    const cum = cumulativeWeights([1, 0, 3]);
    expect(cum).toEqual([1, 1, 4]);
    const counts = [0, 0, 0];
    for (let i = 0; i < 20_000; i++) counts[rng.pickCumulative(cum)]++;
    expect(counts[1]).toBe(0);
    expect(Math.abs(counts[2] / 20_000 - 0.75)).toBeLessThan(0.015);
  });

  it('refuses a seed that is not a safe integer', () => {
    expect(() => createRng(1.5)).toThrow(/seed/);
  });
});
