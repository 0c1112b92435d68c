import { describe, expect, it } from 'vitest';
import { applyCalibration, applyCalibrationToAll, fitCalibration, parseCalibration, type Calibration, type CalibrationMethod } from '../../core/calibrate/index.ts';
import { brierScore } from '../../core/evaluate/index.ts';
import { miscalibratedSlice } from './helpers/sklearn-oracle.ts';

const METHODS: CalibrationMethod[] = ['platt', 'isotonic'];
const slice = miscalibratedSlice(2000, 3);

describe('fitted calibrations', () => {
  for (const method of METHODS) {
    it(`${method}: improves the Brier score of its own calibration slice`, () => {
      const cal = fitCalibration(method, slice.labels, slice.probabilities);
      const before = brierScore(slice.labels, slice.probabilities);
      const after = brierScore(slice.labels, applyCalibrationToAll(cal, slice.probabilities));
      expect(after).toBeLessThan(before);
    });

    it(`${method}: is a non-decreasing map of [0, 1]`, () => {
      const cal = fitCalibration(method, slice.labels, slice.probabilities);
      let previous = -Infinity;
      for (let i = 0; i <= 1000; i++) {
        const q = applyCalibration(cal, i / 1000);
        expect(q).toBeGreaterThanOrEqual(previous);
        expect(q).toBeGreaterThanOrEqual(0);
        expect(q).toBeLessThanOrEqual(1);
        previous = q;
      }
    });

    it(`${method}: survives a JSON round trip unchanged`, () => {
      const cal = fitCalibration(method, slice.labels, slice.probabilities);
      const back = parseCalibration(JSON.parse(JSON.stringify(cal)));
      expect(back).toEqual(cal);
      expect(applyCalibration(back, 0.37)).toBe(applyCalibration(cal, 0.37));
    });
  }

  it('Platt keeps probabilities of exactly 0 and 1 finite', () => {
    const cal: Calibration = { method: 'platt', a: 0.2, b: 0.5 };
    expect(applyCalibration(cal, 1)).toBeLessThan(1);
    expect(applyCalibration(cal, 0)).toBeGreaterThan(0);
    expect(applyCalibration(cal, 0.5)).toBeCloseTo(1 / (1 + Math.exp(-0.2)), 15);
  });
});

describe('bad input', () => {
  it('names the row of a bad label or probability', () => {
    expect(() => fitCalibration('isotonic', [0, 2], [0.1, 0.2])).toThrow('fitCalibration: label at row 1 must be 0 or 1, got 2');
    expect(() => fitCalibration('platt', [0, 1], [0.1, Number.NaN])).toThrow('fitCalibration: probability at row 1 must be between 0 and 1, got NaN');
    expect(() => fitCalibration('platt', [0, 1], [0.1])).toThrow('fitCalibration: 2 labels but 1 probabilities');
    expect(() => fitCalibration('isotonic', [], [])).toThrow('the calibration slice has no rows');
    expect(() => fitCalibration('beta' as CalibrationMethod, [0], [0.1])).toThrow(`method must be 'platt' or 'isotonic', got "beta"`);
    expect(() => applyCalibration({ method: 'platt', a: 0, b: 1 }, 1.5)).toThrow('probability must be between 0 and 1, got 1.5');
  });

  it('names the field of a bad stored calibration', () => {
    expect(() => parseCalibration(null)).toThrow('calibration must be an object');
    expect(() => parseCalibration({ method: 'spline' })).toThrow(`calibration.method must be 'platt' or 'isotonic', got "spline"`);
    expect(() => parseCalibration({ method: 'platt', a: 1, b: 'x' })).toThrow('calibration.b must be a finite number, got "x"');
    expect(() => parseCalibration({ method: 'isotonic', x: [0.1, 0.2], y: [0] })).toThrow('calibration.x has 2 points but calibration.y has 1');
    expect(() => parseCalibration({ method: 'isotonic', x: [0.2, 0.2], y: [0, 1] })).toThrow('x[1] = 0.2 follows 0.2');
    expect(() => parseCalibration({ method: 'isotonic', x: [0.1, 0.2], y: [0.5, 0.4] })).toThrow('y[1] = 0.4 follows 0.5');
    expect(() => parseCalibration({ method: 'isotonic', x: [0.1], y: [1.5] })).toThrow('calibration.y[0] must be between 0 and 1, got 1.5');
    expect(() => parseCalibration({ method: 'isotonic', x: [], y: [] })).toThrow('calibration.x must be a non-empty array of numbers');
  });
});
