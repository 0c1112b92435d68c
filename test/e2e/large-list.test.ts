import type { Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RiskPage, RiskRow } from '../../renderer/src/api/types.ts';
import { RISK_PAGE_SIZE } from '../../renderer/src/api/use-risk-pages.ts';
import { startAppHost, type AppHost } from './helpers/app-host.ts';
import { openPage, type WatchedPage } from './helpers/browser.ts';

const ROWS = 1_000_000;
const CLINICS = ['CARD01A', 'DERM02B', 'OPHT03C', 'PHYS04D', 'RESP05E'];
const BANDS = { high: 0.2, medium: 0.1 };

// Row i of the list: risks fall steadily with i, so highest first is i = 0, 1, 2, ...
const probability = (i: number) => 0.6 * (1 - i / ROWS);
const bandOf = (p: number): RiskRow['band'] => (p >= BANDS.high ? 'high' : p >= BANDS.medium ? 'medium' : 'low');
const idOf = (i: number) => `APT${String(i).padStart(7, '0')}`;
function rowAt(i: number): RiskRow {
  const p = probability(i);
  return {
    appointmentId: idOf(i),
    appointmentAt: `2025-11-${String(1 + (i % 28)).padStart(2, '0')}T${String(8 + (i % 9)).padStart(2, '0')}:00`,
    clinicCode: CLINICS[i % CLINICS.length],
    specialty: 'Cardiology',
    probability: p,
    band: bandOf(p),
    reasons: ['3 missed appointments before'],
  };
}

interface ListInput {
  clinics?: string[];
  bandFilter?: RiskRow['band'][];
  sort?: { key: string; direction: 'asc' | 'desc' };
  offset?: number;
  limit?: number;
}

/**
 * The core's risk.list for a million-row list, as the page sees it: filtered,
 * sorted by risk and paged. Filtered orders are kept per filter, as the core keeps its list.
 */
function stubRiskList() {
  const orders = new Map<string, { order: Int32Array; expected: number }>();
  const requests: { offset: number; limit: number | null }[] = [];
  function order(input: ListInput) {
    const key = JSON.stringify([input.clinics ?? [], input.bandFilter ?? [], input.sort ?? null]);
    let hit = orders.get(key);
    if (!hit) {
      if (input.sort && input.sort.key !== 'probability') throw new Error(`the stub sorts by probability only, not ${input.sort.key}`);
      const clinics = input.clinics?.length ? new Set(input.clinics) : null;
      const bands = input.bandFilter?.length ? new Set(input.bandFilter) : null;
      const kept: number[] = [];
      let expected = 0;
      for (let i = 0; i < ROWS; i++) {
        if ((clinics && !clinics.has(CLINICS[i % CLINICS.length])) || (bands && !bands.has(bandOf(probability(i))))) continue;
        kept.push(i);
        expected += probability(i);
      }
      if (input.sort?.direction === 'asc') kept.reverse();
      hit = { order: Int32Array.from(kept), expected };
      orders.set(key, hit);
    }
    return hit;
  }
  async function handle(route: Route) {
    const input = route.request().postDataJSON() as ListInput;
    const { order: rows, expected } = order(input);
    const offset = input.offset ?? 0;
    const end = input.limit === undefined ? rows.length : Math.min(rows.length, offset + input.limit);
    requests.push({ offset, limit: input.limit ?? null });
    const page: RiskPage = {
      runId: 'run-big',
      dataset: 'big',
      from: null,
      to: null,
      asOf: null,
      calibrated: true,
      bands: BANDS,
      rows: Array.from(rows.subarray(offset, end), rowAt),
      total: rows.length,
      offset,
      clinics: CLINICS,
      sessions: [],
      expectedDnas: expected,
    };
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: true, result: page }) });
  }
  return { handle, requests };
}

