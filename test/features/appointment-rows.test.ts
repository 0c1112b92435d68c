import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoExtract } from '../../core/demo/index.ts';
import { appointmentTableFromRows, AppointmentRows } from '../../core/features/appointment-rows.ts';
import { CATEGORY_COLUMNS, loadAppointmentTable, type AppointmentTable } from '../../core/features/index.ts';
import { headerOf } from '../../core/import/header.ts';
import { importExtract } from '../../core/import/index.ts';
import { detectMapping } from '../../core/import/mapping.ts';
import { Pseudonymiser } from '../../core/import/pseudonym.ts';
import { streamRecords, takeDataRecords } from '../../core/import/record-stream.ts';
import { APPOINTMENT_COLUMNS, makeRowConverter } from '../../core/import/row-converter.ts';
import { readHead } from '../../core/import/sniff.ts';
import { findDataset } from '../../core/profile/dataset-lookup.ts';
import { openWorkspace, pseudonymKey, type SqlValue, type Workspace } from '../../core/workspace/index.ts';

/** The converted rows of a file, as the import's row converter makes them with `key`. */
async function convertedRows(file: string, key: Buffer): Promise<SqlValue[]> {
  const head = await readHead(file);
  const headers = headerOf(file, head);
  const convert = makeRowConverter(headers, detectMapping(headers), {}, new Pseudonymiser(key), { add: () => undefined });
  const values: SqlValue[] = [];
  const counts = { read: 0, rejected: 0 };
  await streamRecords(file, {
    encoding: head.encoding,
    strictUtf8: false,
    delimiter: head.delimiter,
    onChunk: (chunk) => takeDataRecords(chunk, counts, { add: () => undefined }, (fields, row) => convert(fields, row, values)),
  });
  return values;
}

/** Import a file into a fresh workspace and load its table back; also the workspace's pseudonym key. */
async function importedTable(dir: string, file: string): Promise<{ table: AppointmentTable; key: Buffer; ws: Workspace }> {
  const ws = await openWorkspace(join(dir, `${Math.random().toString(36).slice(2)}.sqlite`));
  // The hand-made file rejects more rows than an import allows by default.
  await importExtract(ws, file, { dataset: 'd', mapping: { maxRejectedShare: 0.5 } });
  const { id } = await findDataset(ws.db, 'd');
  return { table: await loadAppointmentTable(ws.db, id, CATEGORY_COLUMNS), key: await pseudonymKey(ws.db), ws };
}

/** Everything about one appointment except its patient code, by id. */
function byId(t: AppointmentTable): Map<string, unknown[]> {
  return new Map(
    t.ids.map((id, i) => [
      id,
      [t.minute[i], t.bookedDay[i], t.age[i], t.imd[i], t.outcome[i], ...CATEGORY_COLUMNS.map((c) => {
        const col = t.text[c];
        return col && col.codes[i] >= 0 ? col.labels[col.codes[i]] : null;
      })],
    ]),
  );
}

/** Rows grouped by patient, as sets of appointment ids: equal whatever the pseudonym key. */
function patientGroups(t: AppointmentTable): string[] {
  const groups = new Map<number, string[]>();
  t.ids.forEach((id, i) => groups.set(t.patient[i], [...(groups.get(t.patient[i]) ?? []), id]));
  return [...groups.values()].map((ids) => ids.sort().join(' ')).sort();
}

