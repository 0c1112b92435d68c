import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyCalibration, fitCalibration, type PlattCalibration } from '../../core/calibrate/index.ts';
import { hasSklearn, miscalibratedSlice, sklearnCalibrate, type CalibrationInput, type SklearnAnswer } from './helpers/sklearn-oracle.ts';

const reference = JSON.parse(readFileSync(new URL('./fixtures/calibration-reference.json', import.meta.url), 'utf8')) as { input: CalibrationInput; sklearn: SklearnAnswer };

describe('Platt calibration', () => {
  it('equals the stored sklearn LogisticRegression(penalty=none) on logit(p)', () => {
    const cal = fitCalibration('platt', reference.input.labels, reference.input.probabilities) as PlattCalibration;
    expect(Math.abs(cal.a - reference.sklearn.platt.a)).toBeLessThan(1e-6);
    expect(Math.abs(cal.b - reference.sklearn.platt.b)).toBeLessThan(1e-6);
  });

  it.skipIf(!hasSklearn)('equals sklearn on 3000 overconfident probabilities', () => {
    const input = miscalibratedSlice(3000, 9);
    const py = sklearnCalibrate(input);
    const cal = fitCalibration('platt', input.labels, input.probabilities) as PlattCalibration;
    expect(Math.abs(cal.a - py.platt.a)).toBeLessThan(1e-6);
    expect(Math.abs(cal.b - py.platt.b)).toBeLessThan(1e-6);
    // The model exaggerates its margins by 1.8, so the fit shrinks them.
    expect(cal.b).toBeLessThan(0.75);
  });

  it('is the identity when the model is already calibrated on the slice', () => {
    // Outcome rate 1/4 at p = 1/4 and 3/4 at p = 3/4: a = 0, b = 1 is the exact optimum.
    const cal = fitCalibration('platt', [1, 0, 0, 0, 1, 1, 1, 0], [0.25, 0.25, 0.25, 0.25, 0.75, 0.75, 0.75, 0.75]) as PlattCalibration;
    expect(cal.a).toBeCloseTo(0, 12);
    expect(cal.b).toBeCloseTo(1, 12);
    expect(applyCalibration(cal, 0.4)).toBeCloseTo(0.4, 12);
  });

  it('refuses slices it cannot fit', () => {
    expect(() => fitCalibration('platt', [0, 0, 0], [0.1, 0.2, 0.3])).toThrow('Platt scaling needs both outcomes (attended and DNA) in the calibration slice');
    expect(() => fitCalibration('platt', [0, 1, 0], [0.2, 0.2, 0.2])).toThrow('every probability in the calibration slice is the same');
    expect(() => fitCalibration('platt', [0, 0, 1, 1], [0.1, 0.2, 0.3, 0.4])).toThrow('separate DNAs from attendances perfectly');
    expect(() => fitCalibration('platt', [1, 0, 1, 0], [0.1, 0.2, 0.2, 0.4])).toThrow('separate DNAs from attendances perfectly');
  });
});