// The renderer against a list far larger than a clinic week: the API answers are
// stubbed in the page (no model needed); what is checked is that the table stays
// windowed and asks the core only for the pages it shows.
describe('a risk list of 1,000,000 appointments, paged from the core', () => {
  let app: AppHost;
  let w: WatchedPage;
  const stub = stubRiskList();

  beforeAll(async () => {
    app = await startAppHost(100, 1);
    w = await openPage('about:blank');
    const json = (body: unknown) => ({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: true, result: body }) });
    await w.page.route('**/api/datasets.list', (r) => r.fulfill(json([{ name: 'big', rows: ROWS }])));
    await w.page.route('**/api/runs.list', (r) =>
      r.fulfill(
        json([
          {
            id: 'run-big',
            dataset: 'big',
            createdAt: '2025-11-01T09:00:00.000Z',
            kind: 'xgboost',
            note: 'big list',
            params: { trees: 100, maxDepth: 5, eta: 0.05 },
            split: { kind: 'temporal', testDays: 91 },
            metrics: { holdout: { auc: 0.7, aucCi: [0.69, 0.71], brier: 0.08, logloss: 0.3, n: 1000, events: 80 } },
            trees: 100,
            calibration: { method: 'platt' },
            archived: false,
          },
        ]),
      ),
    );
    await w.page.route('**/api/risk.list', stub.handle);
    await w.page.goto(`${app.host.url}#/risk`);
  });
  afterAll(async () => {
    await w?.close();
    await app?.close();
  });

  it('draws a window of rows, fetches pages around it, sorts, filters and scrolls to the last', async () => {
    const { page } = w;
    await page.getByRole('button', { name: 'Score upcoming appointments' }).click();
    const region = page.getByRole('region', { name: 'Upcoming appointments by risk (scrollable)' });
    await region.waitFor({ timeout: 60_000 });
    const table = region.getByRole('table');
    const rendered = table.locator('tbody tr[aria-rowindex]');
    expect(await table.getAttribute('aria-rowcount')).toBe(String(ROWS + 1));
    expect(await rendered.count()).toBeLessThan(30);
    expect(await page.locator('tbody tr').count()).toBeLessThan(80);
    expect(await rendered.first().innerText()).toContain('APT0000000');
    const figures = page.locator('dl[aria-label="Risk list figures"] dd');
    expect((await figures.first().innerText()).split('\n')[0]).toBe('1,000,000');
    const high = Array.from({ length: ROWS }, (_, i) => i).filter((i) => probability(i) >= BANDS.high).length;
    await expect.poll(async () => (await figures.nth(2).innerText()).split('\n')[0]).toBe(high.toLocaleString('en-GB'));

    // Lowest risk first: row k of the view is appointment ROWS - 1 - k.
    await region.getByRole('button', { name: /^Risk/ }).click();
    await expect.poll(() => rendered.first().innerText()).toContain(idOf(ROWS - 1));

    // Half way down the (scaled) scroll bar: the rows drawn are the ones their aria-rowindex says.
    await region.evaluate((el) => (el.scrollTop = (el.scrollHeight - el.clientHeight) / 2));
    await expect.poll(async () => Number(await rendered.first().getAttribute('aria-rowindex'))).toBeGreaterThan(ROWS * 0.45);
    await expect.poll(() => table.locator('tbody tr.pending').count()).toBe(0);
    const index = Number(await rendered.nth(8).getAttribute('aria-rowindex'));
    expect(index).toBeGreaterThan(ROWS * 0.45);
    expect(index).toBeLessThan(ROWS * 0.55);
    expect(await rendered.nth(8).innerText()).toContain(idOf(ROWS - 1 - (index - 2)));
    // A turn of the mouse wheel moves on by a few rows (the scroll bar is scaled), still matching.
    await region.hover();
    await page.mouse.wheel(0, 300);
    await expect.poll(async () => Number(await rendered.nth(8).getAttribute('aria-rowindex'))).toBeGreaterThan(index);
    await expect.poll(() => table.locator('tbody tr.pending').count()).toBe(0);
    const moved = Number(await rendered.nth(8).getAttribute('aria-rowindex'));
    expect(moved - index).toBeLessThan(100);
    expect(await rendered.nth(8).innerText()).toContain(idOf(ROWS - 1 - (moved - 2)));

    await region.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect.poll(() => rendered.last().getAttribute('aria-rowindex')).toBe(String(ROWS + 1));
    await expect.poll(() => rendered.last().innerText()).toContain('APT0000000');
    expect(await rendered.count()).toBeLessThan(30);
    // The last row sits at the bottom of the box: nothing below it.
    const gap = await region.evaluate((el) => {
      const rows = el.querySelectorAll('tbody tr[aria-rowindex]');
      return el.getBoundingClientRect().bottom - rows[rows.length - 1].getBoundingClientRect().bottom;
    });
    expect(Math.abs(gap)).toBeLessThan(3);

    await page.getByLabel('Clinic', { exact: true }).selectOption('DERM02B');
    await expect.poll(() => table.getAttribute('aria-rowcount')).toBe(String(ROWS / CLINICS.length + 1));
    await page.getByLabel('Risk band').selectOption('high');
    const highDerm = Array.from({ length: ROWS }, (_, i) => i).filter((i) => i % CLINICS.length === 1 && probability(i) >= BANDS.high).length;
    await expect.poll(() => table.getAttribute('aria-rowcount')).toBe(String(highDerm + 1));
    expect((await figures.first().innerText()).split('\n')[0]).toBe(highDerm.toLocaleString('en-GB'));
    expect(await rendered.count()).toBeLessThan(30);
    await w.screenshot('10-risk-list-1m');

    // Every request asked for one page at most; all of them together moved a few thousand rows, not a million.
    expect(stub.requests.length).toBeGreaterThan(5);
    expect(stub.requests.every((r) => r.limit !== null && r.limit <= RISK_PAGE_SIZE)).toBe(true);
    expect(stub.requests.reduce((s, r) => s + (r.limit ?? 0), 0)).toBeLessThan(10_000);
  });

  it('logged no console errors and no failed requests', () => {
    expect(w.problems).toEqual([]);
  });
});
