import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../../core/workspace/index.ts';
import { formatProfile, listDatasets, profileDataset, type DatasetProfile } from '../../core/profile/index.ts';
import { insertDataset, insertFixture, readFixture } from './fixture-workspace.ts';

let ws: Workspace;
let profile: DatasetProfile;

beforeAll(async () => {
  ws = await openWorkspace(':memory:');
  await insertFixture(ws.db, 'clinic-a', readFixture('clinic-a.json'), 25);
  // A second dataset with other values proves that nothing leaks between datasets.
  await insertFixture(
    ws.db,
    'other',
    {
      imports: [{ file: 'other.csv', importedAt: '2023-01-01T00:00:00.000Z', rowsImported: 12, rowsRejected: 0 }],
      blocks: [{ import: 0, n: 12, specialty: 'Cardiology', outcome: 'dna', at: '2023-06-01T09:00', age: 40, imd: 1, ethnic: 'A' }],
    },
    3,
  );
  await insertDataset(ws.db, 'empty', '2024-01-01T00:00:00.000Z');
  profile = await profileDataset(ws, 'clinic-a');
});

afterAll(() => ws.close());

const row = (key: string, appointments: number | '<10', withOutcome: number | '<10', dna: number | '<10', dnaRate: number | null) => ({
  key,
  appointments,
  withOutcome,
  dna,
  dnaRate,
});

describe('profileDataset', () => {
  it('gives exact top-line totals, date range, outcomes and the overall DNA rate', () => {
    expect(profile.dataset).toBe('clinic-a');
    expect(profile.rows).toBe(80);
    expect(profile.patients).toBe(25);
    expect(profile.dateRange).toEqual({ from: '2024-01-01', to: '2024-03-04' });
    expect(profile.outcomes).toEqual({
      attended: 48,
      dna: 21,
      patient_cancelled: '<10',
      hospital_cancelled: '<10',
      upcoming: '<10',
      unknown: '<10',
    });
    // Cancelled, upcoming and unknown outcomes are not in the denominator.
    expect(profile.dnaRate).toBe(21 / 69);
  });

  it('breaks DNA rates down by month, with the malformed date last as unknown', () => {
    expect(profile.byMonth).toEqual([
      row('2024-01', 40, 40, 11, 11 / 40),
      row('2024-02', 21, 19, 0, 0),
      row('2024-03', 18, 10, 10, 1),
      row('unknown', '<10', 0, 0, null),
    ]);
  });

  it('orders specialties by volume and suppresses counts of 1..9 but not 0 or 10', () => {
    expect(profile.bySpecialty).toEqual([
      row('Cardiology', 30, 30, 10, 10 / 30),
      row('Urology', 16, 10, 10, 1),
      row('Neurology', 12, 10, 0, 0),
      // 9 attended + 1 DNA: the denominator 10 is exact but the DNA count is not, so no rate.
      row('Dermatology', 10, 10, '<10', null),
      // 9 appointments: a suppressed denominator also hides a DNA count of 0.
      row('ENT', '<10', '<10', 0, null),
      row('unknown', '<10', 0, 0, null),
    ]);
  });

  it('lists all seven weekdays Monday first, then unknown', () => {
    expect(profile.byWeekday).toEqual([
      row('Monday', 39, 39, 10, 10 / 39),
      row('Tuesday', 10, 10, 10, 1),
      row('Wednesday', 10, 10, 0, 0),
      row('Thursday', '<10', 0, 0, null),
      row('Friday', '<10', 0, 0, null),
      row('Saturday', '<10', '<10', 0, null),
      row('Sunday', '<10', '<10', '<10', null),
      row('unknown', '<10', 0, 0, null),
    ]);
  });

  it('bands ages at 15/16, 17/18, 64/65 and 75 and puts missing or implausible ages in unknown', () => {
    expect(profile.byAgeBand).toEqual([
      row('0-15', '<10', '<10', 0, null),
      row('16-17', 10, 10, 0, 0),
      row('18-29', 10, 10, 10, 1),
      row('30-44', 20, 20, 0, 0),
      row('45-64', '<10', 0, 0, null),
      row('65-74', 19, 19, 10, 10 / 19),
      row('75+', '<10', 0, 0, null),
      row('unknown', '<10', '<10', '<10', null),
    ]);
  });

  it('lists deprivation deciles 1..10 even when empty, and out-of-range deciles as unknown', () => {
    expect(profile.byDeprivation).toEqual([
      row('1', 30, 30, 10, 10 / 30),
      row('2', 18, 10, 10, 1),
      row('3', '<10', 0, 0, null),
      row('4', 0, 0, 0, null),
      row('5', 19, 19, 0, 0),
      row('6', 0, 0, 0, null),
      row('7', 0, 0, 0, null),
      row('8', 0, 0, 0, null),
      row('9', 0, 0, 0, null),
      row('10', '<10', '<10', 0, null),
      row('unknown', '<10', '<10', '<10', null),
    ]);
  });

  it('counts NULL, empty and blank values per stored column', () => {
    const byColumn = Object.fromEntries(profile.missingness.map((m) => [m.column, m]));
    expect(profile.missingness.map((m) => m.column)).toEqual([
      'appointment_id', 'patient_key', 'nhs_number_key', 'age_years', 'sex', 'ethnic_category', 'imd_decile', 'lsoa',
      'treatment_function_code', 'specialty', 'clinic_code', 'appointment_at', 'booked_on', 'first_attendance', 'medium',
      'priority', 'attendance_code', 'outcome',
    ]);
    expect(byColumn.appointment_id).toEqual({ column: 'appointment_id', missing: 0, share: 0 });
    expect(byColumn.nhs_number_key).toEqual({ column: 'nhs_number_key', missing: 80, share: 1 });
    // 10 empty strings plus 1 blank string.
    expect(byColumn.ethnic_category).toEqual({ column: 'ethnic_category', missing: 11, share: 11 / 80 });
    expect(byColumn.specialty).toEqual({ column: 'specialty', missing: '<10', share: null });
    expect(byColumn.age_years).toEqual({ column: 'age_years', missing: '<10', share: null });
    expect(byColumn.imd_decile).toEqual({ column: 'imd_decile', missing: '<10', share: null });
  });

  it('lists the imports of the dataset only, oldest first', () => {
    expect(profile.imports).toEqual([
      { file: 'jan-feb.csv', importedAt: '2024-04-01T10:00:00.000Z', rowsImported: 61, rowsRejected: 2 },
      { file: 'march.csv', importedAt: '2024-04-02T09:30:00.000Z', rowsImported: 19, rowsRejected: 0 },
    ]);
  });

  it('profiles a dataset without appointments', async () => {
    const empty = await profileDataset(ws, 'empty');
    expect(empty.rows).toBe(0);
    expect(empty.patients).toBe(0);
    expect(empty.dateRange).toEqual({ from: null, to: null });
    expect(empty.dnaRate).toBeNull();
    expect(empty.byMonth).toEqual([]);
    expect(empty.byWeekday.map((r) => r.key)).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
    expect(empty.missingness.every((m) => m.missing === 0 && m.share === 0)).toBe(true);
    expect(empty.imports).toEqual([]);
  });

  it('names the unknown dataset and lists the datasets that exist', async () => {
    await expect(profileDataset(ws, 'clinic-b')).rejects.toThrow(
      'unknown dataset "clinic-b"; datasets in this workspace: "clinic-a", "empty", "other"',
    );
    const bare = await openWorkspace(':memory:');
    await expect(profileDataset(bare, 'x')).rejects.toThrow('unknown dataset "x": this workspace has no datasets yet');
    await bare.close();
  });
});

