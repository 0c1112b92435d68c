import { storedFigures, type Db } from '../workspace/index.ts';
import { countFigures } from './count-figures.ts';
import type { DatasetProfile, MissingnessRow } from './types.ts';
import { suppress } from './suppress.ts';
import { IN_ROWID_RANGE, rowidRange } from './rowid-range.ts';

/**
 * Distinct patients and the first and last appointment dates (yyyy-mm-dd) of a
 * dataset: as its last import stored them when they still match its rows, else
 * counted afresh (rows written other than by an import).
 */
export async function patientsAndDates(
  db: Db,
  datasetId: number,
): Promise<{ patients: number; from: string | null; to: string | null }> {
  const f = (await storedFigures(db, datasetId)) ?? (await countFigures(db, datasetId));
  return { patients: f.patients, from: f.firstDay, to: f.lastDay };
}

// Keys and bookkeeping columns are not data an analyst can fill in.
const NOT_PROFILED = new Set(['dataset_id', 'import_id']);

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Rows with no value (NULL, or text that is empty after trimming) per stored column of
 * appointments, in schema order; read from the schema so later migrations are included.
 */
export async function missingness(db: Db, datasetId: number): Promise<MissingnessRow[]> {
  const columns = (await db.all<{ name: string }>('PRAGMA table_info(appointments)'))
    .map((c) => c.name)
    .filter((c) => !NOT_PROFILED.has(c));
  const sums = columns
    .map((c, i) => `sum(ifnull(trim(${quoteIdent(c)}), '') = '') AS m${i}`)
    .join(',\n');
  const range = await rowidRange(db, datasetId);
  const counts = range
    ? await db.get<Record<string, number | null>>(`SELECT count(*) AS n, ${sums} FROM appointments WHERE ${IN_ROWID_RANGE}`, [
        range.first,
        range.last,
        datasetId,
      ])
    : undefined;
  // The share uses this query's own row count, consistent even while an import adds rows.
  const rows = counts?.n ?? 0;
  return columns.map((column, i) => {
    const missing = counts?.[`m${i}`] ?? 0;
    const shown = suppress(missing);
    return { column, missing: shown, share: shown === '<10' ? null : rows === 0 ? 0 : missing / rows };
  });
}

/** The imports that fed a dataset, oldest first. */
export async function datasetImports(db: Db, datasetId: number): Promise<DatasetProfile['imports']> {
  return db.all(
    `SELECT file_name AS file, imported_at AS importedAt, rows_imported AS rowsImported, rows_rejected AS rowsRejected
     FROM imports WHERE dataset_id = ? ORDER BY imported_at, id`,
    [datasetId],
  );
}
