import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppHost, type AppHost } from './helpers/app-host.ts';
import { openPage, type WatchedPage } from './helpers/browser.ts';
import { lowContrastText } from './helpers/contrast.ts';
import { focused, tabTo } from './helpers/keyboard.ts';

// The whole journey with the keyboard alone: Tab, Shift+Tab, Enter, Space and arrow keys.
describe('main flow by keyboard only', () => {
  let app: AppHost;
  let w: WatchedPage;

  beforeAll(async () => {
    app = await startAppHost(20_000, 11);
    w = await openPage(app.host.url);
    await w.page.getByRole('heading', { level: 1, name: 'Data' }).waitFor();
  });
  afterAll(async () => {
    await w?.close();
    await app?.close();
  });

  it('imports, trains, evaluates, scores and exports without a mouse', async () => {
    const { page } = w;
    const kb = page.keyboard;

    // The first Tab reaches the skip link, which is then shown and moves focus to the content.
    await kb.press('Tab');
    expect((await focused(page)).name).toBe('Skip to main content');
    const box = await page.getByRole('link', { name: 'Skip to main content' }).boundingBox();
    expect(box && box.x >= 0 && box.width > 0).toBe(true);
    await kb.press('Enter');
    expect((await focused(page)).tag).toBe('main');

    await tabTo(page, 'Import an extract');
    await kb.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();
    await tabTo(page, 'Extract file');
    const chooser = page.waitForEvent('filechooser');
    await kb.press('Space');
    await (await chooser).setFiles(app.extract);
    await page.getByRole('heading', { name: '2. Check the columns' }).waitFor();
    await tabTo(page, 'Import clinic-extract.csv');
    await kb.press('Enter');
    await page.getByRole('heading', { name: 'Import report' }).waitFor({ timeout: 60_000 });
    await tabTo(page, 'View the profile of clinic-extract');
    await kb.press('Enter');
    await page.getByRole('heading', { name: 'DNA rate by month' }).waitFor();

    // Back up from the content into the navigation.
    await tabTo(page, 'Train and compare', { back: true });
    await kb.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Train and compare' }).waitFor();
    await tabTo(page, 'Trees (most)');
    await kb.press('Control+A');
    await kb.type('80');
    await tabTo(page, 'Maximum depth');
    await kb.press('ArrowDown');
    expect(await page.getByLabel('Maximum depth').inputValue()).toBe('4');
    await tabTo(page, 'Train model');
    await kb.press('Enter');
    await page.getByText('Run finished').waitFor({ timeout: 90_000 });
    const [run] = await app.api('runs.list', { dataset: 'clinic-extract' });
    expect((run.params as { trees: number; maxDepth: number }).trees).toBe(80);
    expect((run.params as { trees: number; maxDepth: number }).maxDepth).toBe(4);
    await tabTo(page, 'Evaluate this run');
    await kb.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Evaluate' }).waitFor();
    await page.locator('dl[aria-label="Headline metrics"]').waitFor();

    await tabTo(page, 'Show as table: ROC curve');
    await kb.press('Enter');
    await page.getByRole('table', { name: /^ROC curve of/ }).waitFor();
    await tabTo(page, 'Call appointments with a risk of at least');
    await kb.press('ArrowRight');
    await kb.press('ArrowRight');
    await page.getByRole('table', { name: 'Outcomes at a threshold of 21%' }).waitFor();
    await tabTo(page, 'Threshold in percent');
    await kb.press('Control+A');
    await kb.type('12.5');
    await page.getByRole('table', { name: 'Outcomes at a threshold of 12.5%' }).waitFor();
    await w.screenshot('08-keyboard-threshold');

    await tabTo(page, 'Risk list', { back: true, max: 120 });
    await kb.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Risk list' }).waitFor();
    await tabTo(page, 'Score upcoming appointments');
    await kb.press('Enter');
    const region = page.getByRole('region', { name: 'Upcoming appointments by risk (scrollable)' });
    await region.waitFor({ timeout: 60_000 });
    const list = await app.api('risk.list', { runId: run.id });
    await tabTo(page, /^Risk ?[▼▲↕]?$/);
    await kb.press('Enter');
    const rendered = region.locator('tbody tr[aria-rowindex]');
    const lowest = [...list.rows].sort((a, b) => a.probability - b.probability)[0];
    await expect.poll(() => rendered.first().innerText()).toContain(lowest.appointmentId);
    await tabTo(page, 'Upcoming appointments by risk (scrollable)');
    await kb.press('End');
    await expect.poll(() => rendered.last().getAttribute('aria-rowindex')).toBe(String(list.rows.length + 1));

    await tabTo(page, 'Download call list (CSV)');
    const download = page.waitForEvent('download');
    await kb.press('Enter');
    const csv = await readFile(await (await download).path(), 'utf8');
    expect(csv.split('\r\n')).toHaveLength(list.rows.length + 2);
    await page.getByText('Call list downloaded').waitFor();
    await w.screenshot('09-keyboard-export');

    // The Models screen: export the run as a bundle by keyboard.
    await tabTo(page, 'Models', { back: true, max: 120 });
    await kb.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Models' }).waitFor();
    await tabTo(page, "Sign the bundle with this workspace's key");
    await kb.press('Space');
    expect(await page.getByLabel("Sign the bundle with this workspace's key").isChecked()).toBe(false);
    await tabTo(page, 'Folder');
    await kb.type(app.dir);
    await tabTo(page, 'Export bundle');
    await kb.press('Enter');
    await page.getByText('Bundle written').waitFor({ timeout: 60_000 });
    // Focus moved to the result, so the next Tab continues from there.
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Bundle written');
    expect(existsSync(join(app.dir, 'attend-model-clinic-extract-1.0.0.zip'))).toBe(true);
    expect(await page.locator('.notice').filter({ hasText: 'Bundle written' }).innerText()).toContain('Unsigned');
  });

  it('has AA text contrast on every screen', async () => {
    const { page } = w;
    for (const screen of ['data', 'import', 'train', 'evaluate', 'risk', 'models']) {
      await page.evaluate((s) => (window.location.hash = `#/${s}`), screen);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForTimeout(300);
      expect(await lowContrastText(page), `low contrast on ${screen}`).toEqual([]);
    }
  });

  it('labels every form control on every screen', async () => {
    const { page } = w;
    for (const screen of ['data', 'import', 'train', 'evaluate', 'risk', 'models']) {
      await page.evaluate((s) => (window.location.hash = `#/${s}`), screen);
      await page.waitForTimeout(300);
      const unlabelled = await page.evaluate(() =>
        [...document.querySelectorAll('input, select, textarea, button')]
          .filter((el) => {
            const e = el as HTMLInputElement;
            const name = e.getAttribute('aria-label') ?? (e.labels && e.labels.length > 0 ? e.labels[0].textContent : e.tagName === 'BUTTON' ? e.textContent : '');
            return !name || name.trim() === '';
          })
          .map((el) => el.outerHTML.slice(0, 120)),
      );
      expect(unlabelled, `unlabelled controls on ${screen}`).toEqual([]);
    }
  });

  it('logged no console errors and no failed requests', () => {
    expect(w.problems).toEqual([]);
  });
});