describe('listDatasets', () => {
  it('summarises every dataset by name, suppressing rates of small datasets', async () => {
    expect(await listDatasets(ws)).toEqual([
      { name: 'clinic-a', rows: 80, patients: 25, from: '2024-01-01', to: '2024-03-04', dnaRate: 21 / 69, updatedAt: '2024-04-02T09:30:00.000Z' },
      { name: 'empty', rows: 0, patients: 0, from: null, to: null, dnaRate: null, updatedAt: '2024-01-01T00:00:00.000Z' },
      { name: 'other', rows: 12, patients: 3, from: '2023-06-01', to: '2023-06-01', dnaRate: 1, updatedAt: '2024-04-02T09:30:00.000Z' },
    ]);
  });
});

describe('formatProfile', () => {
  const text = () => formatProfile(profile);

  it('shows the key figures', () => {
    expect(text()).toContain('Dataset clinic-a');
    expect(text()).toContain('80 appointments, 25 patients, 2024-01-01 to 2024-03-04');
    expect(text()).toContain('DNA rate 30.4%');
    expect(text()).toMatch(/^ {2}Cardiology +30 +30 +10 +33\.3%$/m);
    expect(text()).toMatch(/^ {2}Dermatology +10 +10 +<10 +-$/m);
    expect(text()).toMatch(/^ {2}ethnic_category +11 +13\.8%$/m);
    expect(text()).toMatch(/^ {2}jan-feb\.csv +2024-04-01T10:00:00\.000Z +61 +2$/m);
  });

  it('prints the weekdays in order and uses thousands separators', () => {
    const t = text();
    const positions = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'].map((d) => t.indexOf(`  ${d} `));
    expect(positions.every((p, i) => p > 0 && (i === 0 || p > positions[i - 1]))).toBe(true);
    expect(formatProfile({ ...profile, rows: 1234567 })).toContain('1,234,567 appointments');
  });
});
