import { describe, expect, it } from 'vitest';
import { sampleRows } from '../../core/explain/sample-rows.ts';

describe('sampleRows', () => {
  it('picks distinct sorted rows, the same for the same seed', () => {
    const a = sampleRows(1000, 50, 7);
    expect(a).toHaveLength(50);
    expect(new Set(a).size).toBe(50);
    expect(Array.from(a)).toEqual(Array.from(a).sort((p, q) => p - q));
    expect(a.every((r) => r >= 0 && r < 1000)).toBe(true);
    expect(Array.from(sampleRows(1000, 50, 7))).toEqual(Array.from(a));
    expect(Array.from(sampleRows(1000, 50, 8))).not.toEqual(Array.from(a));
    expect(Array.from(sampleRows(5, 5, 1))).toEqual([0, 1, 2, 3, 4]);
    expect(() => sampleRows(3, 4, 1)).toThrow('cannot sample 4 rows out of 3');
  });
});
