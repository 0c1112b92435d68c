import sqlite3 from 'sqlite3';

/** Result of a write statement. */
export interface RunResult {
  changes: number;
  lastID: number;
}

export type SqlValue = string | number | bigint | null | Buffer;
export type SqlParams = readonly SqlValue[] | Record<string, SqlValue>;

/** A promise-based view of one sqlite3 connection. */
export interface Db {
  readonly raw: sqlite3.Database;
  run(sql: string, params?: SqlParams): Promise<RunResult>;
  get<T>(sql: string, params?: SqlParams): Promise<T | undefined>;
  all<T>(sql: string, params?: SqlParams): Promise<T[]>;
  exec(sql: string): Promise<void>;
  prepare(sql: string): Promise<Statement>;
  close(): Promise<void>;
}

/** A prepared statement; finalize it when done. */
export interface Statement {
  run(params?: SqlParams): Promise<RunResult>;
  all<T>(params?: SqlParams): Promise<T[]>;
  finalize(): Promise<void>;
}

function wrapStatement(stmt: sqlite3.Statement): Statement {
  return {
    run: (params = []) =>
      new Promise((resolve, reject) => {
        stmt.run(params, function (this: sqlite3.RunResult, err: Error | null) {
          if (err) reject(err);
          else resolve({ changes: this.changes, lastID: this.lastID });
        });
      }),
    all: <T>(params: SqlParams = []) =>
      new Promise<T[]>((resolve, reject) => {
        stmt.all(params, (err: Error | null, rows: T[]) => (err ? reject(err) : resolve(rows)));
      }),
    finalize: () => new Promise<void>((resolve) => stmt.finalize(() => resolve())),
  };
}

/** Open (creating if needed) a SQLite file or ':memory:' and wrap it in promises. */
export function openDb(path: string, mode: 'create' | 'existing' = 'create'): Promise<Db> {
  const flags =
    mode === 'create'
      ? sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE | sqlite3.OPEN_FULLMUTEX
      : sqlite3.OPEN_READWRITE | sqlite3.OPEN_FULLMUTEX;
  return new Promise((resolve, reject) => {
    const raw = new sqlite3.Database(path, flags, (err) => {
      if (err) {
        reject(new Error(`cannot open workspace ${path}: ${err.message}`));
        return;
      }
      resolve({
        raw,
        run: (sql, params = []) =>
          new Promise((res, rej) => {
            raw.run(sql, params, function (this: sqlite3.RunResult, e: Error | null) {
              if (e) rej(e);
              else res({ changes: this.changes, lastID: this.lastID });
            });
          }),
        get: <T>(sql: string, params: SqlParams = []) =>
          new Promise<T | undefined>((res, rej) => {
            raw.get(sql, params, (e: Error | null, row: T | undefined) => (e ? rej(e) : res(row)));
          }),
        all: <T>(sql: string, params: SqlParams = []) =>
          new Promise<T[]>((res, rej) => {
            raw.all(sql, params, (e: Error | null, rows: T[]) => (e ? rej(e) : res(rows)));
          }),
        exec: (sql) => new Promise((res, rej) => raw.exec(sql, (e) => (e ? rej(e) : res()))),
        prepare: (sql) =>
          new Promise((res, rej) => {
            const stmt = raw.prepare(sql, (e) => (e ? rej(e) : res(wrapStatement(stmt))));
          }),
        close: () => new Promise((res, rej) => raw.close((e) => (e ? rej(e) : res()))),
      });
    });
  });
}

/** Run fn inside BEGIN IMMEDIATE ... COMMIT; any throw rolls everything back. */
export async function withTransaction<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  await db.exec('BEGIN IMMEDIATE');
  try {
    const result = await fn();
    await db.exec('COMMIT');
    return result;
  } catch (err) {
    await db.exec('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
