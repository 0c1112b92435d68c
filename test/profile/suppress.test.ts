import { describe, expect, it } from 'vitest';
import { publishedDnaRate, suppress } from '../../core/profile/index.ts';

describe('suppress', () => {
  it('shows 1..9 as <10 and keeps 0 and 10 or more exact', () => {
    expect([0, 1, 9, 10, 11, 1_000_000].map(suppress)).toEqual([0, '<10', '<10', 10, 11, 1_000_000]);
  });

  it('refuses negative and fractional counts', () => {
    expect(() => suppress(-1)).toThrow('got -1');
    expect(() => suppress(2.5)).toThrow('got 2.5');
  });
});

describe('publishedDnaRate', () => {
  it('is null when there are no outcomes or a count is suppressed', () => {
    expect(publishedDnaRate(0, 0)).toBeNull();
    expect(publishedDnaRate(9, 100)).toBeNull();
    expect(publishedDnaRate(0, 9)).toBeNull();
    expect(publishedDnaRate(0, 10)).toBe(0);
    expect(publishedDnaRate(10, 40)).toBe(0.25);
  });
});
