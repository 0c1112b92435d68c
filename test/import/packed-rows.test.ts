import { describe, expect, it } from 'vitest';
import { packBatch, packedSql, packRows } from '../../core/import/packed-rows.ts';
import { openDb } from '../../core/workspace/index.ts';

const COLUMNS = [
  { name: 'id', nullable: false },
  { name: 'label', nullable: true },
  { name: 'n', nullable: true },
];

async function unpack(values: string[], withFits = false): Promise<unknown[]> {
  const db = await openDb(':memory:');
  await db.exec('CREATE TABLE t (id TEXT NOT NULL, label TEXT, n INTEGER)');
  const batch = packBatch(values, COLUMNS.length);
  const p = packedSql(COLUMNS, withFits ? batch.fits : undefined);
  await db.run(`${p.withClause} INSERT INTO t (id, label, n) SELECT ${p.expressions.join(', ')} FROM ${p.from}`, batch.params);
  const rows = await db.all('SELECT id, label, n, typeof(n) AS type FROM t ORDER BY rowid');
  await db.close();
  return rows;
}

describe('packed rows', () => {
  it('round-trips ASCII rows, blanks as NULL in nullable columns, numbers by column affinity', async () => {
    expect(await unpack(['A1', 'short', '7', 'B22', '', '', 'C', 'a longer label', '10'])).toEqual([
      { id: 'A1', label: 'short', n: 7, type: 'integer' },
      { id: 'B22', label: null, n: null, type: 'null' },
      { id: 'C', label: 'a longer label', n: 10, type: 'integer' },
    ]);
  });

  it('pads by bytes when a value is not ASCII', async () => {
    expect(await unpack(['x', 'Chirurgie Générale £', '1', 'y', 'ab', '2', 'zé', '€', ''])).toEqual([
      { id: 'x', label: 'Chirurgie Générale £', n: 1, type: 'integer' },
      { id: 'y', label: 'ab', n: 2, type: 'integer' },
      { id: 'zé', label: '€', n: null, type: 'null' },
    ]);
  });

  it('tells how each column fits, and unpacks every fit exactly with the SQL made for it', async () => {
    const cases: [string[], string][] = [
      // id: all full width; label: full width or blank; n: varied widths, none blank.
      [['A1', 'abc', '7', 'B2', '', '10', 'C3', 'xyz', '3'], 'FBT'],
      // id: varied with a blank (kept as '' in a NOT NULL column); label: blanks only; n: varied with blanks.
      [['A1', '', '7', '', '', '', 'C33', '', '12'], 'VBV'],
      // Widths are in UTF-8 bytes: 'é1' is three, 'x2' two.
      [['é1', 'ü', '', 'x2', '', '1'], 'TBB'],
    ];
    for (const [values, fits] of cases) {
      expect(packBatch(values, 3).fits).toBe(fits);
      expect(await unpack(values, true)).toEqual(await unpack(values));
    }
    expect(await unpack(['A1', '', '7', '', '', '', 'C33', '', '12'], true)).toEqual([
      { id: 'A1', label: null, n: 7, type: 'integer' },
      { id: '', label: null, n: null, type: 'null' },
      { id: 'C33', label: null, n: 12, type: 'integer' },
    ]);
  });

  it('keeps a single row and refuses values it cannot round-trip', async () => {
    expect(await unpack(['only', 'one', '3'])).toEqual([{ id: 'only', label: 'one', n: 3, type: 'integer' }]);
    expect(() => packRows(['a', 'b ', '1'], 3)).toThrow('packed rows cannot keep a trailing space (column 1)');
    expect(() => packRows(['a', null, '1'], 3)).toThrow('packed rows take strings only, got object in column 1');
  });
});
