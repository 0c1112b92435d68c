/**
 * Runs the Python XGBoost oracle scripts in test/engine/oracle/ on temp files.
 * Tests that need it are skipped when /usr/bin/python3 cannot import xgboost.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PYTHON = '/usr/bin/python3';
const ORACLE_DIR = fileURLToPath(new URL('../oracle/', import.meta.url));

/** True when Python XGBoost is importable; otherwise explains the skip once. */
export const hasPythonXgboost: boolean = (() => {
  const probe = spawnSync(PYTHON, ['-c', 'import xgboost'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    console.warn(`Skipping Python XGBoost oracle tests: "${PYTHON} -c 'import xgboost'" failed (install python3-xgboost to run them).`);
  }
  return probe.status === 0;
})();

function run(script: string, args: string[]): void {
  const res = spawnSync(PYTHON, [join(ORACLE_DIR, script), ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (res.status !== 0) throw new Error(`${script} failed (${res.status}): ${res.stderr}`);
}

function withTemp<T>(body: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'attend-engine-'));
  try {
    return body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function readF32(path: string): Float32Array {
  const buf = readFileSync(path);
  return new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
}

/** Python XGBoost's margins and probabilities for every row (first `trees` trees when given). */
export function pythonPredict(model: Uint8Array, x: Float32Array, rows: number, cols: number, trees = 0): { margin: Float32Array; prob: Float32Array } {
  return withTemp((dir) => {
    writeFileSync(join(dir, 'model.bin'), model);
    writeFileSync(join(dir, 'x.f32'), new Uint8Array(x.buffer, x.byteOffset, x.byteLength));
    run('predict.py', [join(dir, 'model.bin'), join(dir, 'x.f32'), String(rows), String(cols), join(dir, 'out'), String(trees)]);
    return { margin: readF32(join(dir, 'out.margin.f32')), prob: readF32(join(dir, 'out.prob.f32')) };
  });
}

/** What Python XGBoost's save_model JSON and get_dump say about a model. */
export interface PythonDump {
  json: {
    learner: {
      learner_model_param: { base_score: string; num_feature: string };
      objective: { name: string };
      gradient_booster: {
        name: string;
        model: {
          gbtree_model_param?: { num_trees: string };
          trees?: PythonTree[];
          weights?: number[];
        };
      };
    };
  };
  dump: string[];
}

/** One tree of Python XGBoost's JSON model. */
export interface PythonTree {
  left_children: number[];
  right_children: number[];
  parents: number[];
  split_indices: number[];
  split_conditions: number[];
  default_left: number[];
  sum_hessian: number[];
  loss_changes: number[];
  base_weights: number[];
  tree_param: { num_nodes: string; num_deleted: string };
}

/** Loads a model in Python XGBoost and returns its JSON form and text dump. */
export function pythonDump(model: Uint8Array): PythonDump {
  return withTemp((dir) => {
    writeFileSync(join(dir, 'model.bin'), model);
    run('dump.py', [join(dir, 'model.bin'), join(dir, 'dump.json')]);
    return JSON.parse(readFileSync(join(dir, 'dump.json'), 'utf8')) as PythonDump;
  });
}

/** Largest absolute difference between two equal-length arrays. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}
