/**
 * The bundle's promise: the app, score.mjs, score.py, score.sql (in SQLite and
 * PostgreSQL) and Python XGBoost loading model.json give the same probabilities.
 * Checked on the real exported bundle's files for every appointment of a 10k-row extract.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle, INPUT_TABLE, inputColumns, inputTableDdl } from '../../core/bundle/index.ts';
import { applyCalibrationToAll } from '../../core/calibrate/index.ts';
import { loadDatasetTable } from '../../core/features/index.ts';
import { openDb, withTransaction } from '../../core/workspace/index.ts';
import { startPostgres, type Postgres } from './helpers/postgres.ts';
import { csvOf, inputRows } from './helpers/sql-input.ts';
import { trainedBundle, type TrainedBundle } from './helpers/trained-bundle.ts';

let b: TrainedBundle;
let folder: string;
let pg: Postgres | undefined;
const maxDiffs: Record<string, number> = {};

function readScores(csv: string): Map<string, number> {
  const lines = csv.trimEnd().split('\n');
  expect(lines[0]).toBe('appointment_id,outcome,probability');
  return new Map(lines.slice(1).map((l) => {
    const [id, , p] = l.split(',');
    return [id, Number(p)];
  }));
}

/** Largest |difference| from the app, after checking both score exactly the same appointments. */
function compare(name: string, got: Map<string, number>): number {
  expect([...got.keys()].sort()).toEqual([...b.appScores.keys()].sort());
  let max = 0;
  for (const [id, p] of b.appScores) max = Math.max(max, Math.abs((got.get(id) as number) - p));
  maxDiffs[name] = max;
  return max;
}

beforeAll(async () => {
  b = await trainedBundle({ rows: 10_000 });
  folder = join(b.dir, 'exported');
  await exportBundle(b.ws, b.runId, folder);
}, 180_000);
afterAll(async () => {
  pg?.stop();
  await b?.ws.close();
  // The figures, for the record (not asserted beyond 1e-6).
  process.stdout.write(`bundle parity, max |difference| from the app: ${JSON.stringify(maxDiffs)}\n`);
});

describe('bundle parity on 10,000 appointments', () => {
  it('score.mjs (plain node, no node_modules)', () => {
    const out = join(b.dir, 'mjs.csv');
    execFileSync(process.execPath, [join(folder, 'score.mjs'), '--data', b.csv, '--out', out], { cwd: b.dir, encoding: 'utf8' });
    expect(compare('score.mjs', readScores(readFileSync(out, 'utf8')))).toBeLessThanOrEqual(1e-6);
  });

  it('score.py (Python standard library)', () => {
    const out = join(b.dir, 'py.csv');
    execFileSync('/usr/bin/python3', [join(folder, 'score.py'), '--data', b.csv, '--out', out], { cwd: b.dir, encoding: 'utf8' });
    expect(compare('score.py', readScores(readFileSync(out, 'utf8')))).toBeLessThanOrEqual(1e-6);
  });

  it('score.sql in SQLite and in PostgreSQL', async () => {
    const sql = readFileSync(join(folder, 'score.sql'), 'utf8');
    const spec = b.pipeline.features.spec;
    const names = inputColumns(spec).map((c) => c.name);
    const rows = inputRows(await loadDatasetTable(b.ws, 'demo', spec), names);

    const db = await openDb(':memory:');
    await db.exec(inputTableDdl(spec));
    const insert = await db.prepare(`INSERT INTO ${INPUT_TABLE} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`);
    await withTransaction(db, async () => {
      for (const r of rows) await insert.run(r);
    });
    await insert.finalize();
    const lite = await db.all<{ appointment_id: string; outcome: string; probability: number }>(sql);
    await db.close();
    expect(compare('score.sql (SQLite)', new Map(lite.map((r) => [r.appointment_id, r.probability])))).toBeLessThanOrEqual(1e-6);

    pg = startPostgres();
    pg.run(inputTableDdl(spec));
    pg.copyCsv(INPUT_TABLE, names, csvOf(rows));
    const post = pg.query(sql);
    expect(post[0].length).toBe(3);
    expect(compare('score.sql (PostgreSQL)', new Map(post.map(([id, , p]) => [id as string, Number(p)])))).toBeLessThanOrEqual(1e-6);
  }, 180_000);

  it('Python XGBoost loading model.json', () => {
    const m = b.matrix;
    const matrixFile = join(b.dir, 'matrix.f32');
    writeFileSync(matrixFile, new Uint8Array(m.x.buffer, m.x.byteOffset, m.x.byteLength));
    const script = [
      'import sys, numpy as np, xgboost as xgb',
      'x = np.fromfile(sys.argv[2], dtype=np.float32).reshape(-1, int(sys.argv[3]))',
      'booster = xgb.Booster(model_file=sys.argv[1])',
      'p = booster.predict(xgb.DMatrix(x, missing=-1.0, feature_names=booster.feature_names))',
      'sys.stdout.write("\\n".join(repr(float(v)) for v in p))',
    ].join('\n');
    const out = execFileSync('/usr/bin/python3', ['-c', script, join(folder, 'model.json'), matrixFile, String(m.cols)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const raw = Float32Array.from(out.trim().split('\n').map(Number));
    expect(raw.length).toBe(m.rows);
    const calibrated = b.pipeline.calibration ? applyCalibrationToAll(b.pipeline.calibration, raw) : Float64Array.from(raw);
    expect(compare('Python XGBoost', new Map(m.appointmentIds.map((id, i) => [id, calibrated[i]])))).toBeLessThanOrEqual(1e-6);
  });
});
