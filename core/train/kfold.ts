import { createHash } from 'node:crypto';

/**
 * Assign each row to one of k folds so that all appointments of a patient share
 * a fold (no patient is in both training and evaluation rows). The fold of a
 * patient depends only on its code and the seed, so it is reproducible.
 */
export function patientFolds(patientKeys: Int32Array, folds: number, seed: number): Uint8Array {
  if (!Number.isInteger(folds) || folds < 2 || folds > 20) throw new Error(`folds must be a whole number from 2 to 20, got ${folds}`);
  const foldOf = new Map<number, number>();
  const out = new Uint8Array(patientKeys.length);
  for (let i = 0; i < patientKeys.length; i++) {
    const key = patientKeys[i];
    let f = foldOf.get(key);
    if (f === undefined) {
      f = createHash('sha256').update(`${seed}:${key}`).digest().readUInt32BE(0) % folds;
      foldOf.set(key, f);
    }
    out[i] = f;
  }
  return out;
}
