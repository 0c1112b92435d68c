import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importExtract } from '../../core/import/index.ts';
import { headerOf } from '../../core/import/header.ts';
import { detectMapping } from '../../core/import/mapping.ts';
import { runProducer } from '../../core/import/run-producer.ts';
import { readHead } from '../../core/import/sniff.ts';
import { openWorkspace } from '../../core/workspace/index.ts';
import { DEMO_HEADER, syntheticLine } from './helpers/big-extract.ts';
import { fixture, tempDir } from './helpers/workspace.ts';

/** 2100 rows: line 1500 repeats line 10's id (a batch earlier), 2050 repeats 1200's; 1499 warns, 1501 is rejected. */
function writeCrossBatchExtract(): string {
  const lines = [DEMO_HEADER];
  for (let i = 1; i <= 2100; i++) {
    const cells = syntheticLine(i, 400).split(',');
    if (i === 1500) cells[0] = 'APT00000010';
    if (i === 2050) cells[0] = 'APT00001200';
    if (i === 1499) cells[13] = '01/01/2030';
    if (i === 1501) cells[17] = 'Q';
    lines.push(cells.join(','));
  }
  const file = join(tempDir(), 'cross-batch.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

describe('batches from the import worker', () => {
  it('log issues in row order with duplicate warnings where the repeat was met, and let the later row win across batches', async () => {
    const file = writeCrossBatchExtract();
    for (const chunkBytes of [undefined, 4096]) {
      const ws = await openWorkspace(':memory:');
      const r = await importExtract(ws, file, { chunkBytes });
      expect([r.rowsRead, r.rowsImported, r.rowsRejected, r.issueCount]).toEqual([2100, 2097, 1, 4]);
      expect(await ws.db.all('SELECT row, severity, message FROM import_issues ORDER BY rowid')).toEqual([
        { row: 1499, severity: 'warning', message: 'booked date 2030-01-01 is after the appointment date 2024-06-16; left blank' },
        { row: 10, severity: 'warning', message: 'duplicate appointment id APT00000010, also at row 1500; the later row wins' },
        { row: 1501, severity: 'error', message: "unknown attendance code 'Q'" },
        { row: 1200, severity: 'warning', message: 'duplicate appointment id APT00001200, also at row 2050; the later row wins' },
      ]);
      expect(r.issues.map((i) => i.row)).toEqual([10, 1200, 1499, 1501]);
      expect(
        await ws.db.all("SELECT appointment_id, clinic_code FROM appointments WHERE appointment_id IN ('APT00000010', 'APT00001200') ORDER BY 1"),
      ).toEqual([
        { appointment_id: 'APT00000010', clinic_code: 'CLN100' },
        { appointment_id: 'APT00001200', clinic_code: 'CLN50' },
      ]);
      await ws.close();
    }
  });

  it('carry appointment ids that hold a newline', async () => {
    const line = (i: number) => ['"AP', 'T1"', ...syntheticLine(i, 10).split(',').slice(1)].join(',').replace('"AP,T1"', '"AP\nT1"');
    const file = join(tempDir(), 'newline-id.csv');
    writeFileSync(file, [DEMO_HEADER, line(1), line(2)].join('\n') + '\n');
    const ws = await openWorkspace(':memory:');
    const r = await importExtract(ws, file);
    expect([r.rowsRead, r.rowsImported, r.rowsRejected]).toEqual([2, 1, 0]);
    expect(r.issues).toEqual([
      { row: 1, column: 'Appointment ID', severity: 'warning', message: 'duplicate appointment id AP\nT1, also at row 2; the later row wins' },
    ]);
    expect(await ws.db.all('SELECT appointment_id, clinic_code FROM appointments')).toEqual([{ appointment_id: 'AP\nT1', clinic_code: 'CLN2' }]);
    await ws.close();
  });

  it('wait, without exiting, for a consumer that holds batches back', async () => {
    const file = join(tempDir(), 'slow-consumer.csv');
    writeFileSync(file, [DEMO_HEADER, ...Array.from({ length: 3000 }, (_, i) => syntheticLine(i + 1, 100))].join('\n') + '\n');
    const head = await readHead(file, {});
    const headers = headerOf(file, head);
    let rows = 0;
    let batches = 0;
    const done = await runProducer(
      {
        file,
        encoding: head.encoding,
        strictUtf8: true,
        delimiter: head.delimiter,
        chunkBytes: 4096,
        headers,
        resolved: detectMapping(headers, {}),
        mapping: {},
        key: new Uint8Array(32),
        batchRows: 256,
        maxAhead: 1,
      },
      {
        // The worker, a batch ahead, waits with its stream paused and nothing else pending.
        onBatch: (batch) => {
          batches++;
          rows += batch.idRows.length;
          return batches <= 2 ? new Promise((resolve) => setTimeout(resolve, 300)) : undefined;
        },
      },
    );
    expect([done.rowsRead, done.rowsRejected, rows]).toEqual([3000, 0, 3000]);
    expect(batches).toBeGreaterThanOrEqual(12);
  });

  it('reject when the worker fails or the import is cancelled', async () => {
    const file = fixture('refresh-week1.csv');
    const head = await readHead(file, {});
    const headers = headerOf(file, head);
    const input = {
      file: join(tempDir(), 'gone.csv'),
      encoding: head.encoding,
      strictUtf8: true,
      delimiter: head.delimiter,
      chunkBytes: 1024,
      headers,
      resolved: detectMapping(headers, {}),
      mapping: {},
      key: new Uint8Array(32),
      batchRows: 1024,
      maxAhead: 4,
    };
    await expect(runProducer(input, { onBatch: () => undefined })).rejects.toThrow(/^ENOENT: no such file or directory/);

    const controller = new AbortController();
    const cancelled = runProducer({ ...input, file }, { onBatch: () => controller.abort(), signal: controller.signal });
    await expect(cancelled).rejects.toThrow('import cancelled');
    await expect(runProducer({ ...input, file }, { onBatch: () => Promise.reject(new Error('disk full')) })).rejects.toThrow('disk full');
  });
});
