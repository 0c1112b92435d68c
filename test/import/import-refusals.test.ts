import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importExtract } from '../../core/import/index.ts';
import { openWorkspace, type Workspace } from '../../core/workspace/index.ts';
import { fixture, snapshot, tempDir } from './helpers/workspace.ts';

let ws: Workspace;
let before: Record<string, unknown[]>;
beforeEach(async () => {
  ws = await openWorkspace(':memory:');
  await importExtract(ws, fixture('refresh-week1.csv'), { dataset: 'existing' });
  before = await snapshot(ws);
});
afterEach(async () => ws.close());

/** The import must throw `message` and leave the workspace exactly as it was. */
async function refused(file: string, message: string | RegExp, mapping?: Parameters<typeof importExtract>[2]) {
  await expect(importExtract(ws, file, mapping)).rejects.toThrow(message);
  expect(await snapshot(ws)).toEqual(before);
}

describe('files refused whole leave the workspace unchanged', () => {
  it('empty file', () => refused(fixture('empty.csv'), /empty\.csv is empty$/));
  it('header only', () => refused(fixture('header-only.csv'), /header-only\.csv has a header line but no data rows$/));
  it('binary garbage', () => refused(fixture('binary-garbage.csv'), /binary-garbage\.csv is not a CSV text file \(it holds binary data\)$/));
  it('a missing file', () => refused(fixture('no-such-file.csv'), /no-such-file\.csv: no such file$/));

  it('a zip/xlsx file', () => {
    const file = join(tempDir(), 'book.xlsx');
    writeFileSync(file, Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), Buffer.from('x'.repeat(100))]));
    return refused(file, /looks like an Excel workbook or zip archive, not CSV text; save it as CSV first$/);
  });

  it('required columns not mapped', () => {
    const file = join(tempDir(), 'no-date.csv');
    writeFileSync(file, 'Appointment ID,NHS Number,Outcome\nA1,9434765919,5\n');
    return refused(file, /^no appointment date column found \(looked for: Appointment Date, Appt Date, Appointment Date Time/);
  });

  it('a mapped header missing from the file', () =>
    refused(fixture('refresh-week2.csv'), "mapping file: column 'Clinic Date' (for appointmentDate) is not in the file", {
      mapping: { columns: { appointmentDate: 'Clinic Date' } },
    }));

  it('too many rejected rows, quoting the first problems', () =>
    refused(
      fixture('mostly-bad.csv'),
      "2 of 5 rows (40%) rejected, more than the 20% allowed; first problems: row 2 column Appointment Date: appointment date '31/11/2024' is not a real calendar date; row 3 column Attended or Did Not Attend: unknown attendance code 'Q'",
    ));

  it('wrong column counts above the default share', () =>
    refused(fixture('wrong-columns.csv'), /^2 of 6 rows \(33%\) rejected, more than the 20% allowed; first problems: row 3: expected 18 columns, found 17; row 5: expected 18 columns, found 19$/));

  it('a cancelled import', async () => {
    const controller = new AbortController();
    controller.abort();
    await refused(fixture('refresh-week2.csv'), 'import cancelled', { dataset: 'existing', signal: controller.signal });
  });
});
