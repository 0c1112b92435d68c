import type { Db } from './db.ts';

/** One schema step; `version` is stored in PRAGMA user_version once applied. */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

/**
 * The workspace schema, oldest first. Never edit a released step: add a new one,
 * because analysts' workspace files carry the old versions.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'datasets, imports, appointments, import issues',
    sql: `
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE datasets (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE imports (
  id            INTEGER PRIMARY KEY,
  dataset_id    INTEGER NOT NULL REFERENCES datasets(id),
  file_name     TEXT NOT NULL,
  file_sha256   TEXT NOT NULL,
  file_bytes    INTEGER NOT NULL,
  encoding      TEXT NOT NULL,
  delimiter     TEXT NOT NULL,
  mapping_json  TEXT NOT NULL,
  imported_at   TEXT NOT NULL,
  rows_read     INTEGER NOT NULL,
  rows_imported INTEGER NOT NULL,
  rows_updated  INTEGER NOT NULL,
  rows_rejected INTEGER NOT NULL,
  issue_count   INTEGER NOT NULL
);

-- One row per appointment. Identifiers are keyed hashes (see meta.pseudonym_key);
-- date of birth is reduced to age at the appointment and never stored.
CREATE TABLE appointments (
  dataset_id              INTEGER NOT NULL REFERENCES datasets(id),
  appointment_id          TEXT NOT NULL,
  patient_key             TEXT NOT NULL,
  nhs_number_key          TEXT,
  age_years               INTEGER,
  sex                     TEXT,
  ethnic_category         TEXT,
  imd_decile              INTEGER,
  lsoa                    TEXT,
  treatment_function_code TEXT,
  specialty               TEXT,
  clinic_code             TEXT,
  appointment_at          TEXT NOT NULL,
  booked_on               TEXT,
  first_attendance        TEXT,
  medium                  TEXT,
  priority                TEXT,
  attendance_code         TEXT,
  outcome                 TEXT NOT NULL CHECK (outcome IN
    ('attended','dna','patient_cancelled','hospital_cancelled','upcoming','unknown')),
  import_id               INTEGER NOT NULL REFERENCES imports(id),
  PRIMARY KEY (dataset_id, appointment_id)
);
CREATE INDEX appointments_by_patient ON appointments(dataset_id, patient_key, appointment_at);
CREATE INDEX appointments_by_date ON appointments(dataset_id, appointment_at);

CREATE TABLE import_issues (
  import_id INTEGER NOT NULL REFERENCES imports(id),
  row       INTEGER,
  column    TEXT,
  severity  TEXT NOT NULL CHECK (severity IN ('error','warning')),
  message   TEXT NOT NULL
);
CREATE INDEX import_issues_by_import ON import_issues(import_id);
`,
  },
  {
    version: 2,
    description: 'experiment journal: runs with model, pipeline, split and metrics',
    sql: `
-- Every training run, never overwritten: what was trained on what, how, and how well.
CREATE TABLE runs (
  id                  TEXT PRIMARY KEY,
  dataset_id          INTEGER NOT NULL REFERENCES datasets(id),
  created_at          TEXT NOT NULL,
  kind                TEXT NOT NULL,
  parent_run_id       TEXT REFERENCES runs(id),
  params_json         TEXT NOT NULL,
  feature_spec_json   TEXT NOT NULL,
  feature_spec_hash   TEXT NOT NULL,
  pipeline_json       TEXT NOT NULL,
  split_json          TEXT NOT NULL,
  dataset_fingerprint TEXT NOT NULL,
  engine_version      TEXT NOT NULL,
  app_version         TEXT NOT NULL,
  seconds             REAL NOT NULL,
  trees               INTEGER,
  metrics_json        TEXT NOT NULL,
  model               BLOB,
  note                TEXT NOT NULL DEFAULT '',
  archived            INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX runs_by_dataset ON runs(dataset_id, created_at);
`,
  },
  {
    version: 3,
    description: 'drop the appointment date index: no query needs it and every import rebuilt it',
    sql: `DROP INDEX IF EXISTS appointments_by_date;`,
  },
  {
    version: 4,
    description: 'recalibration stored with each run',
    sql: `ALTER TABLE runs ADD COLUMN calibration_json TEXT;`,
  },
  {
    version: 5,
    description: 'per-dataset summaries and patient lists kept by the import, replacing the patient index',
    sql: `
-- The distinct patients of each dataset: the import adds the new ones of each file
-- (a few per hundred rows) instead of keeping an index over every appointment.
CREATE TABLE dataset_patients (
  dataset_id  INTEGER NOT NULL REFERENCES datasets(id),
  patient_key TEXT NOT NULL,
  PRIMARY KEY (dataset_id, patient_key)
) WITHOUT ROWID;
INSERT INTO dataset_patients (dataset_id, patient_key)
  SELECT DISTINCT dataset_id, patient_key FROM appointments;

-- Figures of each dataset as its last import left it. rows and last_rowid tell a
-- reader whether appointments changed since (only the import keeps this table).
CREATE TABLE dataset_summaries (
  dataset_id   INTEGER PRIMARY KEY REFERENCES datasets(id),
  rows         INTEGER NOT NULL,
  last_rowid   INTEGER,
  patients     INTEGER NOT NULL,
  dna          INTEGER NOT NULL,
  with_outcome INTEGER NOT NULL,
  first_day    TEXT,
  last_day     TEXT
);
INSERT INTO dataset_summaries (dataset_id, rows, last_rowid, patients, dna, with_outcome, first_day, last_day)
  SELECT a.dataset_id, count(*), max(a.rowid),
         (SELECT count(*) FROM dataset_patients p WHERE p.dataset_id = a.dataset_id),
         sum(a.outcome = 'dna'), sum(a.outcome IN ('dna', 'attended')),
         substr(min(CASE WHEN a.appointment_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]*' THEN a.appointment_at END), 1, 10),
         substr(max(CASE WHEN a.appointment_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]*' THEN a.appointment_at END), 1, 10)
  FROM appointments a GROUP BY a.dataset_id;

-- Rebuilding this index was a third of a bulk import; patient counts now come from dataset_patients.
DROP INDEX IF EXISTS appointments_by_patient;
`,
  },
];

/** Bring the schema up to the newest version, each step in its own transaction. */
export async function migrate(db: Db): Promise<number> {
  const row = await db.get<{ user_version: number }>('PRAGMA user_version');
  let current = row?.user_version ?? 0;
  const newest = MIGRATIONS[MIGRATIONS.length - 1].version;
  if (current > newest) {
    throw new Error(
      `workspace schema version ${current} is newer than this app understands (${newest}); update Attend`,
    );
  }
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    await db.exec('BEGIN IMMEDIATE');
    try {
      await db.exec(m.sql);
      await db.exec(`PRAGMA user_version = ${m.version}`);
      await db.exec('COMMIT');
    } catch (err) {
      await db.exec('ROLLBACK').catch(() => undefined);
      throw new Error(`workspace migration ${m.version} (${m.description}) failed: ${(err as Error).message}`);
    }
    current = m.version;
  }
  return current;
}
