import { describe, expect, it } from 'vitest';
import { ageInYears, parseDateTime, parseTime } from '../../core/import/index.ts';
import { ageInYearsOfDays, dayNumber } from '../../core/import/dates.ts';

const dt = (raw: string, order?: 'dmy' | 'mdy') => {
  const r = parseDateTime(raw, order);
  return 'problem' in r ? r.problem : `${r.date} ${r.time ?? '-'}`;
};

describe('parseDateTime', () => {
  it('reads UK, ISO and named-month dates with and without times', () => {
    expect(dt('05/03/2024')).toBe('2024-03-05 -');
    expect(dt('5/3/2024')).toBe('2024-03-05 -');
    expect(dt(' 05/03/2024 14:30 ')).toBe('2024-03-05 14:30');
    expect(dt('05/03/2024 9:05:59')).toBe('2024-03-05 09:05');
    expect(dt('05-03-2024')).toBe('2024-03-05 -');
    expect(dt('05.03.2024')).toBe('2024-03-05 -');
    expect(dt('2024-03-05')).toBe('2024-03-05 -');
    expect(dt('2024-03-05T08:05')).toBe('2024-03-05 08:05');
    expect(dt('2024-03-05T08:05:10Z')).toBe('2024-03-05 08:05');
    expect(dt('2024-03-05T08:05:10.123+01:00')).toBe('2024-03-05 08:05');
    expect(dt('2024-03-05 17:45')).toBe('2024-03-05 17:45');
    expect(dt('05-Mar-2024')).toBe('2024-03-05 -');
    expect(dt('5 March 2024 02:15 PM')).toBe('2024-03-05 14:15');
  });

  it('switches slash dates to month first with dateOrder mdy, leaving ISO alone', () => {
    expect(dt('03/05/2024', 'mdy')).toBe('2024-03-05 -');
    expect(dt('12/31/2024 23:59', 'mdy')).toBe('2024-12-31 23:59');
    expect(dt('2024-03-05', 'mdy')).toBe('2024-03-05 -');
    expect(dt('12/31/2024')).toBe('is not a real calendar date');
  });

  it('detects impossible calendar dates and times, and refuses what is not a date', () => {
    expect(dt('31/02/2024')).toBe('is not a real calendar date');
    expect(dt('29/02/2023')).toBe('is not a real calendar date');
    expect(dt('29/02/2024')).toBe('2024-02-29 -');
    expect(dt('29/02/2100')).toBe('is not a real calendar date');
    expect(dt('2024-13-01')).toBe('is not a real calendar date');
    expect(dt('00/01/2024')).toBe('is not a real calendar date');
    expect(dt('05/03/2024 24:00')).toBe('has an impossible time of day');
    expect(dt('05/03/2024 12:60')).toBe('has an impossible time of day');
    for (const bad of ['yesterday', '05/03/24', '2024/3/5', '05032024', '05/03/2024x', '5-Foo-2024', '']) {
      expect(dt(bad)).toMatch(/^is not a date/);
    }
  });
});

describe('parseTime', () => {
  it('reads hh:mm, h:mm:ss, hhmm and the time of a date-time', () => {
    expect(parseTime('09:30')).toBe('09:30');
    expect(parseTime('9:30:15')).toBe('09:30');
    expect(parseTime('0930')).toBe('09:30');
    expect(parseTime('1899-12-30 14:05:00')).toBe('14:05');
    expect(parseTime('  ')).toBeNull();
    expect(parseTime('25:00')).toEqual({ problem: 'has an impossible time of day' });
    expect(parseTime('noon')).toEqual({ problem: 'is not a time (expected hh:mm)' });
  });
});

describe('ageInYears', () => {
  it('counts whole years, a birthday on the day counting', () => {
    const d = (y: number, m: number, day: number) => ({ y, m, d: day });
    expect(ageInYears(d(1980, 3, 5), d(2024, 3, 5))).toBe(44);
    expect(ageInYears(d(1980, 3, 6), d(2024, 3, 5))).toBe(43);
    expect(ageInYears(d(2000, 2, 29), d(2023, 2, 28))).toBe(22);
    expect(ageInYears(d(2000, 2, 29), d(2023, 3, 1))).toBe(23);
  });
});

describe('dayNumber', () => {
  it('agrees with parseDateTime on every fixed-width day-month-year cell, and with ageInYears', () => {
    let read = 0;
    for (const order of ['dmy', 'mdy'] as const) {
      for (const sep of ['/', '-', '.']) {
        for (const y of [999, 1900, 2000, 2023, 2024]) {
          for (let a = 0; a <= 32; a++) {
            for (let b = 0; b <= 13; b++) {
              const cell = `${String(a).padStart(2, '0')}${sep}${String(b).padStart(2, '0')}${sep}${String(y).padStart(4, '0')}`;
              const parsed = parseDateTime(cell, order);
              const n = dayNumber(cell, order);
              if ('problem' in parsed) expect(n, cell).toBe(-1);
              else {
                read++;
                expect(n, cell).toBe(parsed.y * 10000 + parsed.m * 100 + parsed.d);
              }
            }
          }
        }
      }
    }
    // dmy: every day of 1900, 2000, 2023 and 2024; mdy: days 1 to 13 of every month of them; three separators each.
    expect(read).toBe(3 * (365 + 366 + 365 + 366) + 3 * (4 * 12 * 13));
    for (const cell of ['1/02/2024', '01/02/24', '01/02/2024 09:00', '2024-02-01', '01/02-2024']) expect(dayNumber(cell), cell).toBe(-1);
    const pairs: [number, number][] = [
      [19800305, 20240305],
      [19800306, 20240305],
      [20000229, 20230228],
      [20000229, 20230301],
    ];
    const obj = (n: number) => ({ y: Math.floor(n / 10000), m: Math.floor(n / 100) % 100, d: n % 100 });
    for (const [born, at] of pairs) expect(ageInYearsOfDays(born, at)).toBe(ageInYears(obj(born), obj(at)));
  });
});
