/**
 * The commands the model card and README print, in one place so both
 * documents give the same ones (and tests can check them once).
 */

export { INPUT_TABLE as SQL_INPUT_TABLE } from './sql/input-table.ts';

/** Score an extract with the zero-dependency Node scorer. */
export const SCORE_MJS_COMMAND = 'node score.mjs --data extract.csv --out scores.csv';

/** Score an extract with the Python standard-library scorer. */
export const SCORE_PY_COMMAND = 'python3 score.py --data extract.csv --out scores.csv';

/** Score an extract with the Attend app. */
export const ATTEND_SCORE_COMMAND = 'attend score --bundle path/to/bundle --data extract.csv --out scores.csv';

/** Import local appointments into a workspace (needed before validate). */
export const ATTEND_IMPORT_COMMAND = 'attend import extract.csv --workspace local.sqlite --dataset local';

/** Verify and externally validate the bundle on local data. */
export const ATTEND_VALIDATE_COMMAND = 'attend validate --bundle path/to/bundle --workspace local.sqlite --dataset local';

/** The validate command refusing a bundle not signed by the key with this fingerprint. */
export function attendTrustCommand(fingerprint: string): string {
  return `${ATTEND_VALIDATE_COMMAND} --trust ${fingerprint}`;
}

/** The validate command with local recalibration. */
export function attendRecalibrateCommand(method: 'platt' | 'isotonic'): string {
  return `${ATTEND_VALIDATE_COMMAND} --recalibrate ${method}`;
}
