import { describe, expect, it } from 'vitest';
import { riskView, type RiskList, type RiskRow } from '../../core/risk/index.ts';

const row = (id: string, at: string, clinic: string | null, p: number): RiskRow => ({
  appointmentId: id, appointmentAt: at, clinicCode: clinic, specialty: clinic ? `spec ${clinic}` : null, probability: p,
  band: p >= 0.2 ? 'high' : p >= 0.1 ? 'medium' : 'low', reasons: [],
});
const list: RiskList = {
  runId: 'r', dataset: 'd', from: null, to: null, asOf: null, calibrated: true, bands: { high: 0.2, medium: 0.1 },
  rows: [row('a', '2026-01-02T09:00', 'C1', 0.3), row('b', '2026-01-01T14:00', 'C2', 0.05), row('c', '2026-01-03T10:00', 'C1', 0.12), row('d', '2026-01-01T09:00', null, 0.3)],
  sessions: [
    { clinicCode: 'C1', date: '2026-01-02', session: 'AM', appointments: 1, expectedDnas: 0.3 },
    { clinicCode: 'C2', date: '2026-01-01', session: 'PM', appointments: 1, expectedDnas: 0.05 },
  ],
  expectedDnas: 0.77,
};

describe('riskView', () => {
  it('sorts by probability (ties by id), pages and counts', () => {
    const v = riskView(list, { offset: 1, limit: 2 });
    expect(v.rows.map((r) => r.appointmentId)).toEqual(['d', 'c']);
    expect(v.total).toBe(4);
    expect(v.offset).toBe(1);
    expect(v.clinics).toEqual(['C1', 'C2']);
    expect(v.expectedDnas).toBeCloseTo(0.77, 12);
  });
  it('filters by clinic and band, with sessions and expected DNAs of the filtered rows', () => {
    const v = riskView(list, { clinics: ['C1'], sort: { key: 'time', direction: 'asc' } });
    expect(v.rows.map((r) => r.appointmentId)).toEqual(['a', 'c']);
    expect(v.sessions.map((s) => s.clinicCode)).toEqual(['C1']);
    expect(v.expectedDnas).toBeCloseTo(0.42, 12);
    expect(riskView(list, { bandFilter: ['high'] }).rows.map((r) => r.appointmentId)).toEqual(['a', 'd']);
    expect(riskView(list, { sort: { key: 'clinic', direction: 'desc' } }).rows.map((r) => r.appointmentId)).toEqual(['b', 'a', 'c', 'd']);
  });
});
