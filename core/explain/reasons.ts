/**
 * The reasons behind one appointment's risk: the features whose SHAP values
 * push its predicted DNA risk up the most. Data only; wording is the UI's job.
 */
import { MISSING } from '../engine/index.ts';

/** One feature raising the risk of one appointment. */
export interface Reason {
  feature: string;
  /** The row's value of the feature; null when missing (-1). */
  value: number | null;
  /** SHAP contribution in log-odds, always > 0. */
  contribution: number;
}

/** Up to k features with positive contributions, largest first (ties keep column order). */
export function topReasons(contributions: ArrayLike<number>, values: ArrayLike<number>, names: readonly string[], k = 3): Reason[] {
  if (contributions.length !== names.length) throw new Error(`topReasons: ${contributions.length} contributions but ${names.length} feature names`);
  if (values.length !== names.length) throw new Error(`topReasons: ${values.length} values but ${names.length} feature names`);
  if (!Number.isInteger(k) || k < 0) throw new Error(`topReasons: k must be a whole number of at least 0, got ${k}`);
  const up: Reason[] = [];
  for (let j = 0; j < names.length; j++) {
    const c = contributions[j];
    if (c > 0) up.push({ feature: names[j], value: values[j] === MISSING ? null : values[j], contribution: c });
  }
  return up.sort((a, b) => b.contribution - a.contribution).slice(0, k);
}

/** The k top reasons of row r of a row-major SHAP matrix and its feature matrix. */
export function rowReasons(shap: Float64Array, x: Float32Array, cols: number, r: number, names: readonly string[], k = 3): Reason[] {
  return topReasons(shap.subarray(r * cols, (r + 1) * cols), x.subarray(r * cols, (r + 1) * cols), names, k);
}
