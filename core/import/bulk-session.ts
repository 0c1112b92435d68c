import type { Db } from '../workspace/index.ts';

/** Page cache while importing (KiB): the primary key index takes the ids in file order, which may be random. */
const IMPORT_CACHE_KIB = 256 * 1024;

/**
 * Connection settings for one import, set before its transaction (SQLite ignores a
 * foreign_keys change inside one) and put back after it by the returned function.
 *
 * - A large page cache.
 * - No per-row constraint checks: the foreign keys name the dataset and import
 *   rows the same transaction wrote, and the outcome CHECK (coded per row with a
 *   temporary table of its six values) is checked instead by one pass over the
 *   import's rows before COMMIT (import-summary.ts). Together they were a third of
 *   SQLite's time per row.
 * - No automatic checkpoint at COMMIT: it would copy the whole import from the WAL
 *   into the database file at once, writing every page twice before the import
 *   returns. The committed rows are in the WAL, as safe as the workspace's
 *   synchronous=NORMAL makes any commit; the copy happens at the next checkpoint
 *   (the next write past the WAL limit, or closing the workspace).
 */
export async function beginBulkSession(db: Db): Promise<() => Promise<void>> {
  const cache = (await db.get<{ cache_size: number }>('PRAGMA cache_size'))?.cache_size ?? -2000;
  const foreignKeys = (await db.get<{ foreign_keys: number }>('PRAGMA foreign_keys'))?.foreign_keys ?? 1;
  const checks = (await db.get<{ ignore_check_constraints: number }>('PRAGMA ignore_check_constraints'))?.ignore_check_constraints ?? 0;
  const checkpoint = (await db.get<{ wal_autocheckpoint: number }>('PRAGMA wal_autocheckpoint'))?.wal_autocheckpoint ?? 1000;
  await db.exec(
    `PRAGMA cache_size = -${IMPORT_CACHE_KIB}; PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON; PRAGMA wal_autocheckpoint = 0`,
  );
  return async () => {
    await db
      .exec(
        `PRAGMA cache_size = ${cache}; PRAGMA foreign_keys = ${foreignKeys}; PRAGMA ignore_check_constraints = ${checks}; ` +
          `PRAGMA wal_autocheckpoint = ${checkpoint}`,
      )
      .catch(() => undefined);
  };
}
