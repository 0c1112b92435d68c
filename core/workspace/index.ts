export { openDb, withTransaction } from './db.ts';
export type { Db, RunResult, SqlParams, SqlValue, Statement } from './db.ts';
export { MIGRATIONS, migrate } from './migrations.ts';
export type { Migration } from './migrations.ts';
export { openWorkspace, getMeta, pseudonymKey } from './workspace.ts';
export type { Workspace } from './workspace.ts';
