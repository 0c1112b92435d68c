import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SQL_SERVER_CASE_NESTING, treesSql, sqlFloat } from '../../core/bundle/sql-trees.ts';
import { float32Split } from '../../core/bundle/sql/float32-split.ts';
import { sqlDouble } from '../../core/bundle/sql/literals.ts';
import { caseNestingDepth, sqlPortabilityProblems } from '../../core/bundle/sql/portability.ts';
import { MISSING, predictProbability, readTreeEnsemble, trainBooster, type TreeEnsemble } from '../../core/engine/index.ts';
import { openDb, withTransaction, type Db } from '../../core/workspace/index.ts';
import { SYNTHETIC_COLUMNS, syntheticDna } from '../engine/helpers/synthetic.ts';

/** Two trees over 2 features: tree 0 splits f0 < fround(0.7) (missing left), tree 1 splits f1 < 2 (missing right). */
function handMade(): TreeEnsemble {
  return {
    kind: 'gbtree', objective: 'binary:logistic', numFeature: 2, numTrees: 2, baseMargin: 0.25,
    treeOffsets: Int32Array.from([0, 3, 6]),
    splitFeature: Int32Array.from([0, -1, -1, 1, -1, -1]),
    threshold: Float32Array.from([0.7, 0, 0, 2, 0, 0]),
    defaultLeft: Uint8Array.from([1, 0, 0, 0, 0, 0]),
    left: Int32Array.from([1, -1, -1, 1, -1, -1]),
    right: Int32Array.from([2, -1, -1, 2, -1, -1]),
    parent: Int32Array.from([-1, 0, 0, -1, 0, 0]),
    leafValue: Float32Array.from([0, -1, 1, 0, 0.5, -0.5]),
    cover: new Float32Array(6), gain: new Float32Array(6), baseWeight: new Float32Array(6), deleted: new Uint8Array(6),
  };
}

/** Loads rows of a row-major matrix into table t (id = row number, NULL for missing) and returns the SQL's probabilities by id. */
async function scoreInSqlite(db: Db, sql: string, table: string, columns: readonly string[], x: Float32Array, rows: number): Promise<Map<number, number>> {
  const cols = columns.map((c) => `"${c}" REAL`).join(', ');
  await db.exec(`CREATE TABLE "${table}" ("id" INTEGER PRIMARY KEY, ${cols})`);
  const insert = await db.prepare(`INSERT INTO "${table}" VALUES (${['?', ...columns.map(() => '?')].join(', ')})`);
  await withTransaction(db, async () => {
    for (let r = 0; r < rows; r++) {
      const values = Array.from(x.subarray(r * columns.length, (r + 1) * columns.length), (v) => (v === MISSING ? null : v));
      await insert.run([r, ...values]);
    }
  });
  await insert.finalize();
  const out = await db.all<{ id: number; probability: number }>(sql);
  return new Map(out.map((o) => [o.id, o.probability]));
}

let db: Db;
beforeAll(async () => {
  db = await openDb(':memory:');
});
afterAll(async () => {
  await db.close();
});

describe('sqlFloat', () => {
  it('writes the exact double of the float32 in exponent notation', () => {
    expect(sqlFloat(0.1)).toBe('1.0000000149011612E-1');
    expect(sqlFloat(2)).toBe('2E+0');
    expect(sqlFloat(-0.5)).toBe('-5E-1');
    expect(sqlFloat(-0)).toBe('0E+0');
    expect(Number(sqlFloat(1e-30))).toBe(Math.fround(1e-30));
    expect(() => sqlFloat(Number.NaN)).toThrow('cannot write NaN as a SQL number');
  });
});

