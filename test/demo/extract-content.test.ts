import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SPECIALTIES, ETHNIC_CATEGORIES, EXTRACT_DAY, MESS_RATES, UPCOMING_DAYS } from '../../core/demo/index.ts';
import { isValidNhsNumber, nhsCheckDigit } from '../../core/nhs/nhs-number.ts';
import { COL, dnaRate, makeTempDir, ukDay, writeAndRead, type WrittenExtract } from './extract-fixture.ts';

const tmp = makeTempDir();
afterAll(() => tmp.cleanup());
const N = 20_000;
let ex: WrittenExtract;
beforeAll(async () => {
  ex = await writeAndRead(tmp.dir, N, 1);
});

const col = (r: string[], h: keyof typeof COL): string => r[COL[h]];

/** The count must sit within four standard deviations (plus two) of rate * n. */
function expectAbout(count: number, rate: number, n: number): void {
  const mean = rate * n;
  const slack = 4 * Math.sqrt(mean * (1 - rate)) + 2;
  expect(count, `expected about ${mean.toFixed(1)}`).toBeGreaterThanOrEqual(Math.max(1, mean - slack));
  expect(count, `expected about ${mean.toFixed(1)}`).toBeLessThanOrEqual(mean + slack);
}

describe('demo extract content', () => {
  it('uses only NHS codes in coded columns', () => {
    const specialties = new Map(DEMO_SPECIALTIES.map((s) => [s.code, s.name]));
    const ethnic = new Set(ETHNIC_CATEGORIES.map((e) => e.code));
    for (const r of ex.rows) {
      expect(['', '0', '1', '2', '9']).toContain(col(r, 'Sex'));
      expect(col(r, 'Ethnic Category') === '' || ethnic.has(col(r, 'Ethnic Category'))).toBe(true);
      expect(col(r, 'LSOA')).toMatch(/^(E01\d{6})?$/);
      expect(col(r, 'IMD Decile')).toMatch(/^([1-9]|10)?$/);
      expect(specialties.get(col(r, 'Treatment Function Code'))).toBe(col(r, 'Specialty'));
      expect(col(r, 'Appointment ID')).toMatch(/^APT\d{8}$/);
      expect(col(r, 'Local Patient Number')).toMatch(/^RXX\d{7}$/);
      expect(col(r, 'Appointment Time')).toMatch(/^(0[89]|1[0-7]):[0-5]\d$/);
      expect(col(r, 'Appointment Time') <= '17:30').toBe(true);
      expect(['1', '2', '3', '4']).toContain(col(r, 'First Attendance'));
      expect(['', '01', '02', '03']).toContain(col(r, 'Consultation Medium'));
      expect(['', '1', '2', '3']).toContain(col(r, 'Priority Type'));
      expect(['', '0', '2', '3', '4', '5', '6', '7', '9']).toContain(col(r, 'Attended or Did Not Attend'));
      const medium = col(r, 'Consultation Medium');
      if (medium !== '') expect(medium === '01').toBe(['1', '2'].includes(col(r, 'First Attendance')));
    }
    expect(ethnic.has('Z')).toBe(true);
  });

  it('has a few hundred clinics with skewed sizes', () => {
    const sizes = new Map<string, number>();
    for (const r of ex.rows) sizes.set(col(r, 'Clinic Code'), (sizes.get(col(r, 'Clinic Code')) ?? 0) + 1);
    const counts = [...sizes.values()].sort((a, b) => a - b);
    expect(sizes.size).toBeGreaterThanOrEqual(250);
    expect(counts[0]).toBeLessThan(10);
    expect(counts.at(-1)!).toBeGreaterThan(500);
  });

  it('gives each patient one NHS number with a valid check digit, apart from the deliberate faults', () => {
    const byPatient = new Map<string, Map<string, number>>();
    for (const r of ex.rows) {
      const m = byPatient.get(col(r, 'Local Patient Number')) ?? new Map<string, number>();
      m.set(col(r, 'NHS Number'), (m.get(col(r, 'NHS Number')) ?? 0) + 1);
      byPatient.set(col(r, 'Local Patient Number'), m);
    }
    const owner = new Map<string, string>();
    for (const [patient, numbers] of byPatient) {
      const valid = [...numbers.keys()].filter((n) => isValidNhsNumber(n));
      expect(valid.length, `patient ${patient}`).toBeLessThanOrEqual(1);
      for (const n of valid) {
        expect(owner.get(n), `NHS number ${n} shared`).toBeUndefined();
        owner.set(n, patient);
      }
      for (const n of numbers.keys()) {
        // Only the NHS test range, so no synthetic number is a real person's.
        if (n !== '') expect(n.startsWith('999'), `NHS number ${n} outside the test range`).toBe(true);
        // Every invalid number differs from the patient's real one only in the check digit.
        if (n !== '' && !isValidNhsNumber(n) && valid.length === 1) {
          expect(n.slice(0, 9)).toBe(valid[0].slice(0, 9));
          expect(nhsCheckDigit(n.slice(0, 9))).not.toBe(Number(n[9]));
        }
      }
    }
    const invalid = ex.rows.filter((r) => col(r, 'NHS Number') !== '' && !isValidNhsNumber(col(r, 'NHS Number'))).length;
    const blank = ex.rows.filter((r) => col(r, 'NHS Number') === '').length;
    expectAbout(invalid, MESS_RATES.invalidNhsNumber, N);
    expectAbout(blank, MESS_RATES.blankNhsNumber, N);
  });

  it('has 7-10% DNAs among attended/DNA rows and 3-5% upcoming rows in the seven weeks after the extract date', () => {
    const { rate, n } = dnaRate(ex.rows);
    expect(n).toBeGreaterThan(0.8 * N);
    expect(rate).toBeGreaterThanOrEqual(0.07);
    expect(rate).toBeLessThanOrEqual(0.1);

    const outcome = (r: string[]): string => col(r, 'Attended or Did Not Attend');
    const upcoming = ex.rows.filter((r) => outcome(r) === '0' || outcome(r) === '');
    expect(upcoming.length / N).toBeGreaterThanOrEqual(0.03);
    expect(upcoming.length / N).toBeLessThanOrEqual(0.05);
    expectAbout(upcoming.filter((r) => outcome(r) === '').length, MESS_RATES.upcomingOutcomeBlank, upcoming.length);

    let first = Infinity;
    let last = -Infinity;
    for (const r of ex.rows) {
      const day = ukDay(col(r, 'Appointment Date'));
      if (day === null) continue;
      first = Math.min(first, day);
      last = Math.max(last, day);
      if (day > EXTRACT_DAY) expect(['0', '']).toContain(outcome(r));
      else expect(['0', '']).not.toContain(outcome(r));
      const booked = col(r, 'Booked Date') === '' ? null : ukDay(col(r, 'Booked Date'));
      if (day > EXTRACT_DAY && booked !== null && booked <= day) expect(booked).toBeLessThanOrEqual(EXTRACT_DAY);
    }
    expect(UPCOMING_DAYS).toBe(49);
    expect(last).toBeLessThanOrEqual(EXTRACT_DAY + UPCOMING_DAYS);
    expect(last).toBeGreaterThan(EXTRACT_DAY + UPCOMING_DAYS - 7);
    expect(first).toBeGreaterThanOrEqual(EXTRACT_DAY - 3 * 365 + 1);
    expect(first).toBeLessThan(EXTRACT_DAY - 3 * 365 + 10);
  });

  it('has cancellations at about their rates', () => {
    const share = (code: string): number => ex.rows.filter((r) => col(r, 'Attended or Did Not Attend') === code).length / N;
    expect(share('2')).toBeGreaterThan(0.04);
    expect(share('2')).toBeLessThan(0.06);
    expect(share('4')).toBeGreaterThan(0.03);
    expect(share('4')).toBeLessThan(0.05);
    expect(share('9')).toBeGreaterThan(0);
    expect(share('9')).toBeLessThan(0.006);
  });

  it('gives patients several appointments each, about five on average', () => {
    const perPatient = new Map<string, number>();
    for (const r of ex.rows) perPatient.set(col(r, 'Local Patient Number'), (perPatient.get(col(r, 'Local Patient Number')) ?? 0) + 1);
    const mean = N / perPatient.size;
    expect(mean).toBeGreaterThan(4);
    expect(mean).toBeLessThan(6);
    expect(Math.max(...perPatient.values())).toBeGreaterThan(20);
  });

  it('blanks optional columns at about their documented rates', () => {
    for (const [column, rate] of Object.entries(MESS_RATES.blank)) {
      const blanks = ex.rows.filter((r) => r[COL[column as keyof typeof COL]] === '').length;
      expectAbout(blanks, rate, N);
    }
  });

  it('repeats about 0.2% of rows exactly, same Appointment ID', () => {
    const seen = new Map<string, string>();
    let duplicates = 0;
    for (const r of ex.rows) {
      const id = col(r, 'Appointment ID');
      const line = r.join(',');
      const before = seen.get(id);
      if (before !== undefined) {
        duplicates++;
        expect(line).toBe(before);
      } else seen.set(id, line);
    }
    expectAbout(duplicates, MESS_RATES.duplicateRow, N);
  });

  it('has a few impossible dates at about their rates', () => {
    let notACalendarDate = 0;
    let bookedAfter = 0;
    let bornAfter = 0;
    for (const r of ex.rows) {
      const day = ukDay(col(r, 'Appointment Date'));
      if (day === null) {
        expect(col(r, 'Appointment Date')).toMatch(/^(31\/(04|06|09|11)|30\/02)\/20(2[2-5])$/);
        notACalendarDate++;
        continue;
      }
      const booked = col(r, 'Booked Date') === '' ? null : ukDay(col(r, 'Booked Date'));
      if (booked !== null && booked > day) bookedAfter++;
      const born = ukDay(col(r, 'Date of Birth'));
      expect(born).not.toBeNull();
      if (born! > day) bornAfter++;
    }
    expectAbout(notACalendarDate, MESS_RATES.impossibleAppointmentDate, N);
    expectAbout(bookedAfter, MESS_RATES.bookedAfterAppointment, N);
    expectAbout(bornAfter, MESS_RATES.birthAfterAppointment, N);
  });
});
