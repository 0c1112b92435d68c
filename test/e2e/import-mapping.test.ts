import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mappingSchema, type MappingFile } from '../../core/api/index.ts';
import { startAppHost, type AppHost } from './helpers/app-host.ts';
import { openPage, type WatchedPage } from './helpers/browser.ts';
import { lowContrastText } from './helpers/contrast.ts';
import { focused } from './helpers/keyboard.ts';

const ROWS = 40;
// Headers no synonym catches, except Clinic; every fifth appointment was missed ("No").
const CSV = [
  'Visit Ref,When,Showed up?,Patient,Clinic',
  ...Array.from({ length: ROWS }, (_, i) => {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = i < 28 ? '01' : '02';
    return `V${String(i + 1).padStart(3, '0')},${day}/${month}/2025,${i % 5 === 0 ? 'No' : 'Yes'},P${String(1 + (i % 10)).padStart(2, '0')},${i % 2 === 0 ? 'CARD01' : 'DERM02'}`;
  }),
  '',
].join('\r\n');

const EXPECTED: MappingFile = {
  columns: { appointmentId: 'Visit Ref', localPatientId: 'Patient', clinicCode: null, appointmentDate: 'When', attendanceStatus: 'Showed up?' },
  outcomeValues: { Yes: 'attended', No: 'dna' },
};

