import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundlePipeline, type BundlePipeline } from '../../core/bundle/bundle-pipeline.ts';
import { featuresSql, scoreSql } from '../../core/bundle/score-sql.ts';
import { SQL_SERVER_CASE_NESTING } from '../../core/bundle/sql-trees.ts';
import { float32RoundSql } from '../../core/bundle/sql/float32-margin.ts';
import { DAY_NUMBER_RECIPES, INPUT_TABLE, inputColumns, inputTableDdl, outcomeCodes } from '../../core/bundle/sql/input-table.ts';
import { sqlDouble } from '../../core/bundle/sql/literals.ts';
import { caseNestingDepth, sqlPortabilityProblems } from '../../core/bundle/sql/portability.ts';
import { applyCalibrationToAll } from '../../core/calibrate/index.ts';
import { predictProbability, readTreeEnsemble, trainBooster, type TreeEnsemble } from '../../core/engine/index.ts';
import {
  buildMatrixFromTable,
  fitPipelineOnTable,
  loadDatasetTable,
  NO_DAY,
  type AppointmentTable,
  type FeatureMatrix,
  type FeatureSpec,
} from '../../core/features/index.ts';
import { daysFromCivil } from '../../core/features/time-codes.ts';
import { OUTCOMES } from '../../core/profile/groups.ts';
import { openDb, withTransaction, type Db } from '../../core/workspace/index.ts';
import { startPostgres, type Postgres } from './helpers/postgres.ts';
import { trainedBundle, type TrainedBundle } from './helpers/trained-bundle.ts';

import { csvOf, inputRows, type Value } from './helpers/sql-input.ts';

/**
 * A copy of the table with awkward values the demo extract lacks: unknown times
 * (midnight), bookings missing or after the appointment, ages and deciles
 * unknown or out of range, blank and unseen text, lower-case and unused ethnic
 * letters, administrative first attendances, same-minute appointments of one
 * patient and every outcome. sqlValue writes the same rows for attend_input as
 * a warehouse might: padded text, blanks, out-of-range numbers the import drops.
 */
function awkwardCopy(t: AppointmentTable): { table: AppointmentTable; sqlValue: (name: string, row: number, value: Value) => Value } {
  const minute = t.minute.slice();
  const bookedDay = t.bookedDay.slice();
  const age = t.age.slice();
  const imd = t.imd.slice();
  const outcome = t.outcome.slice();
  const text: AppointmentTable['text'] = {};
  const firstRow = new Map<number, number>();
  for (let i = 0; i < t.length; i++) {
    const day = Math.floor(minute[i] / 1440);
    if (i % 17 === 3) minute[i] = day * 1440;
    if (i % 19 === 4) bookedDay[i] = NO_DAY;
    if (i % 23 === 5) bookedDay[i] = day + 3;
    if (i % 29 === 6 || i % 37 === 8) age[i] = -1;
    if (i % 31 === 7) age[i] = 130;
    if (i % 41 === 9 || i % 43 === 10) imd[i] = 0;
    if (i % 11 === 1) outcome[i] = Math.floor(i / 11) % OUTCOMES.length;
    // Every fifth patient's second appointment moves to the minute of their first.
    const p = t.patient[i];
    const first = firstRow.get(p);
    if (first === undefined) firstRow.set(p, i);
    else if (p % 5 === 0 && first >= 0) {
      minute[i] = minute[first];
      firstRow.set(p, -1);
    }
  }
  for (const [name, col] of Object.entries(t.text)) {
    const labels = [...col.labels];
    const codes = col.codes.slice();
    const code = (label: string): number => (labels.includes(label) ? labels.indexOf(label) : labels.push(label) - 1);
    for (let i = 0; i < t.length; i++) {
      if (i % 47 === 11) codes[i] = -1;
      if (i % 53 === 12) codes[i] = code('zz unseen');
      if (name === 'ethnic_category' && i % 59 === 13) codes[i] = code(['a', 'I', 'Z', 'm2'][Math.floor(i / 59) % 4]);
      if (name === 'first_attendance' && i % 61 === 14) codes[i] = code('5');
    }
    text[name as keyof AppointmentTable['text']] = { codes, labels };
  }
  const table = { ...t, minute, bookedDay, age, imd, outcome, text };
  const sqlValue = (name: string, i: number, v: Value): Value => {
    if (name === 'age_years' && i % 37 === 8) return 160;
    if (name === 'imd_decile' && i % 41 === 9) return 11;
    if (typeof v === 'string' && name !== 'appointment_id' && name !== 'patient_id' && name !== 'outcome' && i % 7 === 0) return `  ${v} `;
    if (v === null && i % 47 === 11 && name in t.text) return '   ';
    return v;
  };
  return { table, sqlValue };
}

