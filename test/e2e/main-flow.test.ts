import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_FILES } from '../../core/bundle/index.ts';
import { confusionAt } from '../../renderer/src/analysis/threshold.ts';
import { storedMetrics } from '../../renderer/src/api/run-metrics.ts';
import { startAppHost, type AppHost } from './helpers/app-host.ts';
import { openPage, type WatchedPage } from './helpers/browser.ts';
import { lowContrastText } from './helpers/contrast.ts';

const whole = new Intl.NumberFormat('en-GB');

// One browser session walks the whole analyst journey; the steps share its state in order.
describe('main flow in the browser mode', () => {
  let app: AppHost;
  let w: WatchedPage;
  let firstRunId = '';
  let bundleZip = '';

  beforeAll(async () => {
    app = await startAppHost(20_000, 7);
    w = await openPage(app.host.url);
  });
  afterAll(async () => {
    await w?.close();
    await app?.close();
  });

  it('opens on an empty workspace and takes the token out of the address bar', async () => {
    const { page } = w;
    await page.getByRole('heading', { level: 1, name: 'Data' }).waitFor();
    await page.getByText('This workspace has no datasets.').waitFor();
    expect(page.url()).not.toContain('token=');
    await w.screenshot('01-empty-workspace');
  });

  it('imports the extract and shows its profile', async () => {
    const { page } = w;
    await page.getByRole('link', { name: 'Import' }).click();
    await page.getByLabel('Extract file').setInputFiles(app.extract);
    await page.getByRole('heading', { name: '2. Check the columns' }).waitFor();
    await w.screenshot('02-import-preview');
    await page.getByRole('button', { name: 'Import clinic-extract.csv' }).click();
    await page.getByRole('heading', { name: 'Import report' }).waitFor({ timeout: 60_000 });
    const [dataset] = await app.api('datasets.list', {});
    expect(dataset.name).toBe('clinic-extract');
    await page.getByRole('button', { name: 'View the profile of clinic-extract' }).click();

    const figures = page.getByRole('definition');
    await page.getByRole('heading', { name: 'DNA rate by month' }).waitFor();
    const profile = await app.api('dataset.profile', { dataset: 'clinic-extract' });
    expect(await figures.first().innerText()).toBe(whole.format(profile.rows));
    await w.screenshot('03-data-profile');
  });

  it('trains one model and a small grid, ranks them beside the baselines and keeps a journal', async () => {
    const { page } = w;
    await page.getByRole('link', { name: 'Train and compare' }).click();
    await page.getByRole('heading', { level: 1, name: 'Train and compare' }).waitFor();
    await page.getByLabel('Trees (most)').fill('120');
    await page.getByLabel('Note (optional)').fill('first model');
    // Record every progress text the page shows while the run trains (progress events over SSE).
    await page.evaluate(`(() => {
      window.__progressTexts = [];
      new MutationObserver(() => {
        const label = document.querySelector('.progress label');
        if (label) window.__progressTexts.push(label.textContent);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    })()`);
    await page.getByRole('button', { name: 'Train model' }).click();
    await page.getByText('Run finished').waitFor({ timeout: 90_000 });
    const shown = (await page.evaluate('window.__progressTexts')) as string[];
    expect(shown.some((t) => /^Training – tree \d+ of 120/.test(t))).toBe(true);
    const runs = await app.api('runs.list', { dataset: 'clinic-extract' });
    expect(runs).toHaveLength(1);
    firstRunId = runs[0].id;
    expect(runs[0].note).toBe('first model');
    const board = page.getByRole('table', { name: 'Leaderboard of the runs of this dataset' });
    await expect.poll(() => board.locator('tbody tr').count()).toBe(3);
    await expect.poll(() => board.locator('tbody tr').first().innerText()).toContain(firstRunId);

    await page.getByLabel('A small grid (every depth with every learning rate)').check();
    await page.getByLabel('Depths to try').fill('3');
    await page.getByLabel('Learning rates to try').fill('0.1, 0.3');
    await page.getByLabel('Note (optional)').fill('');
    await page.getByRole('button', { name: 'Train 2 models' }).click();
    const comparison = page.getByRole('table', { name: 'Leaderboard of the latest comparison' });
    await comparison.waitFor({ timeout: 90_000 });
    expect(await comparison.locator('tbody tr').count()).toBe(4);
    expect(await comparison.locator('tbody tr').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('baseline: prior DNA rate'), expect.stringContaining('maxDepth 3, eta 0.3')]),
    );

    const journal = page.getByRole('table', { name: 'Runs of this dataset, newest first' });
    await expect.poll(() => journal.locator('tbody tr').count()).toBe(3);
    await page.getByRole('button', { name: `Edit note of ${firstRunId}` }).click();
    await page.getByLabel(`Note of ${firstRunId}`).fill('first model, 120 trees at most');
    await page.getByRole('button', { name: 'Save note' }).click();
    await journal.getByText('first model, 120 trees at most').waitFor();
    expect((await app.api('runs.get', { runId: firstRunId })).note).toBe('first model, 120 trees at most');

    const all = await app.api('runs.list', { dataset: 'clinic-extract' });
    const toArchive = all.find((r) => r.note === 'compare: maxDepth 3, eta 0.3');
    expect(toArchive).toBeDefined();
    await page.getByRole('button', { name: `Archive ${toArchive?.id}` }).click();
    await expect.poll(() => journal.locator('tbody tr').count()).toBe(2);
    expect((await app.api('runs.list', { dataset: 'clinic-extract' })).map((r) => r.id)).not.toContain(toArchive?.id);
    await w.screenshot('04-train-and-compare');
  });

  it('evaluates the first run: AUC as stored, ROC and calibration with their numbers, threshold workload', async () => {
    const { page } = w;
    await page.getByRole('button', { name: `Evaluate ${firstRunId}` }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Evaluate' }).waitFor();
    const run = await app.api('runs.get', { runId: firstRunId });
    const m = storedMetrics(run);
    const e = m?.evaluation;
    if (!m || !e?.roc || e.auc === null || e.calibrationSlope === null || m.holdout.auc === null) throw new Error('the run has no stored evaluation');

    const headline = page.getByRole('list', { name: 'Headline metrics' }).or(page.locator('dl[aria-label="Headline metrics"]'));
    await headline.waitFor();
    const aucText = await headline.locator('dd').first().innerText();
    expect(aucText.split('\n')[0]).toBe(m.holdout.auc.toFixed(3));
    expect(e.auc).toBe(m.holdout.auc);

    await page.getByRole('button', { name: 'Show as table: ROC curve' }).click();
    const roc = page.getByRole('table', { name: /^ROC curve of/ });
    expect(await roc.locator('tbody tr').count()).toBe(e.roc.fpr.length);
    const k = Math.floor(e.roc.fpr.length / 2);
    const cells = await roc.locator('tbody tr').nth(k).locator('th, td').allInnerTexts();
    expect(cells).toEqual([(e.roc.thresholds[k] as number).toFixed(4), e.roc.fpr[k].toFixed(4), e.roc.tpr[k].toFixed(4)]);

    const calibration = page.locator('dl[aria-label="Calibration figures"] dd').first();
    expect((await calibration.innerText()).split('\n')[0]).toBe(e.calibrationSlope.toFixed(2));
    await page.getByRole('button', { name: 'Show as table: Calibration' }).click();
    expect(await page.getByRole('table', { name: /^Reliability bins of/ }).locator('tbody tr').count()).toBe(e.reliability.length);

    await page.getByLabel('Threshold in percent').fill('15');
    const expected = confusionAt(e.roc, e.n, e.events, 0.15, e.thresholds.byThreshold);
    const called = page.getByRole('table', { name: 'Outcomes at a threshold of 15%' }).getByRole('row', { name: /^Called/ });
    await expect.poll(() => called.locator('td').allInnerTexts()).toEqual(
      [expected.tp, expected.fp, expected.flagged].map((v) => (v > 0 && v < 10 ? '<10' : whole.format(v))),
    );
    const weeks = 91 / 7;
    const perWeek = expected.flagged / weeks;
    const workload = page.locator('dl[aria-label="Workload at this threshold"] dd').first();
    expect((await workload.innerText()).split('\n')[0]).toBe(perWeek >= 100 ? whole.format(Math.round(perWeek)) : perWeek.toFixed(1));

    await page.getByRole('button', { name: 'Show as chart: ROC curve' }).click();
    await page.getByRole('button', { name: 'Show as chart: Calibration' }).click();
    const second = (await app.api('runs.list', { dataset: 'clinic-extract' })).find((r) => r.id !== firstRunId);
    await page.getByLabel('Compare with (optional)').selectOption(second?.id ?? '');
    await page.getByRole('img', { name: /ROC curve; AUC .* overlaid with/ }).waitFor();
    await page.getByRole('heading', { name: 'Feature importance' }).waitFor();
    await page.getByRole('img', { name: /^Feature importance; largest:/ }).waitFor({ timeout: 60_000 });
    await w.screenshot('05-evaluate');
  });

  it('scores upcoming appointments into a windowed, sortable, filterable risk list paged from the core', async () => {
    const { page } = w;
    await page.getByRole('link', { name: 'Risk list' }).click();
    await page.getByLabel('Run').selectOption(firstRunId);
    await page.getByRole('button', { name: 'Score upcoming appointments' }).click();
    const region = page.getByRole('region', { name: 'Upcoming appointments by risk (scrollable)' });
    await region.waitFor({ timeout: 60_000 });
    // The core's own answers are the oracle: the whole list, and the view's first rows.
    const list = await app.api('risk.list', { runId: firstRunId });
    expect(list.rows.length).toBeGreaterThan(100);
    expect(list.total).toBe(list.rows.length);
    const table = region.getByRole('table');
    expect(await table.getAttribute('aria-rowcount')).toBe(String(list.total + 1));
    const rendered = table.locator('tbody tr[aria-rowindex]');
    expect(await rendered.count()).toBeLessThan(40);
    expect(await rendered.first().innerText()).toContain(list.rows[0].appointmentId);
    const figures = page.locator('dl[aria-label="Risk list figures"] dd');
    const high = list.rows.filter((r) => r.band === 'high').length;
    await expect.poll(async () => (await figures.nth(2).innerText()).split('\n')[0]).toBe(whole.format(high));
    await w.screenshot('06-risk-list');

    await region.getByRole('button', { name: /^Risk/ }).click();
    const ascending = await app.api('risk.list', { runId: firstRunId, sort: { key: 'probability', direction: 'asc' } });
    await expect.poll(() => rendered.first().innerText()).toContain(ascending.rows[0].appointmentId);
    await region.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect.poll(() => rendered.last().getAttribute('aria-rowindex')).toBe(String(list.total + 1));
    await expect.poll(() => rendered.last().innerText()).toContain(ascending.rows[ascending.rows.length - 1].appointmentId);

    // The busiest clinic, so the filtered list (and the call list below) has many rows.
    const perClinic = new Map<string, number>();
    for (const r of list.rows) if (r.clinicCode) perClinic.set(r.clinicCode, (perClinic.get(r.clinicCode) ?? 0) + 1);
    const [clinic, count] = [...perClinic].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    expect(count).toBeGreaterThan(20);
    await page.getByLabel('Clinic', { exact: true }).selectOption(clinic);
    await expect.poll(() => table.getAttribute('aria-rowcount')).toBe(String(count + 1));
    expect((await figures.first().innerText()).split('\n')[0]).toBe(whole.format(count));
  });

  it('downloads the call list of the clinic shown as CSV', async () => {
    const { page } = w;
    const clinic = (await page.getByLabel('Clinic', { exact: true }).inputValue()) as string;
    expect(clinic).not.toBe('');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download call list (CSV)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`call-list-${firstRunId}.csv`);
    const list = await app.api('risk.list', { runId: firstRunId, clinics: [clinic] });
    const lines = (await readFile(await file.path(), 'utf8')).split('\r\n');
    expect(lines[0]).toBe('appointment_id,appointment_at,clinic_code,specialty,probability,risk_band,reason_1,reason_2,reason_3');
    expect(lines).toHaveLength(list.total + 2);
    expect(lines[lines.length - 1]).toBe('');
    const first = list.rows[0];
    expect(lines[1].startsWith(`${first.appointmentId},${first.appointmentAt},${clinic},`)).toBe(true);
    expect(lines[1]).toContain(`,${first.probability.toFixed(4)},${first.band},`);
    expect(lines.slice(1, -1).every((l) => l.split(',')[2] === clinic)).toBe(true);
    await page.getByText('Call list downloaded').waitFor();
    expect(await page.locator('.notice').filter({ hasText: 'Call list downloaded' }).innerText()).toContain(`${whole.format(list.total)} appointments`);
    await w.screenshot('07-risk-export');
    await page.getByLabel('Clinic', { exact: true }).selectOption('');
  });

  it('exports a signed bundle of the first run, whose manifest lists and hashes its files', async () => {
    const { page } = w;
    await page.getByRole('link', { name: 'Models' }).click();
    await page.getByRole('heading', { level: 1, name: 'Models' }).waitFor();
    const key = await app.api('bundle.signingKey', {});
    await page.getByText(key.fingerprint).waitFor();
    await page.getByLabel('Run to export').selectOption(firstRunId);
    await page.getByLabel('Version').fill('2.1.0');
    await page.getByLabel('Folder').fill(app.dir);
    expect(await page.getByLabel('File name').inputValue()).toBe('attend-model-clinic-extract-2.1.0.zip');
    expect(await page.getByLabel("Sign the bundle with this workspace's key").isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Export bundle' }).click();
    await page.getByText('Bundle written').waitFor({ timeout: 60_000 });

    bundleZip = join(app.dir, 'attend-model-clinic-extract-2.1.0.zip');
    expect(existsSync(bundleZip)).toBe(true);
    const files = unzipSync(new Uint8Array(await readFile(bundleZip)));
    expect(Object.keys(files).sort()).toEqual([...BUNDLE_FILES].sort());
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as {
      name: string;
      version: string;
      runId: string;
      files: Record<string, { sha256: string; bytes: number }>;
      signature?: { keyFingerprint: string };
    };
    expect(Object.keys(manifest.files).sort()).toEqual(BUNDLE_FILES.filter((f) => f !== 'manifest.json').sort());
    for (const [name, entry] of Object.entries(manifest.files)) {
      expect(entry).toEqual({ sha256: createHash('sha256').update(files[name]).digest('hex'), bytes: files[name].length });
    }
    expect([manifest.name, manifest.version, manifest.runId, manifest.signature?.keyFingerprint]).toEqual([
      'Attend DNA model (clinic-extract)',
      '2.1.0',
      firstRunId,
      key.fingerprint,
    ]);
    const listed = page.getByRole('table', { name: 'Files in the bundle' });
    expect(await listed.locator('tbody tr').count()).toBe(BUNDLE_FILES.length);
    expect(await listed.getByRole('row', { name: /^model\.json/ }).innerText()).toContain(manifest.files['model.json'].sha256);
    await w.screenshot('11-models-export');
  });

  it('imports the bundle back, shows its signer and model card, validates it and ranks it beside the local runs', async () => {
    const { page } = w;
    const key = await app.api('bundle.signingKey', {});
    await page.getByLabel('Trusted key fingerprint (optional)').fill(key.fingerprint);
    await page.getByLabel('Bundle file (.zip)').setInputFiles(bundleZip);
    await page.getByRole('heading', { level: 3, name: 'Attend DNA model (clinic-extract) 2.1.0', exact: true }).waitFor({ timeout: 30_000 });
    const signature = page.locator('.notice').filter({ hasText: 'Signed by a trusted key' });
    expect(await signature.innerText()).toContain(`${key.fingerprint} (this workspace’s own key)`);
    const card = page.getByRole('region', { name: 'Model card of the bundle (scrollable)' });
    await card.getByRole('heading', { level: 4, name: 'Model card: Attend DNA model (clinic-extract) 2.1.0' }).waitFor();
    expect(await card.locator('script, img, iframe').count()).toBe(0);
    expect(await card.getByRole('table').count()).toBeGreaterThan(3);

    await page.getByLabel('Recalibrate on local outcomes').selectOption('platt');
    await page.getByRole('button', { name: 'Validate on clinic-extract' }).click();
    await page.getByRole('heading', { level: 2, name: 'External validation of Attend DNA model (clinic-extract) 2.1.0 on clinic-extract' }).waitFor({ timeout: 90_000 });

    const runs = await app.api('runs.list', { dataset: 'clinic-extract' });
    const imported = runs.find((r) => r.kind === 'bundle');
    const recalibrated = runs.find((r) => r.kind === 'bundle-recalibrated');
    if (!imported || !recalibrated) throw new Error('the validation recorded no bundle runs');
    const external = (imported.metrics as { external: { auc: number; aucCi: [number, number]; calibrationSlope: number; calibrationIntercept: number; reliability: unknown[] } }).external;
    const figures = page.locator('dl[aria-label="External validation figures"] dd');
    expect((await figures.nth(0).innerText()).split('\n')).toEqual([external.auc.toFixed(3), `95% CI ${external.aucCi[0].toFixed(3)} to ${external.aucCi[1].toFixed(3)}`]);
    expect((await figures.nth(1).innerText()).split('\n')[0]).toBe(external.calibrationSlope.toFixed(2));
    expect((await figures.nth(2).innerText()).split('\n')[0]).toBe(external.calibrationIntercept.toFixed(2));
    await page.getByRole('button', { name: 'Show as table: Calibration' }).click();
    expect(await page.getByRole('table', { name: /^Reliability bins of/ }).locator('tbody tr').count()).toBe(external.reliability.length);
    await page.getByRole('button', { name: 'Show as chart: Calibration' }).click();
    await page.getByRole('table', { name: 'Category values outside the learned levels, by feature' }).waitFor();

    const board = page.getByRole('table', { name: 'Leaderboard of clinic-extract with the imported model' });
    const marked = board.locator('tbody tr.highlight-row');
    expect(await marked.count()).toBe(2);
    expect(await marked.allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining(imported.id), expect.stringContaining(recalibrated.id)]),
    );
    expect(await marked.first().innerText()).toContain('this bundle');
    // Local runs and the baselines are ranked on the same board.
    expect(await board.locator('tbody tr').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining(firstRunId), expect.stringContaining('baseline: prior DNA rate')]));
    // Everything the import and validation added (signature, card, warnings, tags) keeps AA contrast.
    expect(await lowContrastText(page)).toEqual([]);
    await w.screenshot('12-models-validate');
  });

  it('logged no console errors and no failed requests', () => {
    expect(w.problems).toEqual([]);
  });
});
