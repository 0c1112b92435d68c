/**
 * Runs test/explain/oracle/contribs.py: Python XGBoost's pred_contribs and
 * get_score for a model file. Callers skip when hasPythonXgboost is false.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../oracle/contribs.py', import.meta.url));

/** What Python XGBoost says about a model's explanations. */
export interface PythonContribs {
  /** rows x (cols + 1), bias in the last column. */
  contribs: Float32Array;
  totalGain: Record<string, number>;
  weight: Record<string, number>;
}

/** Python XGBoost's SHAP values of x (first `trees` trees when > 0) and its importances. */
export function pythonContribs(model: Uint8Array, x: Float32Array, rows: number, cols: number, trees = 0): PythonContribs {
  const dir = mkdtempSync(join(tmpdir(), 'attend-explain-'));
  try {
    writeFileSync(join(dir, 'model.bin'), model);
    writeFileSync(join(dir, 'x.f32'), new Uint8Array(x.buffer, x.byteOffset, x.byteLength));
    const out = join(dir, 'out');
    const res = spawnSync('/usr/bin/python3', [SCRIPT, join(dir, 'model.bin'), join(dir, 'x.f32'), String(rows), String(cols), out, String(trees)], { encoding: 'utf8', maxBuffer: 64 << 20 });
    if (res.status !== 0) throw new Error(`contribs.py failed (${res.status}): ${res.stderr}`);
    const buf = readFileSync(`${out}.contribs.f32`);
    const contribs = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
    const scores = JSON.parse(readFileSync(`${out}.importance.json`, 'utf8')) as { total_gain: Record<string, number>; weight: Record<string, number> };
    return { contribs, totalGain: scores.total_gain, weight: scores.weight };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
