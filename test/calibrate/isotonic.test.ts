import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyCalibration, fitCalibration, poolAdjacentViolators, type IsotonicCalibration } from '../../core/calibrate/index.ts';
import { hasSklearn, miscalibratedSlice, sklearnCalibrate, type CalibrationInput, type SklearnAnswer } from './helpers/sklearn-oracle.ts';

const reference = JSON.parse(readFileSync(new URL('./fixtures/calibration-reference.json', import.meta.url), 'utf8')) as { input: CalibrationInput; sklearn: SklearnAnswer };

function expectSameAsSklearn(input: CalibrationInput, answer: SklearnAnswer): void {
  const cal = fitCalibration('isotonic', input.labels, input.probabilities) as IsotonicCalibration;
  expect(cal.x).toHaveLength(answer.isotonic.x.length);
  for (let i = 0; i < cal.x.length; i++) {
    expect(Math.abs(cal.x[i] - answer.isotonic.x[i])).toBeLessThanOrEqual(1e-9);
    expect(Math.abs(cal.y[i] - answer.isotonic.y[i])).toBeLessThanOrEqual(1e-9);
  }
  input.queries.forEach((q, i) => expect(Math.abs(applyCalibration(cal, Math.min(1, Math.max(0, q))) - answer.isotonic.predictions[i])).toBeLessThanOrEqual(1e-9));
}

describe('poolAdjacentViolators', () => {
  it('pools decreasing runs into weighted means and backtracks', () => {
    const y = Float64Array.from([1, 3, 2, 2, 0, 5]);
    poolAdjacentViolators(y, Float64Array.from([1, 1, 1, 1, 2, 1]));
    // 3, 2, 2, 0 (weights 1, 1, 1, 2) pool to 7/5, above the first value 1, so no further pooling.
    expect(Array.from(y)).toEqual([1, 1.4, 1.4, 1.4, 1.4, 5]);
    const z = Float64Array.from([4, 1, 0]);
    poolAdjacentViolators(z, Float64Array.from([1, 1, 1]));
    expect(Array.from(z)).toEqual([5 / 3, 5 / 3, 5 / 3]);
  });
});

describe('isotonic calibration', () => {
  it('merges tied probabilities, drops flat interiors and interpolates (hand-worked)', () => {
    // x: 0.1 (0), 0.2 (1, 0 -> 0.5), 0.3 (0 -> pooled with 0.2 to 1/3), 0.5 (1), 0.6 (1), 0.8 (1).
    const cal = fitCalibration('isotonic', [0, 1, 0, 0, 1, 1, 1], [0.1, 0.2, 0.2, 0.3, 0.5, 0.6, 0.8]);
    expect(cal).toEqual({ method: 'isotonic', x: [0.1, 0.2, 0.3, 0.5, 0.8], y: [0, 1 / 3, 1 / 3, 1, 1] });
    expect(applyCalibration(cal, 0)).toBe(0);
    expect(applyCalibration(cal, 0.15)).toBeCloseTo(1 / 6, 15);
    expect(applyCalibration(cal, 0.4)).toBeCloseTo(2 / 3, 15);
    expect(applyCalibration(cal, 0.95)).toBe(1);
  });

  it('equals the stored sklearn 1.2 reference on a fixture with ties', () => {
    expect(new Set(reference.input.probabilities).size).toBeLessThan(reference.input.probabilities.length / 2);
    expectSameAsSklearn(reference.input, reference.sklearn);
  });

  it.skipIf(!hasSklearn)('equals sklearn IsotonicRegression fit and predict on 3000 rows with ties', () => {
    const input = miscalibratedSlice(3000, 7);
    expectSameAsSklearn(input, sklearnCalibrate(input));
  });

  it('handles a single distinct probability and a single outcome', () => {
    const cal = fitCalibration('isotonic', [1, 0, 0, 1], [0.3, 0.3, 0.3, 0.3]);
    expect(cal).toEqual({ method: 'isotonic', x: [0.3], y: [0.5] });
    expect(applyCalibration(cal, 0.9)).toBe(0.5);
    expect(fitCalibration('isotonic', [0, 0], [0.2, 0.7])).toEqual({ method: 'isotonic', x: [0.2, 0.7], y: [0, 0] });
  });
});
