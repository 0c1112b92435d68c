/**
 * Entry point for recalibration.
 *
 * Calibration MUST be fitted on a calibration slice: rows the model was not
 * trained on and that are NOT the test slice. Fitting on the test slice makes
 * the reported calibration (and Brier score) of the test slice optimistic,
 * since the map would be tuned to the very rows it is judged on. This module
 * cannot tell slices apart; the caller (training) chooses the slice.
 */
import type { Calibration, CalibrationMethod } from './calibration.ts';
import { fitIsotonic } from './isotonic.ts';
import { fitPlatt } from './platt.ts';

function checkInputs(labels: ArrayLike<number>, probabilities: ArrayLike<number>): void {
  if (labels.length !== probabilities.length) throw new Error(`fitCalibration: ${labels.length} labels but ${probabilities.length} probabilities`);
  if (labels.length === 0) throw new Error('fitCalibration: the calibration slice has no rows');
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== 0 && labels[i] !== 1) throw new Error(`fitCalibration: label at row ${i} must be 0 or 1, got ${labels[i]}`);
    const p = probabilities[i];
    if (!Number.isFinite(p) || p < 0 || p > 1) throw new Error(`fitCalibration: probability at row ${i} must be between 0 and 1, got ${p}`);
  }
}

/** Fits a calibration map of the given method on a calibration slice's outcomes (0/1) and model probabilities. */
export function fitCalibration(method: CalibrationMethod, labels: ArrayLike<number>, probabilities: ArrayLike<number>): Calibration {
  checkInputs(labels, probabilities);
  if (method === 'platt') return fitPlatt(labels, probabilities);
  if (method === 'isotonic') return fitIsotonic(labels, probabilities);
  throw new Error(`fitCalibration: method must be 'platt' or 'isotonic', got ${JSON.stringify(method)}`);
}
