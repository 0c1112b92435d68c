import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { importExtract, type ImportReport, type MappingFile } from '../../core/import/index.ts';
import { openWorkspace, type Workspace } from '../../core/workspace/index.ts';
import { appointmentRows, fixture } from './helpers/workspace.ts';

let ws: Workspace;
afterEach(async () => ws?.close());

async function run(name: string, mapping?: MappingFile): Promise<ImportReport> {
  ws = await openWorkspace(':memory:');
  return importExtract(ws, fixture(name), { mapping });
}

const counts = (r: ImportReport) => [r.rowsRead, r.rowsImported, r.rowsUpdated, r.rowsRejected, r.issueCount];
const column = async (sql: string) => (await ws.db.all<Record<string, unknown>>(sql)).map((r) => Object.values(r)[0]);

describe('importExtract on fixtures', () => {
  it('UTF-8 with BOM: all coded columns normalised, no issues', async () => {
    const r = await run('utf8-bom.csv');
    expect([r.dataset, r.encoding, r.delimiter]).toEqual(['utf8-bom', 'utf-8-bom', ',']);
    expect(counts(r)).toEqual([3, 3, 0, 0, 0]);
    expect(r.issues).toEqual([]);
    expect(r.dnaRate).toBe(0.5);
    expect(r.dateRange).toEqual({ from: '2024-03-04', to: '2024-03-06' });
    expect(await appointmentRows(ws)).toEqual([
      {
        appointment_id: 'APT001', age_years: 65, sex: 'male', ethnic_category: 'A', imd_decile: 3, lsoa: 'E01000001',
        treatment_function_code: '320', specialty: 'Cardiologie – Zoë', clinic_code: 'CARD01', appointment_at: '2024-03-04T09:30',
        booked_on: '2024-02-01', first_attendance: '1', medium: 'face_to_face', priority: '1', attendance_code: '5', outcome: 'attended',
      },
      {
        appointment_id: 'APT002', age_years: 34, sex: 'female', ethnic_category: 'H', imd_decile: 1, lsoa: 'E01000001',
        treatment_function_code: '320', specialty: 'Cardiology', clinic_code: 'CARD01', appointment_at: '2024-03-05T10:15',
        booked_on: '2024-02-02', first_attendance: '1', medium: 'face_to_face', priority: '1', attendance_code: '3', outcome: 'dna',
      },
      {
        appointment_id: 'APT003', age_years: 24, sex: 'indeterminate', ethnic_category: 'Z', imd_decile: 10, lsoa: 'E01000001',
        treatment_function_code: '320', specialty: 'Cardiology', clinic_code: 'CARD01', appointment_at: '2024-03-06T14:00',
        booked_on: null, first_attendance: '2', medium: 'telephone', priority: '2', attendance_code: '0', outcome: 'upcoming',
      },
    ]);
    const imports = await ws.db.all('SELECT file_name, file_bytes, encoding, delimiter, rows_read, rows_imported, issue_count, length(file_sha256) AS sha FROM imports');
    expect(imports).toEqual([
      { file_name: 'utf8-bom.csv', file_bytes: 606, encoding: 'utf-8-bom', delimiter: ',', rows_read: 3, rows_imported: 3, issue_count: 0, sha: 64 },
    ]);
  });

  it('Windows-1252: £ and accented letters decode to the right characters', async () => {
    const bytes = readFileSync(fixture('windows-1252.csv'));
    expect(bytes.includes(Buffer.from([0x5a, 0x6f, 0xeb, 0x20, 0xa3, 0x35]))).toBe(true); // "Zoë £5" as cp1252 bytes
    const r = await run('windows-1252.csv');
    expect(r.encoding).toBe('windows-1252');
    expect(counts(r)).toEqual([2, 2, 0, 0, 0]);
    expect(await column('SELECT DISTINCT specialty FROM appointments')).toEqual(['Clinique Zoë £5']);
    expect(await column('SELECT DISTINCT clinic_code FROM appointments')).toEqual(['CLÉ1']);
    expect(await column("SELECT outcome FROM appointments ORDER BY appointment_id")).toEqual(['attended', 'dna']);
  });

  it('tab-delimited with variant headers and text labels', async () => {
    const r = await run('tab-delimited.tsv');
    expect([r.delimiter, ...counts(r)]).toEqual(['\t', 3, 3, 0, 0, 0]);
    expect(r.mapping).toMatchObject({ appointmentId: 'Appt ID', nhsNumber: 'NHS No', localPatientId: 'MRN', birthDate: 'DOB', sex: 'Gender', medium: 'Medium', attendanceStatus: 'Outcome' });
    const rows = await appointmentRows(ws);
    expect(rows.map((x) => [x.appointment_id, x.age_years, x.sex, x.ethnic_category, x.imd_decile, x.appointment_at, x.booked_on, x.first_attendance, x.medium, x.priority, x.outcome])).toEqual([
      ['T1', 44, 'male', 'A', 4, '2024-05-01T08:45', '2024-04-01', '1', 'face_to_face', '1', 'attended'],
      ['T2', 48, 'female', 'H', 7, '2024-05-01T09:00', '2024-04-02', '2', 'telephone', '2', 'dna'],
      ['T3', 63, 'female', 'Z', null, '2024-05-02T00:00', null, '2', 'video', '3', 'patient_cancelled'],
    ]);
  });

  it('pipe-delimited with ISO date-times in one column and no NHS number column', async () => {
    const r = await run('pipe-delimited.txt');
    expect([r.delimiter, ...counts(r)]).toEqual(['|', 3, 3, 0, 0, 0]);
    const rows = await appointmentRows(ws);
    expect(rows.map((x) => [x.appointment_id, x.age_years, x.appointment_at, x.medium, x.first_attendance, x.priority, x.outcome])).toEqual([
      ['P1', 73, '2024-06-03T13:20', 'telephone', '1', '1', 'attended'],
      ['P2', 72, '2024-06-03T13:40', 'face_to_face', '2', '3', 'dna'],
      ['P3', 71, '2024-06-04T09:05', 'video', '2', '1', 'hospital_cancelled'],
    ]);
    expect(await column('SELECT count(*) FROM appointments WHERE nhs_number_key IS NULL')).toEqual([3]);
  });

  it('quoted fields with embedded newlines: rows are numbered by record, not by line', async () => {
    const r = await run('quoted-newlines.csv');
    expect(counts(r)).toEqual([6, 5, 0, 1, 1]);
    expect(r.issues).toEqual([{ row: 4, column: 'Attended or Did Not Attend', severity: 'error', message: "unknown attendance code 'X'" }]);
    expect(await column("SELECT specialty FROM appointments WHERE appointment_id IN ('Q1','Q2') ORDER BY 1")).toEqual(['Ear, Nose "and" Throat', 'General\nSurgery']);
    expect(await column("SELECT clinic_code FROM appointments WHERE appointment_id = 'Q2'")).toEqual(['ENT\r\nA']);
  });

  it('UK dates, ISO dates and date-times', async () => {
    const r = await run('dates.csv');
    expect(counts(r)).toEqual([10, 10, 0, 0, 0]);
    const rows = await ws.db.all<{ appointment_id: string; appointment_at: string; age_years: number | null; booked_on: string | null }>(
      'SELECT appointment_id, appointment_at, age_years, booked_on FROM appointments ORDER BY rowid',
    );
    expect(rows.map((x) => [x.appointment_id, x.appointment_at, x.age_years, x.booked_on])).toEqual([
      ['D1', '2024-03-05T00:00', 44, '2024-03-01'],
      ['D2', '2024-03-05T00:00', 43, '2024-03-01'],
      ['D3', '2024-03-05T14:30', null, null],
      ['D4', '2024-03-05T14:30', null, null],
      ['D5', '2024-03-05T00:00', 44, null],
      ['D6', '2024-03-05T08:05', null, null],
      ['D7', '2024-03-05T08:05', null, null],
      ['D8', '2024-03-05T17:45', null, '2024-03-05'],
      ['D9', '2024-02-29T00:00', 24, null],
      ['D10', '2024-03-05T00:00', null, null],
    ]);
  });

  it('invalid dates: bad appointment date rejects the row; bad birth and booking dates warn', async () => {
    const r = await run('invalid-dates.csv');
    expect(counts(r)).toEqual([10, 9, 0, 1, 7]);
    const notADate = 'is not a date (expected dd/mm/yyyy, dd/mm/yyyy hh:mm or yyyy-mm-dd[Thh:mm])';
    expect(r.issues).toEqual([
      { row: 1, column: 'Appointment Date', severity: 'error', message: "appointment date '31/02/2024' is not a real calendar date" },
      { row: 2, column: 'Date of Birth', severity: 'warning', message: 'date of birth is not a real calendar date; age left blank' },
      { row: 3, column: 'Booked Date', severity: 'warning', message: 'booked date 2024-03-05 is after the appointment date 2024-03-04; left blank' },
      { row: 4, column: 'Date of Birth', severity: 'warning', message: 'date of birth is after the appointment; age left blank' },
      { row: 5, column: 'Date of Birth', severity: 'warning', message: 'date of birth gives an age over 120; age left blank' },
      { row: 6, column: 'Date of Birth', severity: 'warning', message: `date of birth ${notADate}; age left blank` },
      { row: 6, column: 'Booked Date', severity: 'warning', message: `booked date 'yesterday' ${notADate}; left blank` },
    ]);
    expect(await column('SELECT count(*) FROM appointments WHERE age_years IS NOT NULL OR booked_on IS NOT NULL')).toEqual([0]);
    expect(await ws.db.all('SELECT row, column, severity FROM import_issues ORDER BY row, column')).toHaveLength(7);
  });

  it('outcome codes and labels; unknown codes reject the row naming the column', async () => {
    const r = await run('outcome-codes.csv');
    expect(counts(r)).toEqual([16, 14, 0, 2, 2]);
    expect(r.issues).toEqual([
      { row: 10, column: 'Attended or Did Not Attend', severity: 'error', message: "unknown attendance code 'X'" },
      { row: 11, column: 'Attended or Did Not Attend', severity: 'error', message: "unknown attendance code '8'" },
    ]);
    expect(await column('SELECT outcome FROM appointments ORDER BY rowid')).toEqual([
      'attended', 'attended', 'dna', 'dna', 'patient_cancelled', 'hospital_cancelled', 'upcoming', 'upcoming', 'unknown',
      'attended', 'attended', 'patient_cancelled', 'patient_cancelled', 'upcoming',
    ]);
    expect(await column('SELECT attendance_code FROM appointments ORDER BY rowid LIMIT 1')).toEqual(['05']);
    expect(r.dnaRate).toBeCloseTo(2 / 6, 12);
  });

  it('dnaCodes from the mapping: 7 not listed becomes unknown', async () => {
    const r = await run('outcome-codes.csv', { dnaCodes: ['3'] });
    expect(r.dnaRate).toBeCloseTo(1 / 5, 12);
    expect(await column("SELECT outcome FROM appointments WHERE attendance_code = '7'")).toEqual(['unknown']);
  });

  it('duplicate appointment ids in one file: the last occurrence wins, earlier ones are warned about', async () => {
    const r = await run('duplicate-ids.csv');
    expect(counts(r)).toEqual([5, 3, 0, 0, 2]);
    expect(r.issues).toEqual([
      { row: 1, column: 'Appointment ID', severity: 'warning', message: 'duplicate appointment id APT00042, also at row 3; the later row wins' },
      { row: 3, column: 'Appointment ID', severity: 'warning', message: 'duplicate appointment id APT00042, also at row 5; the later row wins' },
    ]);
    expect(await ws.db.all("SELECT appointment_at, outcome FROM appointments WHERE appointment_id = 'APT00042'")).toEqual([
      { appointment_at: '2024-09-03T00:00', outcome: 'patient_cancelled' },
    ]);
  });

  it('wrong column counts reject the row naming it', async () => {
    const r = await run('wrong-columns.csv', { maxRejectedShare: 0.5 });
    expect(counts(r)).toEqual([6, 4, 0, 2, 2]);
    expect(r.issues).toEqual([
      { row: 3, column: null, severity: 'error', message: 'expected 18 columns, found 17' },
      { row: 5, column: null, severity: 'error', message: 'expected 18 columns, found 19' },
    ]);
    expect(await column('SELECT appointment_id FROM appointments ORDER BY 1')).toEqual(['C1', 'C2', 'C4', 'C6']);
  });

  it('a non-NHS yes/no extract read through a mapping file', async () => {
    const mapping = JSON.parse(readFileSync(fixture('yes-no.mapping.json'), 'utf8')) as MappingFile;
    const r = await run('yes-no.csv', mapping);
    expect(counts(r)).toEqual([4, 4, 0, 0, 0]);
    expect(r.mapping).toEqual({ appointmentId: 'Visit Ref', localPatientId: 'Patient', appointmentDate: 'Visit Day', attendanceStatus: 'Showed Up' });
    expect(await ws.db.all('SELECT appointment_id, appointment_at, attendance_code, outcome FROM appointments ORDER BY 1')).toEqual([
      { appointment_id: 'V1', appointment_at: '2024-10-31T00:00', attendance_code: 'Yes', outcome: 'attended' },
      { appointment_id: 'V2', appointment_at: '2024-11-01T00:00', attendance_code: 'No', outcome: 'dna' },
      { appointment_id: 'V3', appointment_at: '2024-11-02T00:00', attendance_code: 'yes', outcome: 'attended' },
      { appointment_id: 'V4', appointment_at: '2024-11-03T00:00', attendance_code: null, outcome: 'upcoming' },
    ]);
    expect(await column('SELECT count(DISTINCT patient_key) FROM appointments')).toEqual([3]);
    const stored = JSON.parse((await column('SELECT mapping_json FROM imports'))[0] as string);
    expect(stored).toEqual({ columns: r.mapping, outcomeValues: { Yes: 'attended', No: 'dna' }, dateOrder: 'mdy' });
  });

  it('invalid NHS numbers: kept by a local number with a warning, else rejected', async () => {
    const r = await run('invalid-nhs.csv');
    expect(counts(r)).toEqual([10, 8, 0, 2, 3]);
    expect(r.issues).toEqual([
      { row: 2, column: 'NHS Number', severity: 'warning', message: 'invalid NHS number (NHS number fails the modulus 11 check); kept by its local patient number' },
      { row: 3, column: 'NHS Number', severity: 'error', message: 'invalid NHS number (NHS number must be 10 digits) and no local patient number' },
      { row: 5, column: 'Local Patient Number', severity: 'error', message: 'no patient identifier: NHS number and local patient number are blank' },
    ]);
    expect(await ws.db.all("SELECT appointment_id, nhs_number_key IS NULL AS no_nhs_key FROM appointments WHERE appointment_id IN ('N1','N2','N4') ORDER BY 1")).toEqual([
      { appointment_id: 'N1', no_nhs_key: 0 },
      { appointment_id: 'N2', no_nhs_key: 1 },
      { appointment_id: 'N4', no_nhs_key: 0 },
    ]);
    // Without a local number the patient key is the NHS number's key.
    expect(await column("SELECT patient_key = nhs_number_key FROM appointments WHERE appointment_id = 'N1'")).toEqual([1]);
  });

  it('no appointment id column: stable derived ids and a file-level warning', async () => {
    const r = await run('no-id.csv');
    expect(counts(r)).toEqual([2, 2, 0, 0, 1]);
    expect(r.issues[0]).toMatchObject({ row: null, column: null, severity: 'warning' });
    expect(r.issues[0].message).toMatch(/^no appointment id column found \(looked for: Appointment ID, /);
    const first = await column('SELECT appointment_id FROM appointments ORDER BY appointment_at');
    expect(first.every((id) => /^H[0-9a-f]{24}$/.test(id as string))).toBe(true);
    const again = await importExtract(ws, fixture('no-id.csv'));
    expect([again.rowsImported, again.rowsUpdated]).toEqual([2, 2]);
    expect(await column('SELECT appointment_id FROM appointments ORDER BY appointment_at')).toEqual(first);
  });
});
