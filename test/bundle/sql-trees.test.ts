import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { treesSql, sqlFloat } from '../../core/bundle/sql-trees.ts';
import { MISSING, predictProbability, readTreeEnsemble, trainBooster, type TreeEnsemble } from '../../core/engine/index.ts';
import { openDb, withTransaction, type Db } from '../../core/workspace/index.ts';
import { SYNTHETIC_COLUMNS, syntheticDna } from '../engine/helpers/synthetic.ts';

/** Two trees over 2 features: tree 0 splits f0 < fround(0.7) (missing left; '0.7', the shortest float32 digits, reads as a double above it), tree 1 splits f1 < 2 (missing right). */
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

  it('writes one nested CASE per tree, missing-left as IS NULL OR', () => {
    const sql = treesSql(e, ['a', 'b"c'], { table: 'rows', idColumn: 'key' });
    expect(sql).toContain([
      'SELECT "key" AS "id", 1.0 / (1.0 + EXP(-margin)) AS "probability"',
      'FROM (',
      '  SELECT "key",',
      '    2.5E-1 -- base margin',
      '    -- tree 0',
      '    + CASE WHEN "a" IS NULL OR "a" < 6.99999988079071E-1',
      '        THEN -1E+0',
      '        ELSE 1E+0',
      '      END',
      '    -- tree 1',
      '    + CASE WHEN "b""c" < 2E+0',
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
