import { storedFigures, type AppointmentExtent, type Db, type SqlValue } from '../workspace/index.ts';
import { packedSql } from './packed-rows.ts';

/**
 * Make a dataset's rows in dataset_patients right before an import adds to them:
 * none for a dataset without appointments; rebuilt from the appointments when the
 * stored summary no longer matches them (rows written other than by an import).
 */
export async function preparePatientList(db: Db, datasetId: number, before: AppointmentExtent): Promise<void> {
  if (before.rows > 0 && (await storedFigures(db, datasetId, before))) return;
  await db.run('DELETE FROM dataset_patients WHERE dataset_id = ?', [datasetId]);
  if (before.rows === 0) return;
  await db.run(
    `INSERT INTO dataset_patients (dataset_id, patient_key)
     SELECT DISTINCT dataset_id, patient_key FROM appointments WHERE dataset_id = ?`,
    [datasetId],
  );
}

/**
 * Add patient keys (runs packed as one column, see packed-rows.ts, best in key
 * order) to a dataset's list; keys already listed (from earlier imports) are left alone.
 */
export async function addPatients(db: Db, datasetId: number, runs: readonly { params: SqlValue[]; fits: string }[]): Promise<void> {
  for (const run of runs) {
    const packed = packedSql([{ name: 'patient_key', nullable: false }], run.fits);
    await db.run(
      `${packed.withClause} INSERT INTO dataset_patients (dataset_id, patient_key) ` +
        `SELECT ${datasetId}, ${packed.expressions[0]} FROM ${packed.from} WHERE true ` +
        'ON CONFLICT (dataset_id, patient_key) DO NOTHING',
      run.params,
    );
  }
}

/**
 * Note, for the rest of the transaction, the patient key each upsert replaces by
 * another: its patient may have no appointment left. Returns the clean-up to run
 * once the import ends, committed or not. A TEMP trigger, so it exists only on
 * this connection and never in the workspace file.
 */
export async function watchMovedPatients(db: Db): Promise<() => Promise<void>> {
  await db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS attend_moved_patients (dataset_id INTEGER NOT NULL, patient_key TEXT NOT NULL);
    DELETE FROM temp.attend_moved_patients;
    CREATE TEMP TRIGGER IF NOT EXISTS attend_patient_moved AFTER UPDATE OF patient_key ON main.appointments
      WHEN old.patient_key IS NOT new.patient_key
      BEGIN INSERT INTO attend_moved_patients (dataset_id, patient_key) VALUES (old.dataset_id, old.patient_key); END;`);
  return async () => {
    await db.exec('DROP TRIGGER IF EXISTS temp.attend_patient_moved; DROP TABLE IF EXISTS temp.attend_moved_patients').catch(() => undefined);
  };
}

/**
 * Take off the dataset's list the patients whose appointments all moved to other
 * patient keys during this import (an appointment id re-sent for another patient).
 * Rare, so the one scan of the dataset's rows it takes is spent only then.
 */
export async function settleMovedPatients(db: Db, datasetId: number, extent: AppointmentExtent): Promise<void> {
  const moved = await db.get<{ n: number }>('SELECT count(*) AS n FROM temp.attend_moved_patients WHERE dataset_id = ?', [datasetId]);
  if (!moved?.n || extent.firstRowid === null) return;
  await db.run(
    `DELETE FROM dataset_patients WHERE dataset_id = ?1
       AND patient_key IN (SELECT patient_key FROM temp.attend_moved_patients WHERE dataset_id = ?1)
       AND patient_key NOT IN (
         SELECT patient_key FROM appointments
         WHERE rowid BETWEEN ?2 AND ?3 AND +dataset_id = ?1
           AND patient_key IN (SELECT patient_key FROM temp.attend_moved_patients WHERE dataset_id = ?1))`,
    [datasetId, extent.firstRowid, extent.lastRowid],
  );
  await db.run('DELETE FROM temp.attend_moved_patients WHERE dataset_id = ?', [datasetId]);
}
