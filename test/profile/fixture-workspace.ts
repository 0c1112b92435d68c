import { readFileSync } from 'node:fs';
import type { Db } from '../../core/workspace/index.ts';

/** A group of identical appointments in a fixture file. */
export interface FixtureBlock {
  import: number;
  n: number;
  specialty: string | null;
  outcome: string;
  at: string;
  age: number | null;
  imd: number | null;
  ethnic: string | null;
}

/** A fixture file: the imports of a dataset and its appointments as blocks. */
export interface Fixture {
  imports: { file: string; importedAt: string; rowsImported: number; rowsRejected: number }[];
  blocks: FixtureBlock[];
}

/** Read a fixture file from test/profile/fixtures. */
export function readFixture(name: string): Fixture {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as Fixture;
}

/** Insert a dataset row and return its id. */
export async function insertDataset(db: Db, name: string, updatedAt = '2024-04-02T09:30:00.000Z'): Promise<number> {
  return (await db.run('INSERT INTO datasets (name, created_at, updated_at) VALUES (?, ?, ?)', [name, updatedAt, updatedAt]))
    .lastID;
}

/** Insert an imports row for a dataset and return its id. */
export async function insertImport(db: Db, datasetId: number, imp: Fixture['imports'][number]): Promise<number> {
  const r = await db.run(
    `INSERT INTO imports (dataset_id, file_name, file_sha256, file_bytes, encoding, delimiter, mapping_json, imported_at,
       rows_read, rows_imported, rows_updated, rows_rejected, issue_count)
     VALUES (?, ?, 'sha', 1000, 'utf-8', ',', '{}', ?, ?, ?, 0, ?, ?)`,
    [datasetId, imp.file, imp.importedAt, imp.rowsImported + imp.rowsRejected, imp.rowsImported, imp.rowsRejected, imp.rowsRejected],
  );
  return r.lastID;
}

/**
 * Insert a fixture as dataset `name`. Patients cycle through `patients` keys, so the
 * dataset has min(patients, rows) distinct patients.
 */
export async function insertFixture(db: Db, name: string, fixture: Fixture, patients: number): Promise<number> {
  const datasetId = await insertDataset(db, name);
  const importIds: number[] = [];
  for (const imp of fixture.imports) importIds.push(await insertImport(db, datasetId, imp));
  let row = 0;
  for (const b of fixture.blocks) {
    for (let k = 0; k < b.n; k++, row++) {
      await db.run(
        `INSERT INTO appointments (dataset_id, appointment_id, patient_key, age_years, sex, ethnic_category, imd_decile,
           specialty, appointment_at, outcome, import_id)
         VALUES (?, ?, ?, ?, 'F', ?, ?, ?, ?, ?, ?)`,
        [datasetId, `${name}-${row}`, `p${row % patients}`, b.age, b.ethnic, b.imd, b.specialty, b.at, b.outcome, importIds[b.import]],
      );
    }
  }
  return datasetId;
}
