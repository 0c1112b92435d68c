import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workspace } from '../../core/workspace/index.ts';
import { buildMatrix, fitPipeline, parsePipeline, type FeatureSpec } from '../../core/features/index.ts';
import { insertAppointments, memoryWorkspace, rowOf, type Appt } from './helpers/appointments.ts';

const SPEC: FeatureSpec = {
  version: 1,
  features: [
    { name: 'lead_days', kind: 'leadTime' },
    { name: 'weekday', kind: 'calendar', part: 'weekday' },
    { name: 'hour', kind: 'calendar', part: 'hour' },
    { name: 'month', kind: 'calendar', part: 'month' },
    { name: 'follow_up', kind: 'attendanceType', part: 'followUp' },
    { name: 'remote', kind: 'attendanceType', part: 'remote' },
    { name: 'clinic', kind: 'category', column: 'clinic_code', minCount: 2, maxLevels: 2 },
    { name: 'medium', kind: 'category', column: 'medium', minCount: 1, maxLevels: 5, encoding: 'onehot' },
    { name: 'age', kind: 'number', column: 'age_years', min: 0, max: 120 },
    { name: 'age_band', kind: 'ageBand' },
    { name: 'ethnic_group', kind: 'ethnicGroup' },
    { name: 'imd_decile', kind: 'number', column: 'imd_decile', min: 1, max: 10 },
  ],
};

// Clinic counts among attended/DNA rows before 2024-06-01: C2 x3, C1 x2, C3 x2, C4 x1.
// C1 and C3 tie at 2 and sort by code; maxLevels 2 keeps C2 and C1; C3 (and C4, below
// minCount) become other = 2. C9 appears only among cancellations, C8 only after the cut.
const APPTS: Appt[] = [
  { id: 'r1', patient: 'p1', at: '2024-01-10T09:00', outcome: 'attended', booked: '2023-12-01', clinic: 'C2', first: '1', medium: 'face_to_face' },
  { id: 'r2', patient: 'p2', at: '2024-01-13T14:15', outcome: 'dna', booked: null, clinic: 'C2', first: '2', medium: 'telephone', age: null },
  { id: 'r3', patient: 'p3', at: '2024-02-29T00:00', outcome: 'attended', booked: '2024-03-05', clinic: ' C2 ', first: '3', medium: 'video', age: 16, ethnic: 'H', imd: null },
  { id: 'r4', patient: 'p4', at: '2024-03-01T17:45', outcome: 'attended', clinic: 'C1', first: '4', medium: 'telephone', age: 75, ethnic: 'Z' },
  { id: 'r5', patient: 'p5', at: '2024-03-02T08:30', outcome: 'dna', clinic: 'C1', first: '5', medium: null, age: 121, ethnic: null, imd: 1 },
  { id: 'r6', patient: 'p6', at: '2024-04-01T10:00', outcome: 'attended', clinic: 'C3', first: null, ethnic: 'M', imd: 10 },
  { id: 'r7', patient: 'p7', at: '2024-04-02T10:00', outcome: 'attended', clinic: 'C3', ethnic: 'R' },
  { id: 'r8', patient: 'p8', at: '2024-04-03T10:00', outcome: 'attended', clinic: 'C4', ethnic: 'D' },
  { id: 'c1', patient: 'p9', at: '2024-04-04T10:00', outcome: 'patient_cancelled', clinic: 'C9' },
  { id: 'c2', patient: 'p9', at: '2024-04-05T10:00', outcome: 'patient_cancelled', clinic: 'C9' },
  { id: 'c3', patient: 'p9', at: '2024-04-06T10:00', outcome: 'hospital_cancelled', clinic: 'C9' },
  { id: 'late1', patient: 'p10', at: '2024-07-01T10:00', outcome: 'attended', clinic: 'C8' },
  { id: 'late2', patient: 'p10', at: '2024-07-02T10:00', outcome: 'attended', clinic: 'C8' },
  { id: 'late3', patient: 'p10', at: '2024-07-03T10:00', outcome: 'dna', clinic: 'C8' },
  { id: 'blank', patient: 'p11', at: '2024-05-01T10:00', outcome: 'attended', clinic: '  ', medium: 'other' },
];