// One browser session: map an unrecognised extract by hand, save the mapping, import, and load the mapping back.
describe('editing, saving and loading the column mapping', () => {
  let app: AppHost;
  let w: WatchedPage;
  let csv = '';
  let saved = '';

  beforeAll(async () => {
    app = await startAppHost(50, 3);
    csv = join(app.dir, 'weekly-extract.csv');
    await writeFile(csv, CSV);
    w = await openPage(app.host.url);
  });
  afterAll(async () => {
    await w?.close();
    await app?.close();
  });

  const select = (label: string) => w.page.getByLabel(label, { exact: true });
  const missing = () => w.page.locator('.notice').filter({ hasText: 'Required fields not found' });

  it('maps unrecognised headers by hand and the preview follows', async () => {
    const { page } = w;
    await page.getByRole('link', { name: 'Import' }).click();
    await page.getByLabel('Extract file').setInputFiles(csv);
    await page.getByRole('heading', { name: '2. Check the columns' }).waitFor();
    expect(await missing().innerText()).toContain('Choose a column for: appointment date, attendance outcome, NHS number or local patient number.');
    expect(await page.getByRole('button', { name: 'Import weekly-extract.csv' }).isDisabled()).toBe(true);
    // Detection still chose what it recognised; the rest read "(not in this file)".
    expect(await select('Clinic code').inputValue()).toBe('Clinic');
    expect(await select('Appointment date (required)').inputValue()).toBe('');
    expect(await select('Appointment date (required)').locator('option').allInnerTexts()).toEqual([
      '(not in this file)',
      'Visit Ref',
      'When',
      'Showed up?',
      'Patient',
      'Clinic',
    ]);

    await select('Appointment id').selectOption('Visit Ref');
    await select('Appointment date (required)').selectOption('When');
    await select('Attendance outcome (required)').selectOption('Showed up?');
    await select('Local patient number (this or the NHS number)').selectOption('Patient');
    await expect.poll(() => missing().count()).toBe(0);

    await page.getByText('Values in the first rows of Showed up?: No, Yes.').waitFor();
    await page.getByRole('button', { name: 'Add a value' }).click();
    // The new line's value box takes focus, ready to type.
    await expect.poll(async () => (await focused(page)).name).toBe('Value 1');
    expect((await focused(page)).visibleIndicator).toBe(true);
    await page.keyboard.type('Yes');
    await page.getByRole('button', { name: 'Add a value' }).click();
    await select('Value 2').fill('No');
    await select('Outcome of value 2').selectOption('dna');
    expect(await select('Outcome of value 1').inputValue()).toBe('attended');
    await page.getByText('Preview updated. Every required field has a column.').waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Import weekly-extract.csv' }).isEnabled()).toBe(true);
    expect(await page.locator('.notice').filter({ hasText: 'Columns not used' }).count()).toBe(0);
    expect(await lowContrastText(page)).toEqual([]);
    await w.screenshot('13-import-mapping');

    // A header the import recognises can be left out: the mapping says the file has no clinic code, and Clinic goes unused.
    await select('Clinic code').selectOption('');
    const unused = page.locator('.notice').filter({ hasText: 'Columns not used' });
    await expect.poll(() => unused.count()).toBe(1);
    expect(await unused.locator('code').allInnerTexts()).toEqual(['Clinic']);
    expect(await select('Clinic code').inputValue()).toBe('');
    await page.getByText('Preview updated. Every required field has a column.').waitFor();
  });

  it('saves the mapping as the JSON the command line takes', async () => {
    const { page } = w;
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save mapping' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('attend-mapping.json');
    saved = join(app.dir, 'attend-mapping.json');
    await file.saveAs(saved);
    const text = await readFile(saved, 'utf8');
    expect(JSON.parse(text)).toEqual(EXPECTED);
    expect(text).toBe(`${JSON.stringify(EXPECTED, null, 2)}\n`);
    expect(mappingSchema.parse(JSON.parse(text))).toEqual(EXPECTED);
    await page.getByText('Mapping saved as attend-mapping.json.').waitFor();
  });

  it('imports with the edited mapping', async () => {
    const { page } = w;
    await page.getByRole('button', { name: 'Import weekly-extract.csv' }).click();
    await page.getByRole('heading', { name: 'Import report' }).waitFor({ timeout: 60_000 });
    const figures = page.locator('dl[aria-label="Import figures"] dd');
    expect((await figures.nth(1).innerText()).split('\n')[0]).toBe(String(ROWS));
    expect((await figures.nth(2).innerText()).split('\n')[0]).toBe('0');
    expect((await figures.nth(3).innerText()).split('\n')[0]).toBe('20.0%');
    const [dataset] = await app.api('datasets.list', {});
    expect(dataset.name).toBe('weekly-extract');
  });

  it('opens the same layout again with the remembered mapping, and loads the saved file into a fresh preview', async () => {
    const { page } = w;
    await page.getByRole('button', { name: 'Import another file' }).click();
    await page.getByLabel('Extract file').setInputFiles(csv);
    await page.getByRole('heading', { name: '2. Check the columns' }).waitFor();
    await page.getByText('Mapping remembered').waitFor();
    expect(await select('Appointment date (required)').inputValue()).toBe('When');
    expect(await select('Value 1').inputValue()).toBe('Yes');
    expect(await missing().count()).toBe(0);

    await page.getByRole('button', { name: 'Use the detected columns instead' }).click();
    await expect.poll(() => missing().count()).toBe(1);
    expect(await select('Appointment date (required)').inputValue()).toBe('');
    expect(await select('Value 1').count()).toBe(0);

    // A file naming a column this extract lacks is refused, naming the field.
    const bad = join(app.dir, 'bad-mapping.json');
    await writeFile(bad, JSON.stringify({ columns: { appointmentDate: 'Appt Date' } }));
    await page.getByLabel('Load mapping').setInputFiles(bad);
    const alert = page.getByRole('alert').filter({ hasText: 'Mapping file problem' });
    expect(await alert.innerText()).toContain(
      "bad-mapping.json: columns.appointmentDate names 'Appt Date', which is not a column of this file (its columns are: Visit Ref, When, Showed up?, Patient, Clinic)",
    );
    expect(await select('Appointment date (required)').inputValue()).toBe('');

    await page.getByLabel('Load mapping').setInputFiles(saved);
    await page.getByText('Loaded attend-mapping.json: 4 columns set; the preview follows.').waitFor();
    expect(await alert.count()).toBe(0);
    const chosen = await Promise.all(
      ['Appointment id', 'Appointment date (required)', 'Attendance outcome (required)', 'Local patient number (this or the NHS number)', 'Clinic code'].map((l) =>
        select(l).inputValue(),
      ),
    );
    expect(chosen).toEqual(['Visit Ref', 'When', 'Showed up?', 'Patient', '']);
    expect(await Promise.all(['Value 1', 'Outcome of value 1', 'Value 2', 'Outcome of value 2'].map((l) => select(l).inputValue()))).toEqual([
      'Yes',
      'attended',
      'No',
      'dna',
    ]);
    await expect.poll(() => missing().count()).toBe(0);
    await page.getByText('Mapping from attend-mapping.json applied. Every required field has a column.').waitFor();
  });

  it('logged no console errors and no failed requests', () => {
    expect(w.problems).toEqual([]);
  });
});
