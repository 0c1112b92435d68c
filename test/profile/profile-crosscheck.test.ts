import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../../core/workspace/index.ts';
import { profileDataset, suppress, type DatasetProfile } from '../../core/profile/index.ts';
import { insertDataset, insertImport } from './fixture-workspace.ts';
import { insertSyntheticAppointments } from './synthetic-appointments.ts';

// The arquero group-bys must agree with plain SQL GROUP BYs written independently here.
let ws: Workspace;
let profile: DatasetProfile;
const N = 20_000;

beforeAll(async () => {
  ws = await openWorkspace(':memory:');
  const id = await insertDataset(ws.db, 'synthetic');
  const importId = await insertImport(ws.db, id, { file: 's.csv', importedAt: '2024-01-01T00:00:00Z', rowsImported: N, rowsRejected: 0 });
  await insertSyntheticAppointments(ws.db, id, importId, N);
  profile = await profileDataset(ws, 'synthetic');
});

afterAll(() => ws.close());

interface SqlGroup {
  key: string;
  n: number;
  withOutcome: number;
  dna: number;
}

async function sqlGroups(keyExpr: string): Promise<Map<string, SqlGroup>> {
  const rows = await ws.db.all<SqlGroup>(
    `SELECT ${keyExpr} AS key, count(*) AS n, sum(outcome IN ('dna','attended')) AS withOutcome, sum(outcome = 'dna') AS dna
     FROM appointments GROUP BY 1`,
  );
  return new Map(rows.map((r) => [String(r.key), r]));
}

function expectAgrees(published: DatasetProfile['byMonth'], expected: Map<string, SqlGroup>) {
  const nonEmpty = published.filter((r) => r.appointments !== 0);
  expect(nonEmpty.map((r) => r.key).sort()).toEqual([...expected.keys()].sort());
  for (const r of nonEmpty) {
    const e = expected.get(r.key)!;
    expect(r).toEqual({
      key: r.key,
      appointments: suppress(e.n),
      withOutcome: suppress(e.withOutcome),
      dna: suppress(e.dna),
      dnaRate: (e.dna === 0 || e.dna >= 10) && e.withOutcome >= 10 ? e.dna / e.withOutcome : null,
    });
  }
}

describe('profileDataset on 20,000 synthetic rows', () => {
  it('matches SQL for totals', async () => {
    const t = await ws.db.get<{ n: number; p: number }>('SELECT count(*) AS n, count(DISTINCT patient_key) AS p FROM appointments');
    expect(profile.rows).toBe(N);
    expect(profile.patients).toBe(t!.p);
    expect(profile.dateRange).toEqual({ from: '2023-01-01', to: '2024-12-30' });
  });

  it('matches SQL by month and specialty', async () => {
    expectAgrees(profile.byMonth, await sqlGroups('substr(appointment_at, 1, 7)'));
    expectAgrees(profile.bySpecialty, await sqlGroups("coalesce(specialty, 'unknown')"));
    expect(profile.bySpecialty.at(-1)?.key).toBe('unknown');
  });

  it('matches SQL by weekday, age band and deprivation', async () => {
    expectAgrees(
      profile.byWeekday,
      await sqlGroups(
        "CASE strftime('%w', appointment_at) WHEN '1' THEN 'Monday' WHEN '2' THEN 'Tuesday' WHEN '3' THEN 'Wednesday' " +
          "WHEN '4' THEN 'Thursday' WHEN '5' THEN 'Friday' WHEN '6' THEN 'Saturday' ELSE 'Sunday' END",
      ),
    );
    expectAgrees(
      profile.byAgeBand,
      await sqlGroups(
        "CASE WHEN age_years IS NULL OR age_years > 120 THEN 'unknown' WHEN age_years < 16 THEN '0-15' WHEN age_years < 18 THEN '16-17' " +
          "WHEN age_years < 30 THEN '18-29' WHEN age_years < 45 THEN '30-44' WHEN age_years < 65 THEN '45-64' " +
          "WHEN age_years < 75 THEN '65-74' ELSE '75+' END",
      ),
    );
    expectAgrees(profile.byDeprivation, await sqlGroups("coalesce(CAST(imd_decile AS TEXT), 'unknown')"));
  });
});
