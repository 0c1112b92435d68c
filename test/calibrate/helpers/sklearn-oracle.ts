/**
 * Runs test/calibrate/oracle/calibrate.py (sklearn) on a calibration slice,
 * and builds seeded calibration data with ties. Oracle tests are skipped when
 * /usr/bin/python3 cannot import sklearn.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../../engine/helpers/synthetic.ts';

const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('../oracle/calibrate.py', import.meta.url));

/** True when sklearn is importable; otherwise explains the skip once. */
export const hasSklearn: boolean = (() => {
  const probe = spawnSync(PYTHON, ['-c', 'import sklearn'], { encoding: 'utf8' });
  if (probe.status !== 0) console.warn(`Skipping sklearn oracle tests: "${PYTHON} -c 'import sklearn'" failed (install python3-sklearn to run them).`);
  return probe.status === 0;
})();

/** A calibration slice and points to predict at. */
export interface CalibrationInput {
  labels: number[];
  probabilities: number[];
  queries: number[];
}

/** What sklearn fits on a CalibrationInput. */
export interface SklearnAnswer {
  isotonic: { x: number[]; y: number[]; predictions: number[] };
  platt: { a: number; b: number };
}

/** sklearn's IsotonicRegression and LogisticRegression(penalty='none') on logit(p) for the input. */
export function sklearnCalibrate(input: CalibrationInput): SklearnAnswer {
  const dir = mkdtempSync(join(tmpdir(), 'attend-calibrate-'));
  try {
    writeFileSync(join(dir, 'in.json'), JSON.stringify(input));
    const res = spawnSync(PYTHON, ['-W', 'ignore', SCRIPT, join(dir, 'in.json'), join(dir, 'out.json')], { encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`calibrate.py failed (${res.status}): ${res.stderr}`);
    return JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as SklearnAnswer;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `rows` overconfident model probabilities rounded to `decimals` (so many tie) and outcomes drawn from the truth. */
export function miscalibratedSlice(rows: number, seed: number, decimals = 3): CalibrationInput {
  const rnd = seededRandom(seed);
  const scale = 10 ** decimals;
  const labels: number[] = [];
  const probabilities: number[] = [];
  for (let i = 0; i < rows; i++) {
    const truth = -2.5 + 1.5 * Math.log(1 / (1 - rnd()));
    // The model exaggerates: margin 1.8 * truth + 0.6.
    probabilities.push(Math.round(scale / (1 + Math.exp(-(1.8 * truth + 0.6)))) / scale);
    labels.push(rnd() < 1 / (1 + Math.exp(-truth)) ? 1 : 0);
  }
  const queries = Array.from({ length: 41 }, (_, i) => i / 40).concat([0.0005, 0.9995, 0.123456]);
  return { labels, probabilities, queries };
}
