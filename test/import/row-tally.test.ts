import { describe, expect, it } from 'vitest';
import { packBatch } from '../../core/import/packed-rows.ts';
import { RowTally } from '../../core/import/row-tally.ts';

/** Payloads of rows (outcome, appointment_at) packed after an id column, as the import packs them. */
function payloads(tally: RowTally, rows: [string, string][]): number[] {
  const { params } = packBatch(
    rows.flatMap(([outcome, at], i) => [`A${i}`, outcome, at]),
    3,
  );
  const [blob, stride, last, , , o, ow, a, aw] = params as [Buffer, number, number, number, number, number, number, number, number];
  return [...tally.payloads(blob, stride, (last - 1) / stride + 1, [o, ow], [a, aw])];
}

describe('RowTally', () => {
  it('counts outcomes and the first and last time, taking replaced rows off', () => {
    const tally = new RowTally();
    const p = payloads(tally, [
      ['attended', '2024-03-01T09:00'],
      ['dna', '2024-01-05T10:30'],
      ['hospital_cancelled', '2024-05-31T17:45'],
      ['dna', '2024-02-01T08:00'],
      ['unknown', '2024-05-31T17:45'],
    ]);
    for (const x of p) tally.add(x);
    expect(tally.figures()).toEqual({ dna: 2, attended: 1, withOutcome: 3, first: '2024-01-05T10:30', last: '2024-05-31T17:45' });
    // Taken off: a row inside the range, then one of two rows at the last time.
    tally.remove(p[3]);
    tally.remove(p[2]);
    expect(tally.figures()).toEqual({ dna: 1, attended: 1, withOutcome: 2, first: '2024-01-05T10:30', last: '2024-05-31T17:45' });
    // The only row at the first time: the tally can no longer tell the first time.
    tally.remove(p[1]);
    expect(tally.figures()).toBeNull();
  });

  it('reads padded cells and gives up on cells of another shape', () => {
    const tally = new RowTally();
    const p = payloads(tally, [
      ['upcoming', '2024-03-01T09:00'],
      ['patient_cancelled', '2024-03-01T09:00'],
      ['dnax', '2024-03-01T09:00'],
      ['dna', '2024-03-01 09:00'],
      ['dna', '2024-03-01T09:00:30'],
    ]);
    expect(p.slice(2)).toEqual([-1, -1, -1]);
    expect(p[0] % 8).toBe(4);
    expect(p[1] % 8).toBe(2);
    tally.add(p[0]);
    tally.add(p[1]);
    expect(tally.figures()).toEqual({ dna: 0, attended: 0, withOutcome: 0, first: '2024-03-01T09:00', last: '2024-03-01T09:00' });
    tally.add(p[2]);
    expect(tally.figures()).toBeNull();
    expect(new RowTally().figures()).toEqual({ dna: 0, attended: 0, withOutcome: 0, first: null, last: null });
  });
});
