import type { Db } from '../workspace/index.ts';

/** Imports estimated at more rows than this (and than the table holds) rebuild the secondary indexes. */
const BULK_MIN_ROWS = 100_000;
/** Rough bytes per extract row, to estimate rows from the file size. */
const BYTES_PER_ROW = 120;

/**
 * For a bulk import into a small table, drop the secondary indexes of
 * `appointments` (random-order inserts into an index cost more than the rows
 * themselves) and return the statements that recreate them exactly as the schema
 * defines them; run those before COMMIT. Inside the import's transaction, so a
 * failure or a killed process leaves the indexes as they were. Since schema v5
 * the table has none (patients are listed in dataset_patients): this keeps any
 * later index from slowing bulk imports.
 */
export async function suspendIndexes(db: Db, fileBytes: number): Promise<string[]> {
  const estimated = fileBytes / BYTES_PER_ROW;
  if (estimated < BULK_MIN_ROWS) return [];
  const existing = (await db.get<{ n: number }>('SELECT count(*) AS n FROM appointments'))?.n ?? 0;
  if (estimated < existing) return [];
  const indexes = await db.all<{ name: string; sql: string }>(
    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'appointments' AND sql IS NOT NULL",
  );
  for (const index of indexes) await db.exec(`DROP INDEX "${index.name.replaceAll('"', '""')}"`);
  return indexes.map((i) => i.sql);
}
