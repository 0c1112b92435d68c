export { openDb, withTransaction } from './db.ts';
export type { Db, RunResult, SqlParams, SqlValue, Statement } from './db.ts';
export { MIGRATIONS, migrate } from './migrations.ts';
export type { Migration } from './migrations.ts';
export { openWorkspace, getMeta, pseudonymKey } from './workspace.ts';
export type { Workspace } from './workspace.ts';
export { appointmentExtent, storedFigures, storeFigures, WELL_FORMED_DATE } from './dataset-summaries.ts';
export type { AppointmentExtent, DatasetFigures } from './dataset-summaries.ts';