describe('appointment table from converted rows', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'attend-appointment-rows-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('equals the table loaded from a workspace after importing the demo extract', async () => {
    const file = join(dir, 'demo.csv');
    await writeDemoExtract({ out: file, rows: 6_000, seed: 23 });
    const { table, key, ws } = await importedTable(dir, file);
    try {
      const values = await convertedRows(file, key);
      const rowsRead = values.length / APPOINTMENT_COLUMNS.length;
      // The demo writes some rows twice: both were converted, the table keeps one.
      expect(rowsRead).toBeGreaterThan(table.length);
      expect(table.length).toBeGreaterThan(5_900);
      // Same key, same rows: the very same table, storage order, patient codes and label numbering included.
      expect(appointmentTableFromRows(values, CATEGORY_COLUMNS)).toEqual(table);

      // Another key (as the scorer uses): per appointment the same values, and the same patients.
      const other = appointmentTableFromRows(await convertedRows(file, randomBytes(32)), CATEGORY_COLUMNS);
      expect(other.ids).toEqual(table.ids);
      expect(byId(other)).toEqual(byId(table));
      expect(patientGroups(other)).toEqual(patientGroups(table));
      expect(other.patientKeys).not.toEqual(table.patientKeys);
    } finally {
      await ws.close();
    }
  });

  it('keeps a repeated id at its first position with the later values, and labels as the workspace reads them', async () => {
    const file = join(dir, 'hand.csv');
    writeFileSync(
      file,
      [
        'Appointment ID,Local Patient Number,Date of Birth,IMD Decile,Clinic Code,Specialty,Appointment Date,Booked Date,Attended or Did Not Attend',
        'A1,P1,01/01/1980,3,CLIN1,Cardiology,04/03/2024 09:30,01/02/2024,5',
        'A2,P2,01/01/1990,11,"  odd\x1fclinic ",Cardiology,05/03/2024 10:00,,3',
        'A3,P2,,,CLIN2,Dermatology,06/03/2024,01/03/2024,0',
        'A1,P3,01/06/1950,10,CLIN9,Neurology,07/03/2024 11:15,08/03/2024,2',
        'A4,,,,CLIN1,Cardiology,08/03/2024,,5',
        'A5,P2,,7,CLIN1,Z-specialty,31/02/2024,,5',
        'A6,P4,01/01/2000,x,CLIN2,cardiology,09/03/2024 08:00,02/03/2024,7',
      ].join('\r\n'),
    );
    const { table, key, ws } = await importedTable(dir, file);
    try {
      const values = await convertedRows(file, key);
      expect(values.length / APPOINTMENT_COLUMNS.length).toBe(5); // A4 (no patient) and A5 (no such date) rejected
      const fromRows = appointmentTableFromRows(values, CATEGORY_COLUMNS);
      expect(fromRows).toEqual(table);
      expect(fromRows.ids).toEqual(['A1', 'A2', 'A3', 'A6']);
      // A1 keeps its first place but takes the later row's values (patient P3, clinic CLIN9, patient cancelled);
      // what only the replaced row held (patient P1, clinic CLIN1) is gone.
      expect(fromRows.text.clinic_code?.labels).toEqual(['CLIN2', 'CLIN9', 'odd clinic']);
      expect(fromRows.text.clinic_code?.codes).toEqual(Int32Array.from([1, 2, 0, 0]));
      expect(fromRows.text.specialty?.labels).toEqual(['Cardiology', 'Dermatology', 'Neurology', 'cardiology']);
      expect(Array.from(fromRows.outcome)).toEqual([2, 1, 4, 1]);
      expect(Array.from(fromRows.age)).toEqual([73, 34, -1, 24]);
      expect(Array.from(fromRows.imd)).toEqual([10, 0, 0, 0]);
      // 2024-03-07T11:15 and 2024-03-06T00:00 as minutes; booked days 19790 (2024-03-08 is after A1's date, so blank) etc.
      expect([fromRows.minute[0], fromRows.minute[2]]).toEqual([19789 * 1440 + 675, 19788 * 1440]);
      expect(Array.from(fromRows.bookedDay)).toEqual([-2147483648, -2147483648, 19783, 19784]);
      expect(fromRows.patientKeys.length).toBe(3);
      expect(fromRows.patient[1]).toBe(fromRows.patient[2]);
    } finally {
      await ws.close();
    }
  });

  it('reports rows it cannot hold', () => {
    const rows = new AppointmentRows(['sex']);
    expect(() => appointmentTableFromRows(['A1'], ['sex'])).toThrow('converted rows come 18 values each; 1 values is not a whole number of rows');
    const row: string[] = APPOINTMENT_COLUMNS.map((c) => (c === 'appointment_id' ? 'A1' : c === 'patient_key' ? 'k' : c === 'appointment_at' ? '2024-13-01T10:00' : c === 'outcome' ? 'dna' : ''));
    expect(() => rows.add(row)).toThrow('appointment A1: column appointment_at is not a valid date-time');
    row[APPOINTMENT_COLUMNS.indexOf('appointment_at')] = '2024-12-01T10:00';
    row[APPOINTMENT_COLUMNS.indexOf('outcome')] = 'maybe';
    expect(() => rows.add(row)).toThrow('appointment A1: column outcome holds an unknown value');
    row[APPOINTMENT_COLUMNS.indexOf('outcome')] = 'dna';
    expect(rows.add(row)).toBe(0);
    expect(rows.add(row)).toBe(0);
    expect(rows.length).toBe(1);
    expect(rows.table().minute[0]).toBe(20058 * 1440 + 600);
  });
});