describe('feature encoding', () => {
  let ws: Workspace;

  beforeEach(async () => {
    ws = await memoryWorkspace();
    await insertAppointments(ws, 'e', APPTS);
  });
  afterEach(() => ws.close());

  it('learns category levels from training rows before the cut, most frequent first', async () => {
    const p = await fitPipeline(ws, 'e', SPEC, { before: '2024-06-01' });
    // C3 and C4 (3 of the 8 fitting rows with a clinic) are pooled as other.
    expect(p.categories.clinic).toEqual({ column: 'clinic_code', levels: ['C2', 'C1'], otherShare: 0.375 });
    expect(p.categories.medium).toEqual({ column: 'medium', levels: ['face_to_face', 'telephone', 'other', 'video'], otherShare: 0 });
    expect(p.fittedOn).toEqual({ dataset: 'e', before: '2024-06-01', rows: 9 });
    expect(p.columns).toEqual([
      'lead_days', 'weekday', 'hour', 'month', 'follow_up', 'remote', 'clinic',
      'medium=face_to_face', 'medium=telephone', 'medium=other', 'medium=video', 'medium=(other)',
      'age', 'age_band', 'ethnic_group', 'imd_decile',
    ]);
    const all = await fitPipeline(ws, 'e', SPEC);
    expect(all.categories.clinic.levels).toEqual(['C2', 'C8']);
  });

  it('encodes every kind with exact values and -1 for missing', async () => {
    const p = await fitPipeline(ws, 'e', SPEC, { before: '2024-06-01' });
    const m = await buildMatrix(ws, 'e', p, { rows: 'all' });
    expect(m.rows).toBe(APPTS.length);
    const v = (id: string): number[] => Object.values(rowOf(m, id));
    // lead, weekday, hour, month, follow-up, remote, clinic, medium x5, age, band, ethnic, imd
    // 2024-01-10 is a Wednesday (2); booked 40 days before.
    expect(v('r1')).toEqual([40, 2, 9, 1, 0, 0, 0, 1, 0, 0, 0, 0, 40, 3, 0, 5]);
    expect(v('r2')).toEqual([-1, 5, 14.25, 1, 1, 0, 0, 0, 1, 0, 0, 0, -1, -1, 0, 5]);
    // Booked after the appointment clamps to 0; 00:00 is an unknown time; ' C2 ' is C2.
    expect(v('r3')).toEqual([0, 3, -1, 2, 0, 1, 0, 0, 0, 0, 1, 0, 16, 1, 2, -1]);
    expect(v('r4')).toEqual([0, 4, 17.75, 3, 1, 1, 1, 0, 1, 0, 0, 0, 75, 6, 5, 5]);
    // First attendance 5 (administrative) is neither; blank medium is missing; age 121 is implausible.
    expect(v('r5')).toEqual([0, 5, 8.5, 3, -1, -1, 1, -1, -1, -1, -1, -1, -1, -1, 5, 1]);
    expect(v('r6')).toEqual([0, 0, 10, 4, -1, -1, 2, 1, 0, 0, 0, 0, 40, 3, 3, 10]);
    expect(v('r7').slice(6, 7).concat(v('r7').slice(14, 15))).toEqual([2, 4]);
    expect(v('r8').slice(6, 7).concat(v('r8').slice(14, 15))).toEqual([2, 1]);
    // Seen only in non-training rows or after the cut: other. Blank clinic: missing.
    expect(rowOf(m, 'c1').clinic).toBe(2);
    expect(rowOf(m, 'late1').clinic).toBe(2);
    expect(rowOf(m, 'blank').clinic).toBe(-1);
    expect(rowOf(m, 'blank')['medium=other']).toBe(1);
  });

  it('returns labels, ids in time order and subgroup codes', async () => {
    const p = await fitPipeline(ws, 'e', SPEC, { before: '2024-06-01' });
    const m = await buildMatrix(ws, 'e', p);
    expect(m.appointmentIds).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'blank', 'late1', 'late2', 'late3']);
    expect(Array.from(m.y ?? [])).toEqual([0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1]);
    expect(m.appointmentDay[0]).toBe(19732); // 2024-01-10
    expect(m.appointmentMinute[1]).toBe(19735 * 1440 + 14 * 60 + 15);
    // Patient codes follow the sorted keys p1, p10, p11, p2, ...: stable whatever the storage order.
    expect(Array.from(m.patientKeys)).toEqual([0, 3, 4, 5, 6, 7, 8, 9, 2, 1, 1, 1]);
    expect(Array.from(m.subgroups.ageBand.slice(0, 5))).toEqual([3, 7, 1, 6, 7]);
    expect(Array.from(m.subgroups.ethnicGroup.slice(0, 8))).toEqual([0, 0, 2, 5, 5, 3, 4, 1]);
    expect(Array.from(m.subgroups.deprivationQuintile.slice(2, 6))).toEqual([5, 2, 0, 4]);
    expect(Array.from(m.subgroups.medium.slice(0, 5))).toEqual([0, 1, 2, 1, 4]);
    expect(Array.from(m.subgroups.sex.slice(0, 2))).toEqual([0, 0]);
    expect(m.subgroupLabels.ageBand).toEqual(['0-15', '16-17', '18-29', '30-44', '45-64', '65-74', '75+', 'unknown']);
    expect(m.subgroupLabels.specialty).toEqual(['Cardiology', 'unknown']);
    expect(Array.from(m.subgroups.specialty.slice(0, 2))).toEqual([0, 0]);
  });

  it('scores with the stored pipeline exactly as it trained, after a JSON round trip', async () => {
    const p = await fitPipeline(ws, 'e', SPEC, { before: '2024-06-01' });
    const stored = parsePipeline(JSON.parse(JSON.stringify(p)));
    const a = await buildMatrix(ws, 'e', p, { rows: 'all' });
    const b = await buildMatrix(ws, 'e', stored, { rows: 'all' });
    expect(Array.from(b.x)).toEqual(Array.from(a.x));
    expect(() => parsePipeline({ ...stored, specHash: '0'.repeat(64) })).toThrow(/specHash "0{64}" does not match the spec/);
    expect(() => parsePipeline({ ...stored, categories: {} })).toThrow(/categories\["clinic"\] must be/);
  });

  it('names the dataset and cut when there is nothing to learn from', async () => {
    await expect(fitPipeline(ws, 'e', SPEC, { before: '2020-01-01' })).rejects.toThrow(
      'dataset "e" has no attended or DNA appointments before 2020-01-01 to learn the features from',
    );
    await expect(fitPipeline(ws, 'nope', SPEC)).rejects.toThrow(/unknown dataset "nope"/);
    await expect(fitPipeline(ws, 'e', SPEC, { before: '2024-13-01' })).rejects.toThrow(
      'before must be a date yyyy-mm-dd or date-time yyyy-mm-ddThh:mm, got "2024-13-01"',
    );
  });
});
