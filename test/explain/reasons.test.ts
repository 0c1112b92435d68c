import { describe, expect, it } from 'vitest';
import { rowReasons, shapValues, topReasons } from '../../core/explain/index.ts';
import { handEnsemble } from './hand-ensemble.ts';

const names = ['age', 'leadDays', 'priorDna', 'imdDecile', 'firstVisit'];

describe('topReasons', () => {
  it('keeps the k largest positive contributions with their values, largest first', () => {
    const reasons = topReasons([0.2, -0.5, 0.9, 0.2, 0.05], [34, 12, 3, -1, 1], names);
    expect(reasons).toEqual([
      { feature: 'priorDna', value: 3, contribution: 0.9 },
      { feature: 'age', value: 34, contribution: 0.2 },
      { feature: 'imdDecile', value: null, contribution: 0.2 },
    ]);
  });

  it('returns fewer when fewer features push risk up, and honours k', () => {
    expect(topReasons([-0.1, 0, 0.3, -2, 0], [1, 2, 3, 4, 5], names)).toEqual([{ feature: 'priorDna', value: 3, contribution: 0.3 }]);
    expect(topReasons([0.1, 0.2, 0.3, 0.4, 0.5], [1, 2, 3, 4, 5], names, 1).map((r) => r.feature)).toEqual(['firstVisit']);
    expect(topReasons([0.1, 0.2, 0.3, 0.4, 0.5], [1, 2, 3, 4, 5], names, 0)).toEqual([]);
  });

  it('refuses mismatched lengths and a bad k', () => {
    expect(() => topReasons([1, 2], [1, 2, 3, 4, 5], names)).toThrow('topReasons: 2 contributions but 5 feature names');
    expect(() => topReasons([1, 2, 3, 4, 5], [1], names)).toThrow('topReasons: 1 values but 5 feature names');
    expect(() => topReasons([1, 2, 3, 4, 5], [1, 2, 3, 4, 5], names, 1.5)).toThrow('k must be a whole number of at least 0, got 1.5');
  });

  it('reads one row of a SHAP matrix', () => {
    const x = Float32Array.from([0, 2, -1, -1]);
    const { values } = shapValues(handEnsemble(), x, 2, 2);
    const [first] = rowReasons(values, x, 2, 0, ['priorDna', 'age']);
    expect(first.feature).toBe('age');
    expect(first.value).toBe(2);
    expect(first.contribution).toBeCloseTo(11 / 15, 12);
    const second = rowReasons(values, x, 2, 1, ['priorDna', 'age']);
    expect(second).toHaveLength(1);
    expect(second[0].value).toBeNull();
    expect(second[0].contribution).toBeCloseTo(1.1 - 3 / 8, 12);
  });
});
