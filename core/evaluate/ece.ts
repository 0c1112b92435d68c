import { calibrationBins, type BinStrategy } from './calibration-bins.ts';

/**
 * Expected calibration error: sum over bins of n_b / N * |observed - predicted|,
 * by default on 10 equal-width bins of [0, 1] (inner edges go to the lower bin).
 */
export function expectedCalibrationError(
  labels: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  opts: { bins?: number; strategy?: BinStrategy } = {},
): number {
  const bins = calibrationBins(labels, probabilities, { bins: opts.bins ?? 10, strategy: opts.strategy ?? 'uniform' });
  let ece = 0;
  for (const b of bins) ece += (b.n / labels.length) * Math.abs(b.observed - b.predicted);
  return ece;
}
