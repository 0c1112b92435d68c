import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, openDb, openWorkspace, pseudonymKey, withTransaction } from '../../core/workspace/index.ts';

const tempFile = (name: string) => join(mkdtempSync(join(tmpdir(), 'attend-ws-')), name);

describe('openWorkspace', () => {
  it('creates the schema at the newest version in WAL mode', async () => {
    const ws = await openWorkspace(tempFile('w.sqlite'));
    expect(ws.schemaVersion).toBe(MIGRATIONS[MIGRATIONS.length - 1].version);
    expect((await ws.db.get<{ journal_mode: string }>('PRAGMA journal_mode'))?.journal_mode).toBe('wal');
    const tables = await ws.db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name");
    expect(tables.map((t) => t.name)).toEqual([
      'appointments',
      'dataset_patients',
      'dataset_summaries',
      'datasets',
      'import_issues',
      'imports',
      'meta',
      'runs',
    ]);
    await ws.close();
  });

  it('reopens an existing workspace without re-running migrations', async () => {
    const path = tempFile('w.sqlite');
    const a = await openWorkspace(path);
    await a.db.run("INSERT INTO datasets (name, created_at, updated_at) VALUES ('x', 'now', 'now')");
    await a.close();
    const b = await openWorkspace(path);
    expect(await b.db.all('SELECT name FROM datasets')).toEqual([{ name: 'x' }]);
    await b.close();
  });

  it('upgrades a version 1 workspace in place, keeping its data', async () => {
    const path = tempFile('v1.sqlite');
    const db = await openDb(path);
    await db.exec(MIGRATIONS[0].sql);
    await db.exec('PRAGMA user_version = 1');
    await db.run("INSERT INTO datasets (name, created_at, updated_at) VALUES ('old', 'n', 'n')");
    await db.close();
    const ws = await openWorkspace(path);
    expect(ws.schemaVersion).toBe(MIGRATIONS[MIGRATIONS.length - 1].version);
    expect(await ws.db.all('SELECT name FROM datasets')).toEqual([{ name: 'old' }]);
    expect(await ws.db.all('SELECT count(*) AS n FROM runs')).toEqual([{ n: 0 }]);
    await ws.close();
  });

  it('upgrades a version 4 workspace to stored dataset figures and patient lists, dropping the patient index', async () => {
    const path = tempFile('v4.sqlite');
    const db = await openDb(path);
    for (const m of MIGRATIONS.filter((m) => m.version <= 4)) await db.exec(m.sql);
    await db.exec('PRAGMA user_version = 4');
    await db.exec(`
      INSERT INTO datasets (name, created_at, updated_at) VALUES ('a', 'n', 'n'), ('b', 'n', 'n'), ('empty', 'n', 'n');
      INSERT INTO imports (dataset_id, file_name, file_sha256, file_bytes, encoding, delimiter, mapping_json, imported_at,
        rows_read, rows_imported, rows_updated, rows_rejected, issue_count)
      VALUES (1, 'a.csv', '', 0, 'utf-8', ',', '{}', 'n', 4, 4, 0, 0, 0), (2, 'b.csv', '', 0, 'utf-8', ',', '{}', 'n', 1, 1, 0, 0, 0);
      INSERT INTO appointments (dataset_id, appointment_id, patient_key, appointment_at, outcome, import_id) VALUES
        (1, 'A1', 'p1', '2024-01-05T09:00', 'dna', 1),
        (1, 'A2', 'p1', '2024-03-01T10:00', 'attended', 1),
        (1, 'A3', 'p2', 'not a date', 'upcoming', 1),
        (1, 'A4', 'p3', '2023-12-31T08:00', 'attended', 1),
        (2, 'B1', 'p1', '2024-02-02T11:00', 'patient_cancelled', 2);`);
    await db.close();

    const ws = await openWorkspace(path);
    expect(ws.schemaVersion).toBe(MIGRATIONS[MIGRATIONS.length - 1].version);
    expect(await ws.db.all('SELECT * FROM dataset_summaries ORDER BY dataset_id')).toEqual([
      { dataset_id: 1, rows: 4, last_rowid: 4, patients: 3, dna: 1, with_outcome: 3, first_day: '2023-12-31', last_day: '2024-03-01' },
      { dataset_id: 2, rows: 1, last_rowid: 5, patients: 1, dna: 0, with_outcome: 0, first_day: '2024-02-02', last_day: '2024-02-02' },
    ]);
    expect(await ws.db.all('SELECT * FROM dataset_patients ORDER BY dataset_id, patient_key')).toEqual([
      { dataset_id: 1, patient_key: 'p1' },
      { dataset_id: 1, patient_key: 'p2' },
      { dataset_id: 1, patient_key: 'p3' },
      { dataset_id: 2, patient_key: 'p1' },
    ]);
    expect(await ws.db.all("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'appointments'")).toEqual([
      { name: 'sqlite_autoindex_appointments_1' },
    ]);
    await ws.close();
  });

  it('refuses a workspace from a newer version of the app', async () => {
    const path = tempFile('w.sqlite');
    const a = await openWorkspace(path);
    await a.db.exec('PRAGMA user_version = 999');
    await a.close();
    await expect(openWorkspace(path)).rejects.toThrow(/schema version 999 is newer/);
  });

  it('refuses a SQLite file that is not a workspace, and a file that is not SQLite', async () => {
    const other = tempFile('other.sqlite');
    const db = await openDb(other);
    await db.exec('CREATE TABLE t (x)');
    await db.close();
    await expect(openWorkspace(other)).rejects.toThrow(/not an Attend workspace/);
    const text = tempFile('notes.txt');
    writeFileSync(text, 'this is a text file, not a database, and it is long enough to have a header page');
    await expect(openWorkspace(text)).rejects.toThrow(/not a SQLite workspace file/);
  });

  it('keeps one pseudonym key per workspace', async () => {
    const ws = await openWorkspace(':memory:');
    const k1 = await pseudonymKey(ws.db);
    const k2 = await pseudonymKey(ws.db);
    expect(k1.length).toBe(32);
    expect(k2.equals(k1)).toBe(true);
    const other = await openWorkspace(':memory:');
    expect((await pseudonymKey(other.db)).equals(k1)).toBe(false);
    await ws.close();
    await other.close();
  });
});

describe('withTransaction', () => {
  it('rolls back every statement when the body throws', async () => {
    const ws = await openWorkspace(':memory:');
    await expect(
      withTransaction(ws.db, async () => {
        await ws.db.run("INSERT INTO datasets (name, created_at, updated_at) VALUES ('a', 'n', 'n')");
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await ws.db.all('SELECT * FROM datasets')).toEqual([]);
    await withTransaction(ws.db, () => ws.db.run("INSERT INTO datasets (name, created_at, updated_at) VALUES ('b', 'n', 'n')"));
    expect(await ws.db.all('SELECT name FROM datasets')).toEqual([{ name: 'b' }]);
    await ws.close();
  });
});
