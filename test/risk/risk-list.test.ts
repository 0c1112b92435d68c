import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoExtract } from '../../core/demo/index.ts';
import { importExtract } from '../../core/import/index.ts';
import { cachedRiskList, riskList, riskView, writeRiskCsv } from '../../core/risk/index.ts';
import { trainRun } from '../../core/train/index.ts';
import { openWorkspace, type Workspace } from '../../core/workspace/index.ts';

let ws: Workspace;
let runId: string;
const dir = mkdtempSync(join(tmpdir(), 'attend-risk-'));
const csv = join(dir, 'demo.csv');

beforeAll(async () => {
  await writeDemoExtract({ out: csv, rows: 12_000, seed: 8 });
  ws = await openWorkspace(join(dir, 'ws.sqlite'));
  await importExtract(ws, csv, { dataset: 'demo' });
  runId = (await trainRun(ws, 'demo', { params: { trees: 60, maxDepth: 4, eta: 0.1 } })).runId;
});
afterAll(async () => ws.close());

describe('riskList', () => {
  it('with lazy reasons explains only the rows a page shows, with the same reasons as a full list', async () => {
    const full = await riskList(ws, runId);
    const lazy = await riskList(ws, runId, { reasons: 'lazy' });
    expect(lazy.rows.map((r) => [r.appointmentId, r.probability])).toEqual(full.rows.map((r) => [r.appointmentId, r.probability]));
    expect(lazy.rows.every((r) => r.reasons.length === 0)).toBe(true);
    const page = riskView(lazy, { offset: 10, limit: 5 });
    expect(page.rows.map((r) => r.reasons)).toEqual(full.rows.slice(10, 15).map((r) => r.reasons));
    expect(page.rows.some((r) => r.reasons.length > 0)).toBe(true);
    // Rows outside the page are still unexplained.
    expect(lazy.rows.slice(15).every((r) => r.reasons.length === 0)).toBe(true);
  });

  it('scores every upcoming appointment, highest risk first, with bands, reasons and session sums', async () => {
    const list = await riskList(ws, runId);
    const upcoming = await ws.db.get<{ n: number }>("SELECT count(*) AS n FROM appointments WHERE outcome = 'upcoming'");
    expect(list.rows.length).toBe(upcoming?.n);
    expect(list.calibrated).toBe(true);
    for (let i = 1; i < list.rows.length; i++) expect(list.rows[i - 1].probability).toBeGreaterThanOrEqual(list.rows[i].probability);
    for (const r of list.rows) {
      expect(r.probability).toBeGreaterThan(0);
      expect(r.probability).toBeLessThan(1);
      expect(r.band).toBe(r.probability >= 0.2 ? 'high' : r.probability >= 0.1 ? 'medium' : 'low');
      expect(r.reasons.length).toBeLessThanOrEqual(3);
      for (const reason of r.reasons) expect(reason).not.toMatch(/ethnic|recorded sex/);
    }
    expect(list.rows.some((r) => r.reasons.some((s) => /missed appointment|booked \d+ days ahead/.test(s)))).toBe(true);
    const sessionTotal = list.sessions.reduce((s, x) => s + x.expectedDnas, 0);
    expect(sessionTotal).toBeCloseTo(list.expectedDnas, 9);
    expect(list.sessions.reduce((s, x) => s + x.appointments, 0)).toBe(list.rows.length);
  });

  it('keeps only appointments within the dates asked for, and names a bad date', async () => {
    const all = await riskList(ws, runId);
    const from = all.rows.map((r) => r.appointmentAt.slice(0, 10)).sort()[0];
    const week = await riskList(ws, runId, { from, to: from });
    expect(week.rows.length).toBe(all.rows.filter((r) => r.appointmentAt.startsWith(from)).length);
    expect(week.rows.length).toBeGreaterThan(0);
    await expect(riskList(ws, runId, { from: '2025-02-30' })).rejects.toThrow(/from must be a date/);
    await expect(riskList(ws, runId, { from: '2025-12-01', to: '2025-11-01' })).rejects.toThrow(/after/);
  });

  it('writes a call list with the extract appointment id and no patient identifier or date of birth', async () => {
    const out = join(dir, 'risk.csv');
    const list = await riskList(ws, runId);
    expect(await writeRiskCsv(list, out)).toBe(list.rows.length);
    const text = readFileSync(out, 'utf8');
    const written = Papa.parse<Record<string, string>>(text.trim(), { header: true }).data;
    expect(Object.keys(written[0])).toEqual(['appointment_id', 'appointment_at', 'clinic_code', 'specialty', 'probability', 'risk_band', 'reason_1', 'reason_2', 'reason_3']);
    expect(written.map((r) => r.appointment_id)).toEqual(list.rows.map((r) => r.appointmentId));
    const source = Papa.parse<Record<string, string>>(readFileSync(csv, 'utf8').trim(), { header: true }).data;
    const secrets = new Set<string>();
    for (const r of source) for (const k of ['NHS Number', 'Local Patient Number', 'Date of Birth']) if (r[k]?.length >= 6) secrets.add(r[k]);
    expect(secrets.size).toBeGreaterThan(1000);
    for (const s of secrets) expect(text.includes(s), `${s} in the call list`).toBe(false);
  });

  it('reuses a cached list until the dataset is imported into again', async () => {
    const first = await cachedRiskList(ws, runId, {});
    expect(await cachedRiskList(ws, runId, {})).toBe(first);
    // A newer extract adds one upcoming appointment far ahead.
    const extra = join(dir, 'extra.csv');
    writeFileSync(extra, 'Appointment ID,Local Patient Number,Appointment Date,Attended or Did Not Attend\nNEW1,X1,01/01/2030,0\n');
    await new Promise((r) => setTimeout(r, 5));
    await importExtract(ws, extra, { dataset: 'demo' });
    const after = await cachedRiskList(ws, runId, {});
    expect(after).not.toBe(first);
    expect(after.rows.length).toBe(first.rows.length + 1);
    expect(after.rows.some((r) => r.appointmentId === 'NEW1')).toBe(true);
  });
});
