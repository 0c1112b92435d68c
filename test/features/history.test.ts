import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workspace } from '../../core/workspace/index.ts';
import { buildMatrix, defaultFeatureSpec, fitPipeline, selectFeatures, type FeaturePipeline } from '../../core/features/index.ts';
import { insertAppointments, memoryWorkspace, rowOf, type Appt } from './helpers/appointments.ts';

const HISTORY = [
  'prior_appointments',
  'prior_dnas',
  'prior_dna_rate',
  'days_since_last_dna',
  'prior_patient_cancellations',
  'prior_hospital_cancellations',
  'appointments_last_year',
];

// Patient p1's timeline; a2 and a3 are at the same minute. p2 has one DNA that p1 must never see.
const TIMELINE: Appt[] = [
  { id: 'a7', at: '2025-03-01T09:00', outcome: 'attended' },
  { id: 'a1', at: '2024-01-10T09:00', outcome: 'attended' },
  { id: 'a2', at: '2024-02-01T10:00', outcome: 'dna' },
  { id: 'a3', at: '2024-02-01T10:00', outcome: 'attended' },
  { id: 'a4', at: '2024-03-01T09:30', outcome: 'patient_cancelled' },
  { id: 'a5', at: '2024-03-05T11:00', outcome: 'hospital_cancelled' },
  { id: 'a6', at: '2024-04-01T14:15', outcome: 'dna' },
  { id: 'a10', at: '2024-05-01T09:00', outcome: 'unknown' },
  { id: 'a8', at: '2025-06-01T10:00', outcome: 'upcoming' },
  { id: 'a9', at: '2025-06-08T10:00', outcome: 'upcoming' },
  { id: 'b1', patient: 'p2', at: '2024-01-01T09:00', outcome: 'dna' },
  { id: 'b2', patient: 'p2', at: '2024-06-01T09:00', outcome: 'attended' },
];

const rate = (dnas: number, n: number): number => Math.fround((dnas + 0.08 * 2) / (n + 2));

function history(m: Parameters<typeof rowOf>[0], id: string): number[] {
  const row = rowOf(m, id);
  return HISTORY.map((c) => row[c]);
}

describe('patient history', () => {
  let ws: Workspace;
  let pipeline: FeaturePipeline;

  beforeEach(async () => {
    ws = await memoryWorkspace();
    await insertAppointments(ws, 'h', TIMELINE);
    pipeline = await fitPipeline(ws, 'h', selectFeatures(defaultFeatureSpec(), HISTORY));
  });
  afterEach(() => ws.close());

  it('counts only outcomes strictly before each training appointment', async () => {
    const m = await buildMatrix(ws, 'h', pipeline, { rows: 'training' });
    expect(m.columns).toEqual(HISTORY);
    expect(m.appointmentIds).toEqual(['b1', 'a1', 'a2', 'a3', 'a6', 'b2', 'a7']);
    expect(Array.from(m.y ?? [])).toEqual([1, 0, 1, 0, 1, 0, 0]);
    //                         prior dnas rate         days  pc hc last year
    expect(history(m, 'a1')).toEqual([0, 0, rate(0, 0), -1, 0, 0, 0]);
    // a2 and a3 share a minute: neither sees the other's outcome.
    expect(history(m, 'a2')).toEqual([1, 0, rate(0, 1), -1, 0, 0, 1]);
    expect(history(m, 'a3')).toEqual([1, 0, rate(0, 1), -1, 0, 0, 1]);
    // 2024-02-01 to 2024-04-01 is 60 days (leap February).
    expect(history(m, 'a6')).toEqual([3, 1, rate(1, 3), 60, 1, 1, 3]);
    // The year before 2025-03-01T09:00 starts 2024-03-01T09:00: only a6 is in it; the unknown a10 counts for nothing.
    expect(history(m, 'a7')).toEqual([4, 2, rate(2, 4), 334, 1, 1, 1]);
    expect(history(m, 'b2')).toEqual([1, 1, rate(1, 1), 152, 0, 0, 1]);
  });

  it('gives upcoming appointments only what was known at asOf, never other upcoming outcomes', async () => {
    const m = await buildMatrix(ws, 'h', pipeline, { rows: 'upcoming', asOf: '2025-05-01' });
    expect(m.appointmentIds).toEqual(['a8', 'a9']);
    expect(m.y).toBeNull();
    // Year before asOf: [2024-05-01, 2025-05-01) holds a7 only.
    expect(history(m, 'a8')).toEqual([5, 2, rate(2, 5), 426, 1, 1, 1]);
    expect(history(m, 'a9')).toEqual([5, 2, rate(2, 5), 433, 1, 1, 1]);
  });

  it('cuts history at asOf when that is before outcomes already in the workspace', async () => {
    const m = await buildMatrix(ws, 'h', pipeline, { rows: 'all', asOf: '2025-02-01T00:00' });
    expect(m.rows).toBe(TIMELINE.length);
    // a7 (2025-03-01, attended) happened after asOf, so neither a7 itself nor a8 sees it.
    // 365 days before 2025-02-01 is 2024-02-02 (leap year): of a2, a3 and a6 only a6 is in that year.
    expect(history(m, 'a8')).toEqual([4, 2, rate(2, 4), 426, 1, 1, 1]);
    expect(history(m, 'a7')).toEqual([4, 2, rate(2, 4), 334, 1, 1, 1]);
    // Rows before asOf are unaffected by it.
    expect(history(m, 'a6')).toEqual([3, 1, rate(1, 3), 60, 1, 1, 3]);
  });

  it('without asOf lets an upcoming appointment see every recorded outcome before it', async () => {
    const m = await buildMatrix(ws, 'h', pipeline, { rows: 'upcoming' });
    // a9 does not see a8, which has no outcome yet; the year before a9 is [2024-06-08T10:00, ...): a7 only.
    expect(history(m, 'a9')).toEqual([5, 2, rate(2, 5), 433, 1, 1, 1]);
  });
});
