/** Recalibration of model probabilities (Platt scaling, isotonic regression), fitted on a calibration slice. */
export { fitCalibration } from './fit-calibration.ts';
export { applyCalibration, applyCalibrationToAll, clippedLogit } from './calibration.ts';
export type { Calibration, CalibrationMethod, IsotonicCalibration, PlattCalibration } from './calibration.ts';
export { parseCalibration } from './parse-calibration.ts';
export { fitIsotonic, poolAdjacentViolators } from './isotonic.ts';
export { fitPlatt } from './platt.ts';
