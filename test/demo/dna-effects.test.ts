import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COL, dnaRate, isDna, makeTempDir, ukDay, writeAndRead, type WrittenExtract } from './extract-fixture.ts';

// A larger file than the other tests so the smaller effects stand clear of the noise.
const tmp = makeTempDir();
afterAll(() => tmp.cleanup());
let ex: WrittenExtract;
let dated: { r: string[]; day: number; lead: number | null; age: number; prior: number }[];
beforeAll(async () => {
  ex = await writeAndRead(tmp.dir, 80_000, 3);
  const usable = ex.rows
    .map((r) => ({ r, day: ukDay(r[COL['Appointment Date']]), born: ukDay(r[COL['Date of Birth']]), booked: ukDay(r[COL['Booked Date']]) }))
    .filter((x): x is { r: string[]; day: number; born: number; booked: number | null } => x.day !== null && x.born !== null);
  // Earlier DNAs of the same patient, counted in date order as a leakage-safe feature would.
  const byPatient = new Map<string, typeof usable>();
  for (const x of usable) {
    const k = x.r[COL['Local Patient Number']];
    byPatient.set(k, [...(byPatient.get(k) ?? []), x]);
  }
  dated = [];
  for (const list of byPatient.values()) {
    list.sort((a, b) => a.day - b.day || a.r[COL['Appointment Time']].localeCompare(b.r[COL['Appointment Time']]));
    let prior = 0;
    for (const x of list) {
      dated.push({ r: x.r, day: x.day, lead: x.booked === null ? null : x.day - x.booked, age: (x.day - x.born) / 365.25, prior });
      if (isDna(x.r[COL['Attended or Did Not Attend']])) prior++;
    }
  }
});

const rateOf = (pick: (x: (typeof dated)[number]) => boolean): number => dnaRate(dated.filter(pick).map((x) => x.r)).rate;

describe('DNA behaviour of the demo extract', () => {
  it('rises with the patient’s earlier DNAs', () => {
    const none = rateOf((x) => x.prior === 0);
    const one = rateOf((x) => x.prior === 1);
    const more = rateOf((x) => x.prior >= 2);
    expect(one).toBeGreaterThan(1.7 * none);
    expect(more).toBeGreaterThan(1.5 * one);
  });

  it('rises with lead time', () => {
    const short = rateOf((x) => x.lead !== null && x.lead < 14);
    const long = rateOf((x) => x.lead !== null && x.lead > 60);
    expect(long).toBeGreaterThan(1.3 * short);
  });

  it('is highest for young adults and lowest for the elderly', () => {
    const young = rateOf((x) => x.age >= 18 && x.age <= 30);
    const children = rateOf((x) => x.age < 16);
    const elderly = rateOf((x) => x.age >= 65);
    expect(young).toBeGreaterThan(children);
    expect(children).toBeGreaterThan(elderly);
    expect(young).toBeGreaterThan(2 * elderly);
  });

  it('is highest in the most deprived deciles', () => {
    const deprived = rateOf((x) => ['1', '2'].includes(x.r[COL['IMD Decile']]));
    const affluent = rateOf((x) => ['9', '10'].includes(x.r[COL['IMD Decile']]));
    expect(deprived).toBeGreaterThan(1.6 * affluent);
  });

  it('is higher on Mondays and Fridays and at the ends of the day', () => {
    const wd = (x: (typeof dated)[number]): number => new Date(x.day * 86_400_000).getUTCDay();
    const monFri = rateOf((x) => wd(x) === 1 || wd(x) === 5);
    const midweek = rateOf((x) => wd(x) >= 2 && wd(x) <= 4);
    expect(monFri).toBeGreaterThan(midweek);
    const time = (x: (typeof dated)[number]): string => x.r[COL['Appointment Time']];
    const edges = rateOf((x) => time(x) < '09:00' || time(x) >= '16:00');
    const middle = rateOf((x) => time(x) >= '10:00' && time(x) < '12:00');
    expect(edges).toBeGreaterThan(middle);
  });

  it('differs by specialty, medium and priority', () => {
    const specialty = (name: string): number => rateOf((x) => x.r[COL['Specialty']] === name);
    expect(specialty('Adult Mental Illness')).toBeGreaterThan(specialty('Cardiology'));
    expect(specialty('Dermatology')).toBeGreaterThan(specialty('Ophthalmology'));
    expect(specialty('Clinical Oncology')).toBeLessThan(0.6 * specialty('Trauma & Orthopaedics'));
    expect(rateOf((x) => x.r[COL['Consultation Medium']] === '02')).toBeLessThan(rateOf((x) => x.r[COL['Consultation Medium']] === '01'));
    expect(rateOf((x) => x.r[COL['Priority Type']] === '3')).toBeLessThan(rateOf((x) => x.r[COL['Priority Type']] === '1'));
  });
});
