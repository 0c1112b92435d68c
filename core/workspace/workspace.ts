import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { openDb, type Db } from './db.ts';
import { migrate } from './migrations.ts';

/** An open workspace: one SQLite file holding datasets, runs and the pseudonym key. */
export interface Workspace {
  readonly path: string;
  readonly db: Db;
  readonly schemaVersion: number;
  close(): Promise<void>;
}

/** Open a workspace file and migrate it; `mustExist` refuses to create a new one (a mistyped path). */
export async function openWorkspace(path: string, opts: { mustExist?: boolean } = {}): Promise<Workspace> {
  if (opts.mustExist && path !== ':memory:' && !existsSync(path)) {
    throw new Error(`no workspace at ${path} (import an extract into it first)`);
  }
  const db = await openDb(path, 'create');
  try {
    // WAL keeps readers working during an import; a single file plus its -wal
    // sidecar until checkpoint, which close() performs so the analyst can copy one file.
    await db.exec('PRAGMA journal_mode = WAL');
    await db.exec('PRAGMA synchronous = NORMAL');
    await db.exec('PRAGMA foreign_keys = ON');
    await db.exec('PRAGMA busy_timeout = 5000');
    const head = await db.get<{ n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE type='table'");
    const version = (await db.get<{ user_version: number }>('PRAGMA user_version'))?.user_version ?? 0;
    if (version === 0 && (head?.n ?? 0) > 0) {
      throw new Error(`${path} is a SQLite file but not an Attend workspace`);
    }
    const schemaVersion = await migrate(db);
    return {
      path,
      db,
      schemaVersion,
      close: async () => {
        await db.exec('PRAGMA wal_checkpoint(TRUNCATE)').catch(() => undefined);
        await db.close();
      },
    };
  } catch (err) {
    await db.close().catch(() => undefined);
    if (err instanceof Error && /file is not a database/i.test(err.message)) {
      throw new Error(`${path} is not a SQLite workspace file`);
    }
    throw err;
  }
}

/** Read a value from the workspace's meta table. */
export async function getMeta(db: Db, key: string): Promise<string | undefined> {
  return (await db.get<{ value: string }>('SELECT value FROM meta WHERE key = ?', [key]))?.value;
}

/**
 * The secret key for pseudonymising patient identifiers. Created on first use and
 * kept only in this workspace, so hashes cannot be reversed or linked elsewhere.
 */
export async function pseudonymKey(db: Db): Promise<Buffer> {
  const existing = await getMeta(db, 'pseudonym_key');
  if (existing) return Buffer.from(existing, 'hex');
  const key = randomBytes(32);
  await db.run('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)', ['pseudonym_key', key.toString('hex')]);
  return Buffer.from((await getMeta(db, 'pseudonym_key')) as string, 'hex');
}
