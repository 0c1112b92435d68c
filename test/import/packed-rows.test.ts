import { describe, expect, it } from 'vitest';
import { packedSql, packRows } from '../../core/import/packed-rows.ts';
import { openDb } from '../../core/workspace/index.ts';

const COLUMNS = [
  { name: 'id', nullable: false },
  { name: 'label', nullable: true },
  { name: 'n', nullable: true },
];

async function unpack(values: string[]): Promise<unknown[]> {
  const db = await openDb(':memory:');
  await db.exec('CREATE TABLE t (id TEXT NOT NULL, label TEXT, n INTEGER)');
  const p = packedSql(COLUMNS);
  await db.run(`${p.withClause} INSERT INTO t (id, label, n) SELECT ${p.expressions.join(', ')} FROM ${p.from}`, packRows(values, COLUMNS.length));
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

  it('keeps a single row and refuses values it cannot round-trip', async () => {
    expect(await unpack(['only', 'one', '3'])).toEqual([{ id: 'only', label: 'one', n: 3, type: 'integer' }]);
    expect(() => packRows(['a', 'b ', '1'], 3)).toThrow('packed rows cannot keep a trailing space (column 1)');
    expect(() => packRows(['a', null, '1'], 3)).toThrow('packed rows take strings only, got object in column 1');
  });
});