/** Worst |SQL - app| over all ids; throws when the id sets differ. */
function maxDiff(sql: Map<string, number>, app: Map<string, number>): number {
  expect(sql.size).toBe(app.size);
  let worst = 0;
  for (const [id, p] of app) {
    const got = sql.get(id);
    if (got === undefined) throw new Error(`appointment ${id} is missing from the SQL output`);
    worst = Math.max(worst, Math.abs(got - p));
  }
  return worst;
}

/** Feature cells where fround(SQL value) differs from the app's matrix (NULL = missing = -1), described. */
function featureMismatches(matrix: FeatureMatrix, sqlRows: Map<string, (number | null)[]>): string[] {
  const out: string[] = [];
  expect(sqlRows.size).toBe(matrix.rows);
  matrix.appointmentIds.forEach((id, r) => {
    const got = sqlRows.get(id);
    if (!got) throw new Error(`appointment ${id} is missing from the SQL features`);
    for (let c = 0; c < matrix.cols; c++) {
      const want = matrix.x[r * matrix.cols + c];
      const v = got[c] === null ? -1 : Math.fround(got[c] as number);
      if (v !== want) out.push(`${id} ${matrix.columns[c]}: SQL ${got[c]}, app ${want}`);
    }
  });
  return out;
}

interface Loaded {
  b: TrainedBundle;
  names: string[];
  rows: Value[][];
  dbFile: string;
  db: Db;
}

/** Fills attend_input in a new SQLite file (with the script's example DDL). */
async function sqliteInput(b: TrainedBundle, names: readonly string[], rows: readonly Value[][], file: string): Promise<Db> {
  const db = await openDb(join(b.dir, file));
  await db.exec(inputTableDdl(b.pipeline.features.spec));
  const insert = await db.prepare(`INSERT INTO ${INPUT_TABLE} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`);
  await withTransaction(db, async () => {
    for (const r of rows) await insert.run(r);
  });
  await insert.finalize();
  return db;
}

/** Trains the fixture and fills attend_input from the app's own table in a SQLite file. */
async function load(calibration: 'platt' | 'isotonic' | 'none'): Promise<Loaded> {
  const b = await trainedBundle({ calibration });
  const spec = b.pipeline.features.spec;
  const table = await loadDatasetTable(b.ws, 'demo', spec);
  const names = inputColumns(spec).map((c) => c.name);
  const rows = inputRows(table, names);
  const dbFile = join(b.dir, 'attend-input.sqlite');
  return { b, names, rows, dbFile, db: await sqliteInput(b, names, rows, 'attend-input.sqlite') };
}

async function scoreInSqlite(db: Db, sql: string): Promise<Map<string, number>> {
  const out = await db.all<{ appointment_id: string; probability: number }>(sql);
  return new Map(out.map((o) => [o.appointment_id, o.probability]));
}

function loadIntoPostgres(pg: Postgres, l: Pick<Loaded, 'b' | 'names' | 'rows'>): void {
  pg.run(`DROP TABLE IF EXISTS ${INPUT_TABLE};\n${inputTableDdl(l.b.pipeline.features.spec)}\n`);
  pg.copyCsv(INPUT_TABLE, l.names, csvOf(l.rows));
}

function sqlFeatureRows(rows: Record<string, number | string | null>[], cols: number): Map<string, (number | null)[]> {
  return new Map(rows.map((r) => [String(r.appointment_id), Array.from({ length: cols }, (_, k) => r[`f${k}`] as number | null)]));
}

function postgresFeatureRows(rows: (string | null)[][]): Map<string, (number | null)[]> {
  return new Map(rows.map(([id, ...f]) => [id as string, f.map((v) => (v === null ? null : Number(v)))]));
}

function scoreInPostgres(pg: Postgres, sql: string): Map<string, number> {
  return new Map(pg.query(sql).map(([id, _outcome, p]) => [id as string, Number(p)]));
}

let pg: Postgres;
let platt: Loaded;
let sql: string;

beforeAll(async () => {
  pg = startPostgres();
  platt = await load('platt');
  sql = scoreSql(platt.b.pipeline, platt.b.ensemble);
  loadIntoPostgres(pg, platt);
}, 180_000);