describe('treesSql on a hand-made ensemble', () => {
  const e = handMade();

  it('writes one nested CASE per tree, missing-left as IS NULL OR, with float32-aware bounds', () => {
    const sql = treesSql(e, ['a', 'b"c'], { table: 'rows', idColumn: 'key' });
    // fround(v) < fround(0.7) is v <= the midpoint below it (the float32 below has an even mantissa); fround(v) < 2 is v < 2 - 2^-24.
    expect(float32Split(Math.fround(0.7), 'x')).toEqual({ op: '<=', bound: (Math.fround(0.7) + Math.fround(0.7) - 2 ** -24) / 2 });
    expect(sqlDouble((Math.fround(0.7) * 2 - 2 ** -24) / 2)).toBe('6.999999582767487E-1');
    expect(sql).toContain([
      'SELECT "key" AS "id", CAST(1 AS FLOAT) / (CAST(1 AS FLOAT) + EXP(-margin)) AS "probability"',
      'FROM (',
      '  SELECT "key",',
      '    CAST(2.5E-1 AS FLOAT) -- base margin',
      '    -- tree 0',
      '    + CASE WHEN ("a" IS NULL OR "a" <= 6.999999582767487E-1)',
      '        THEN -1E+0',
      '        ELSE 1E+0',
      '      END',
      '    -- tree 1',
      '    + CASE WHEN "b""c" < 1.9999999403953552E+0',
      '        THEN 5E-1',
      '        ELSE -5E-1',
      '      END',
      '    AS margin',
      '  FROM "rows"',
      ') AS scored;',
    ].join('\n'));
    expect(sql).not.toContain('SQL Server nests CASE');
  });

  it('takes the same branches as the predictor at the float32 threshold and for NULL', async () => {
    const below = Math.fround(0.7) - 2 ** -24; // the float32 just below fround(0.7)
    expect(Math.fround(below)).toBe(below);
    const x = Float32Array.from([0.7, 1, below, 2, MISSING, MISSING, 5, 1.5]);
    const got = await scoreInSqlite(db, treesSql(e, ['a', 'b'], { table: 'hand' }), 'hand', ['a', 'b'], x, 4);
    const want = predictProbability(e, x, 4, 2);
    const margins = [0.25 + 1 + 0.5, 0.25 - 1 - 0.5, 0.25 - 1 - 0.5, 0.25 + 1 + 0.5];
    for (let r = 0; r < 4; r++) {
      expect(got.get(r)).toBe(1 / (1 + Math.exp(-margins[r])));
      expect(Math.abs(got.get(r)! - want[r])).toBeLessThan(1e-7);
    }
  });

  it('refuses bad models and names, naming the culprit', () => {
    expect(() => treesSql(e, ['a'])).toThrow('the model has 2 features but 1 column names were given');
    expect(() => treesSql(e, ['a', 'a'])).toThrow('column 1 ("a") repeats an earlier column name');
    expect(() => treesSql(e, ['a', ''])).toThrow('column 1 is an empty name');
    expect(() => treesSql({ ...e, objective: 'reg:squarederror' }, ['a', 'b'])).toThrow('score.sql needs a binary:logistic model, this one is reg:squarederror');
    expect(() => treesSql({ ...e, left: Int32Array.from([7, -1, -1, 1, -1, -1]) }, ['a', 'b'])).toThrow('tree 0: node id 7 is outside the tree (3 nodes)');
    expect(() => treesSql({ ...e, splitFeature: Int32Array.from([0, -1, -1, 4, -1, -1]) }, ['a', 'b'])).toThrow('tree 1, node 0: split feature 4 has no column (the model has 2)');
  });
});

describe('treesSql on a trained model, run in SQLite', () => {
  it('matches predictProbability within 1e-6 on every row, missing values included', async () => {
    const train = syntheticDna(5_000, 3);
    const test = syntheticDna(5_000, 4);
    const { model } = await trainBooster(train, { trees: 40, maxDepth: 5, eta: 0.3, seed: 5 });
    const e = readTreeEnsemble(model);
    const sql = treesSql(e, SYNTHETIC_COLUMNS, { table: 'appointments' });
    expect(sql.match(/-- tree \d+\n/g)?.length).toBe(40);
    expect(sql).toContain('IS NULL OR');

    const got = await scoreInSqlite(db, sql, 'appointments', SYNTHETIC_COLUMNS, test.x, test.rows);
    const want = predictProbability(e, test.x, test.rows, test.cols);
    expect(got.size).toBe(test.rows);
    let worst = 0;
    for (let r = 0; r < test.rows; r++) worst = Math.max(worst, Math.abs(got.get(r)! - want[r]));
    expect(worst).toBeLessThan(1e-6);
    const missingRows = Array.from({ length: test.rows }, (_, r) => r).filter((r) => test.x.subarray(r * test.cols, (r + 1) * test.cols).includes(MISSING));
    expect(missingRows.length).toBeGreaterThan(1000);
  }, 60_000);
});

/** The doubles just above and below v. */
function doubleNeighbours(v: number): [number, number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, v);
  const b = view.getBigUint64(0);
  const step = (d: bigint): number => {
    view.setBigUint64(0, b + d);
    return view.getFloat64(0);
  };
  // For v > 0 a larger bit pattern is a larger number; for v < 0 a smaller one.
  return v > 0 ? [step(-1n), step(1n)] : [step(1n), step(-1n)];
}