afterAll(async () => {
  await platt?.db.close();
  await platt?.b.ws.close();
  pg?.stop();
});

describe('score.sql text', () => {
  it('is one portable statement: no dialect-specific constructs, CASE nesting within SQL Server limit', () => {
    expect(sqlPortabilityProblems(sql)).toEqual([]);
    expect(caseNestingDepth(sql)).toBeLessThanOrEqual(SQL_SERVER_CASE_NESTING);
    expect(sql).toMatch(/\nWITH\nattend_appt AS \(/);
    expect(sql).toMatch(/SELECT s.appointment_id, i.outcome, s.probability\nFROM attend_scored s JOIN attend_input i ON i.appointment_id = s.appointment_id\nORDER BY s.appointment_id;\n$/);
    expect(sql.match(/-- tree \d+\n/g)?.length).toBe(platt.b.ensemble.numTrees);
    // Platt reads the margin as logit(p): no LN/LOG.
    expect(sql).toContain('EXP(-(CAST(');
  });

  it('documents attend_input, the outcome codes and the day-number recipes in its header', () => {
    const header = sql.slice(0, sql.indexOf('\nWITH\n'));
    expect(header.split('\n').every((l) => l.startsWith('--'))).toBe(true);
    for (const c of inputColumns(platt.b.pipeline.features.spec)) expect(header).toContain(`--   ${c.name} `);
    expect(header).toContain('--   dna                 3, 7\n');
    expect(header).toContain('--   attended            5, 6\n');
    expect(header).toContain("DATEDIFF(day, '19700101', d)");
    expect(header).toContain('julianday(date(d))');
    expect(header).toContain("CAST(d AS DATE) - DATE '1970-01-01'");
    expect(header).toContain(`--   CREATE TABLE ${INPUT_TABLE} (`);
    expect(header).toContain("medium (feature medium): 'face_to_face', 'telephone', 'video'");
    expect(header).toContain('--   f2   prior_dna_rate: (earlier DNAs + 0.08 * 2) / (earlier attended or DNA appointments + 2)');
  });

  it('maps NHS attendance codes by the bundle DNA codes', () => {
    expect(Object.fromEntries(outcomeCodes(['3']))).toEqual({
      attended: ['5', '6'], dna: ['3'], patient_cancelled: ['2'], hospital_cancelled: ['4'], upcoming: ['0'], unknown: ['7', '9'],
    });
  });
});

describe('score.sql in SQLite', () => {
  it('computes exactly the features of the app (after float32 rounding)', async () => {
    const rows = await platt.db.all<Record<string, number | null>>(featuresSql(platt.b.pipeline));
    expect(featureMismatches(platt.b.matrix, sqlFeatureRows(rows, platt.b.matrix.cols)).slice(0, 10)).toEqual([]);
    // The extract exercises missing values in most columns, so NULL handling is covered.
    const missingColumns = platt.b.matrix.columns.filter((_, c) => rows.some((r) => r[`f${c}`] === null));
    expect(missingColumns).toEqual(expect.arrayContaining(['days_since_last_dna', 'lead_days', 'age', 'imd_decile', 'sex', 'priority']));
  });

  it('gives the app probabilities within 1e-6 for every appointment (node sqlite3)', async () => {
    const diff = maxDiff(await scoreInSqlite(platt.db, sql), platt.b.appScores);
    console.info(`score.sql platt, SQLite: max |SQL - app| = ${diff.toExponential(2)} over ${platt.b.appScores.size} appointments`);
    expect(diff).toBeLessThanOrEqual(1e-6);
  });

  it('runs unchanged in the sqlite3 command line tool', () => {
    const out = execFileSync('sqlite3', ['-bail', '-csv', platt.dbFile], { input: sql, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const got = new Map(out.trim().split('\n').map((line) => {
      const [id, , p] = line.split(',');
      return [id.replace(/^"|"$/g, ''), Number(p)] as [string, number];
    }));
    // The CLI prints 15 significant digits.
    expect(maxDiff(got, platt.b.appScores)).toBeLessThanOrEqual(1e-6);
  });
});

describe('score.sql in PostgreSQL', () => {
  it('computes exactly the features of the app', () => {
    expect(featureMismatches(platt.b.matrix, postgresFeatureRows(pg.query(featuresSql(platt.b.pipeline)))).slice(0, 10)).toEqual([]);
  });

  it('gives the app probabilities within 1e-6 for every appointment', () => {
    const diff = maxDiff(scoreInPostgres(pg, sql), platt.b.appScores);
    console.info(`score.sql platt, PostgreSQL: max |SQL - app| = ${diff.toExponential(2)}`);
    expect(diff).toBeLessThanOrEqual(1e-6);
  });
});

describe('score.sql on awkward values', () => {
  let table: AppointmentTable;
  let rows: Value[][];
  let matrix: FeatureMatrix;
  let app: Map<string, number>;
  let db: Db;
  beforeAll(async () => {
    const { b, names } = platt;
    const awkward = awkwardCopy(await loadDatasetTable(b.ws, 'demo', b.pipeline.features.spec));
    table = awkward.table;
    rows = inputRows(table, names, awkward.sqlValue);
    matrix = buildMatrixFromTable(table, b.pipeline.features, { rows: 'all' });
    const raw = predictProbability(b.ensemble, matrix.x, matrix.rows, matrix.cols);
    const probs = applyCalibrationToAll(b.pipeline.calibration!, raw);
    app = new Map(matrix.appointmentIds.map((id, i) => [id, probs[i]]));
    db = await sqliteInput(b, names, rows, 'awkward.sqlite');
    loadIntoPostgres(pg, { b, names, rows });
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    loadIntoPostgres(pg, platt);
  });

  it('covers what it is meant to cover', () => {
    const col = (name: string): number => matrix.columns.indexOf(name);
    const missing = (c: number): number => Array.from({ length: matrix.rows }, (_, r) => matrix.x[r * matrix.cols + c]).filter((v) => v === -1).length;
    expect(missing(col('hour'))).toBeGreaterThan(100);
    expect(missing(col('follow_up'))).toBeGreaterThan(100);
    expect(rows.some((r) => r.includes(160)) && rows.some((r) => r.includes(11)) && rows.some((r) => r.includes('   '))).toBe(true);
    expect(rows.some((r) => r.some((v) => typeof v === 'string' && v.startsWith('  ') && v.trim() === 'zz unseen'))).toBe(true);
  });

  it('computes exactly the features of the app in SQLite and PostgreSQL', async () => {
    const lite = await db.all<Record<string, number | null>>(featuresSql(platt.b.pipeline));
    expect(featureMismatches(matrix, sqlFeatureRows(lite, matrix.cols)).slice(0, 10)).toEqual([]);
    expect(featureMismatches(matrix, postgresFeatureRows(pg.query(featuresSql(platt.b.pipeline)))).slice(0, 10)).toEqual([]);
  });

  it('gives the app probabilities within 1e-6 in SQLite and PostgreSQL', async () => {
    expect(maxDiff(await scoreInSqlite(db, sql), app)).toBeLessThanOrEqual(1e-6);
    expect(maxDiff(scoreInPostgres(pg, sql), app)).toBeLessThanOrEqual(1e-6);
  });
});

// Feature kinds and shapes the default spec lacks: no history at all, or two windows, other priors, age bands, one-hot and ordinal columns the demo's spec does not use.
const OTHER_SPECS: [string, FeatureSpec][] = [
  [
    'no history, month or text column',
    { version: 1, features: [{ name: 'lead', kind: 'leadTime' }, { name: 'dow', kind: 'calendar', part: 'weekday' }, { name: 'hour', kind: 'calendar', part: 'hour' }, { name: 'age', kind: 'number', column: 'age_years', min: 18.5, max: 90 }] },
  ],
  [
    'other kinds and options',
    {
      version: 1,
      features: [
        { name: 'recent_30', kind: 'history', stat: 'recentAppointments', windowDays: 30 },
        { name: 'recent_730', kind: 'history', stat: 'recentAppointments', windowDays: 730 },
        { name: 'since_dna', kind: 'history', stat: 'daysSinceLastDna' },
        { name: 'rate', kind: 'history', stat: 'smoothedDnaRate', prior: 0.1, strength: 3.5 },
        { name: 'hospital_cancelled', kind: 'history', stat: 'priorHospitalCancellations' },
        { name: 'band', kind: 'ageBand' },
        { name: 'ethnic', kind: 'ethnicGroup' },
        { name: 'month', kind: 'calendar', part: 'month' },
        { name: 'remote', kind: 'attendanceType', part: 'remote' },
        { name: 'spec_top', kind: 'category', column: 'specialty', minCount: 0, maxLevels: 3, encoding: 'onehot' },
        { name: 'clinic', kind: 'category', column: 'clinic_code', minCount: 20, maxLevels: 40 },
        { name: 'sex', kind: 'category', column: 'sex', minCount: 1, maxLevels: 5, encoding: 'onehot' },
        { name: 'imd', kind: 'number', column: 'imd_decile', min: 3, max: 8 },
      ],
    },
  ],
];

describe.each(OTHER_SPECS)('score.sql for a spec with %s', (_what, spec) => {
  let pipeline: BundlePipeline;
  let ensemble: TreeEnsemble;
  let matrix: FeatureMatrix;
  let app: Map<string, number>;
  let db: Db;
  let script: string;
  beforeAll(async () => {
    const { b } = platt;
    const loaded = await loadDatasetTable(b.ws, 'demo', spec);
    pipeline = bundlePipeline(fitPipelineOnTable(loaded, spec, { dataset: 'demo' }), null);
    const training = buildMatrixFromTable(loaded, pipeline.features, { rows: 'training' });
    const { model } = await trainBooster({ x: training.x, y: training.y!, rows: training.rows, cols: training.cols }, { trees: 25, maxDepth: 5, eta: 0.3, seed: 3 });
    ensemble = readTreeEnsemble(model);
    const awkward = awkwardCopy(loaded);
    matrix = buildMatrixFromTable(awkward.table, pipeline.features, { rows: 'all' });
    const probs = predictProbability(ensemble, matrix.x, matrix.rows, matrix.cols);
    app = new Map(matrix.appointmentIds.map((id, i) => [id, probs[i]]));
    const names = inputColumns(spec).map((c) => c.name);
    const rows = inputRows(awkward.table, names, awkward.sqlValue);
    db = await sqliteInput(b, names, rows, `spec-${spec.features.length}.sqlite`);
    loadIntoPostgres(pg, { b: { ...b, pipeline }, names, rows });
    script = scoreSql(pipeline, ensemble);
  }, 120_000);
  afterAll(async () => {
    await db?.close();
  });

  it('computes the app features and probabilities in SQLite and PostgreSQL', async () => {
    expect(sqlPortabilityProblems(script)).toEqual([]);
    expect(script.includes('attend_history')).toBe(spec.features.some((f) => f.kind === 'history'));
    const lite = await db.all<Record<string, number | null>>(featuresSql(pipeline));
    expect(featureMismatches(matrix, sqlFeatureRows(lite, matrix.cols)).slice(0, 10)).toEqual([]);
    expect(featureMismatches(matrix, postgresFeatureRows(pg.query(featuresSql(pipeline)))).slice(0, 10)).toEqual([]);
    expect(maxDiff(await scoreInSqlite(db, script), app)).toBeLessThanOrEqual(1e-6);
    expect(maxDiff(scoreInPostgres(pg, script), app)).toBeLessThanOrEqual(1e-6);
  });
});

describe('float32 rounding in SQL (Veltkamp splitting)', () => {
  // Float32 neighbours, their midpoints (ties both ways), points between, and plain doubles.
  const values: number[] = [0, 1, -1, 0.1, 1 / 3, -2.5e-7, 17.328679, 1e30, -1e-30];
  const f = new Float32Array(1);
  const bits = new Uint32Array(f.buffer);
  for (let k = 0; k < 200; k++) {
    // Spread over 2^-100 .. 2^100.
    bits[0] = 0x0d800000 + ((Math.imul(k + 1, 0x9e3779b1) >>> 0) % (0x71800000 - 0x0d800000));
    const a = f[0];
    bits[0] += 1;
    const b = f[0];
    for (const v of [a, (a + b) / 2, a + (b - a) / 4, a + (3 * (b - a)) / 4]) values.push(k % 2 === 0 ? v : -v);
  }
  const query = `WITH v (i, x) AS (VALUES ${values.map((v, i) => `(${i}, CAST(${sqlDouble(v)} AS FLOAT))`).join(', ')}) SELECT i, ${float32RoundSql('x')} AS r FROM v`;

  it('equals Math.fround, ties to even included, in SQLite and PostgreSQL', async () => {
    expect(values.filter((v) => Math.fround(v) !== v).length).toBeGreaterThan(500);
    const want = values.map((v) => Math.fround(v));
    const lite = await platt.db.all<{ i: number; r: number }>(query);
    expect(lite.sort((p, q) => p.i - q.i).map((x) => x.r)).toEqual(want);
    const post = pg.query(query).map(([i, r]) => [Number(i), Number(r)]);
    expect(post.sort((p, q) => p[0] - q[0]).map(([, r]) => r)).toEqual(want);
  });
});

describe.each(['isotonic', 'none'] as const)('score.sql with calibration %s', (method) => {
  let l: Loaded;
  let script: string;
  beforeAll(async () => {
    l = await load(method);
    script = scoreSql(l.b.pipeline, l.b.ensemble);
    loadIntoPostgres(pg, l);
  }, 120_000);
  afterAll(async () => {
    await l?.db.close();
    await l?.b.ws.close();
  });

  it('is portable and matches the app within 1e-6 in SQLite and PostgreSQL', async () => {
    expect(sqlPortabilityProblems(script)).toEqual([]);
    expect(l.b.pipeline.calibration?.method ?? 'none').toBe(method);
    const lite = maxDiff(await scoreInSqlite(l.db, script), l.b.appScores);
    const post = maxDiff(scoreInPostgres(pg, script), l.b.appScores);
    console.info(`score.sql ${method}: max |SQL - app| = ${lite.toExponential(2)} (SQLite), ${post.toExponential(2)} (PostgreSQL)`);
    expect(lite).toBeLessThanOrEqual(1e-6);
    expect(post).toBeLessThanOrEqual(1e-6);
  });
});

describe('the header recipes', () => {
  const dates = ['1970-01-01', '1999-12-31', '2000-02-29', '2024-03-01', '2031-07-15'];
  const times = ['2024-03-01 00:00:00', '2024-03-01 09:30:00', '2024-03-01 23:59:00'];
  const expected = [...dates.map((d) => daysFromCivil(Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10)))), 0, 570, 1439];
  const recipe = (dialect: string): (typeof DAY_NUMBER_RECIPES)[number] => DAY_NUMBER_RECIPES.find((r) => r.dialect === dialect)!;

  it('turn dates into day numbers and times into minutes in SQLite', async () => {
    const r = recipe('SQLite');
    const got = await platt.db.all<{ v: number }>(
      [...dates.map((d) => `SELECT ${r.day(`'${d}'`)} AS v`), ...times.map((t) => `SELECT ${r.minute(`'${t}'`)} AS v`)].join(' UNION ALL '),
    );
    expect(got.map((g) => g.v)).toEqual(expected);
  });

  it('turn dates into day numbers and times into minutes in PostgreSQL', () => {
    const r = recipe('PostgreSQL');
    const got = pg.query(
      [...dates.map((d) => `SELECT ${r.day(`DATE '${d}'`)} AS v`), ...times.map((t) => `SELECT ${r.minute(`TIMESTAMP '${t}'`)} AS v`)].join(' UNION ALL '),
    );
    expect(got.map(([v]) => Number(v))).toEqual(expected);
  });
});

describe('the portability check', () => {
  it('finds dialect-specific constructs in code but not in comments or strings', () => {
    expect(sqlPortabilityProblems("-- julianday(d), LIMIT 5, x::int\nSELECT CASE WHEN a = 'LIMIT ::' THEN 1 END AS x FROM t;")).toEqual([]);
    const problems = sqlPortabilityProblems('SELECT julianday(d), x::int, a || b, IFNULL(a, 0) FROM t LIMIT 5;');
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('LIMIT'),
        expect.stringContaining(':: casts'),
        expect.stringContaining('string concatenation'),
        expect.stringContaining('IFNULL'),
        expect.stringContaining('date function'),
        'function julianday() is not one of CAST, EXP, SUM, MAX, LTRIM, RTRIM',
      ]),
    );
    expect(sqlPortabilityProblems('SELECT 1; SELECT 2;')).toContain('expected one statement, found 2');
  });

  it('measures CASE nesting and flags more than SQL Server allows', () => {
    const nested = (n: number): string => (n === 0 ? '1' : `CASE WHEN a < ${n} THEN ${nested(n - 1)} ELSE 0 END`);
    expect(caseNestingDepth(`SELECT ${nested(10)} AS x FROM t;`)).toBe(10);
    expect(sqlPortabilityProblems(`SELECT ${nested(10)} AS x FROM t;`)).toEqual([]);
    expect(sqlPortabilityProblems(`SELECT ${nested(11)} AS x FROM t;`)).toEqual(['CASE nested 11 deep (SQL Server allows 10)']);
    expect(caseNestingDepth("SELECT CASE WHEN a = 'END' THEN 1 END + CASE WHEN b THEN 2 END -- CASE CASE\nFROM t")).toBe(1);
  });
});