describe('float32Split', () => {
  const f = new Float32Array(1);
  const bits = new Uint32Array(f.buffer);
  const thresholds: number[] = [Math.fround(0.7), 2, 1, 0.5, 3, Math.fround(1e-20), Math.fround(-0.7), -2, -1, Math.fround(16777216), Math.fround(16777218), 2 ** -149, 2 ** -126, -(2 ** -149), 3.4028234663852886e38];
  for (let k = 0; k < 300; k++) {
    bits[0] = (Math.imul(k + 1, 0x9e3779b1) >>> 0) % 0xff800000;
    if (Number.isFinite(f[0]) && !((bits[0] & 0x7f800000) === 0x7f800000)) thresholds.push(f[0]);
  }

  it('asks of a double exactly what fround(v) < t asks, at the midpoint, beside it and far away', () => {
    let ties = { below: 0, above: 0 };
    for (const t of thresholds) {
      const { op, bound } = float32Split(t, 'test');
      const [down, up] = doubleNeighbours(bound);
      for (const v of [bound, down, up, t, doubleNeighbours(t)[0], doubleNeighbours(t)[1], t * 0.5, t * 2, t - 1, t + 1]) {
        const sql = op === '<' ? v < bound : v <= bound;
        expect(sql, `threshold ${t}, value ${v}`).toBe(Math.fround(v) < t);
      }
      // The midpoint itself rounds to the even neighbour, which decides the operator.
      if (op === '<=') ties.below++;
      else ties.above++;
    }
    expect(ties.below).toBeGreaterThan(50);
    expect(ties.above).toBeGreaterThan(50);
  });

  it('handles zero, the smallest subnormal and refuses what has no float32 below or is not a float32', () => {
    expect(float32Split(0, 'z')).toEqual({ op: '<', bound: -(2 ** -150) });
    expect(float32Split(-0, 'z')).toEqual({ op: '<', bound: -(2 ** -150) });
    expect(float32Split(2 ** -149, 'z')).toEqual({ op: '<=', bound: 2 ** -150 });
    expect(() => float32Split(-3.4028234663852886e38, 'tree 3, node 4')).toThrow('tree 3, node 4: threshold -3.4028234663852886e+38 is the lowest float32, so no value lies below it');
    expect(() => float32Split(0.7, 'tree 1, node 2')).toThrow('tree 1, node 2: threshold 0.7 is not a finite float32');
    expect(() => float32Split(Number.POSITIVE_INFINITY, 't')).toThrow('is not a finite float32');
  });

  it('takes the branch the predictor takes for double inputs that are not float32', async () => {
    const e = handMade();
    const t = Math.fround(0.7);
    const { bound } = float32Split(t, 'x');
    const [down, up] = doubleNeighbours(bound);
    const values = [bound, down, up, 0.7, doubleNeighbours(0.7)[0], 1.9999999403953552, doubleNeighbours(1.9999999403953552)[0], 1.99999995];
    await db.exec('CREATE TABLE doubles ("id" INTEGER PRIMARY KEY, "a" REAL, "b" REAL)');
    for (const [i, v] of values.entries()) await db.run('INSERT INTO doubles VALUES (?, ?, ?)', [i, v, v + 1]);
    const got = await db.all<{ id: number; probability: number }>(treesSql(e, ['a', 'b'], { table: 'doubles' }));
    const x = Float32Array.from(values.flatMap((v) => [v, v + 1]));
    const want = predictProbability(e, x, values.length, 2);
    for (const g of got) expect(Math.abs(g.probability - want[g.id]), `value ${values[g.id]}`).toBeLessThan(1e-7);
  });
});

/** Depth (edges to the deepest leaf) of tree t. */
function depthOf(e: TreeEnsemble, t: number, local = 0): number {
  const n = e.treeOffsets[t] + local;
  return e.splitFeature[n] < 0 ? 0 : 1 + Math.max(depthOf(e, t, e.left[n]), depthOf(e, t, e.right[n]));
}

describe('treesSql on trees deeper than SQL Server nests CASE', () => {
  it('writes the deep parts flat, stays within the nesting limit and matches the predictor', async () => {
    const train = syntheticDna(6_000, 7);
    const { model } = await trainBooster(train, { trees: 6, maxDepth: 14, eta: 0.3, seed: 2, minChildWeight: 0 });
    const e = readTreeEnsemble(model);
    const deepest = Math.max(...Array.from({ length: e.numTrees }, (_, t) => depthOf(e, t)));
    expect(deepest).toBeGreaterThan(SQL_SERVER_CASE_NESTING);
    const sql = treesSql(e, SYNTHETIC_COLUMNS, { table: 'deep' });
    expect(caseNestingDepth(sql)).toBe(SQL_SERVER_CASE_NESTING);
    expect(sqlPortabilityProblems(sql.replace(/"/g, ''))).toEqual([]);
    const test = syntheticDna(3_000, 8);
    const got = await scoreInSqlite(db, sql, 'deep', SYNTHETIC_COLUMNS, test.x, test.rows);
    const want = predictProbability(e, test.x, test.rows, test.cols);
    let worst = 0;
    for (let r = 0; r < test.rows; r++) worst = Math.max(worst, Math.abs(got.get(r)! - want[r]));
    expect(worst).toBeLessThan(1e-6);
  }, 60_000);
});
