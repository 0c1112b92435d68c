import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importExtract, type ImportProgress, type ImportReport } from '../../core/import/index.ts';
import { openWorkspace, type Workspace } from '../../core/workspace/index.ts';
import { DEMO_HEADER, syntheticLine, writeSyntheticExtract } from './helpers/big-extract.ts';
import { appointmentRows, fixture, snapshot, tempDir } from './helpers/workspace.ts';

async function importWith(file: string, chunkBytes?: number): Promise<{ report: ImportReport; rows: unknown[] }> {
  const ws = await openWorkspace(':memory:');
  const report = await importExtract(ws, file, { chunkBytes });
  const rows = await appointmentRows(ws);
  await ws.close();
  return { report, rows };
}

const comparable = (r: ImportReport) => ({ ...r, seconds: 0 });

describe('streaming', () => {
  it('gives the same result whatever the read size: characters and quoted newlines cut across chunks', async () => {
    for (const name of ['utf8-bom.csv', 'quoted-newlines.csv', 'windows-1252.csv']) {
      const whole = await importWith(fixture(name));
      for (const chunk of [1, 3, 7, 64]) {
        const cut = await importWith(fixture(name), chunk);
        expect(comparable(cut.report), `${name} in ${chunk}-byte reads`).toEqual(comparable(whole.report));
        expect(cut.rows).toEqual(whole.rows);
      }
    }
  });

  it('falls back to Windows-1252 when a non-UTF-8 byte comes after the head', async () => {
    const file = join(tempDir(), 'late.csv');
    const lines = [DEMO_HEADER];
    for (let i = 1; i <= 3000; i++) lines.push(syntheticLine(i, 500));
    const late = syntheticLine(3001, 500).replace('General Surgery', 'Chirurgie Générale £');
    const bytes = Buffer.concat([Buffer.from(lines.join('\n') + '\n', 'utf8'), Buffer.from(late + '\n', 'latin1')]);
    expect(bytes.length).toBeGreaterThan(256 * 1024);
    writeFileSync(file, bytes);
    const ws = await openWorkspace(':memory:');
    const r = await importExtract(ws, file);
    expect([r.encoding, r.rowsImported, r.rowsRejected]).toEqual(['windows-1252', 3001, 0]);
    expect(r.issues).toEqual([
      { row: null, column: null, severity: 'warning', message: expect.stringMatching(/^not valid UTF-8 \(from the block at byte \d+\); read as Windows-1252$/) },
    ]);
    expect(await ws.db.all("SELECT specialty FROM appointments WHERE appointment_id = 'APT00003001'")).toEqual([{ specialty: 'Chirurgie Générale £' }]);
    expect(await ws.db.get('SELECT count(*) AS n FROM imports')).toEqual({ n: 1 });
    await ws.close();
  });

  it('reports progress and can be cancelled mid-file, rolling everything back', async () => {
    const file = join(tempDir(), 'big.csv');
    await writeSyntheticExtract(file, 120_000);
    const ws: Workspace = await openWorkspace(':memory:');
    await importExtract(ws, fixture('refresh-week1.csv'), { dataset: 'big' });
    const before = await snapshot(ws);

    const seen: ImportProgress[] = [];
    const controller = new AbortController();
    const cancelled = importExtract(ws, file, {
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p);
        controller.abort();
      },
    });
    await expect(cancelled).rejects.toThrow('import cancelled');
    expect(seen.length).toBeGreaterThanOrEqual(1);
    expect(seen[0].rowsRead).toBeLessThan(120_000);
    expect(await snapshot(ws)).toEqual(before);

    const all: ImportProgress[] = [];
    const r = await importExtract(ws, file, { onProgress: (p) => all.push({ ...p }) });
    expect(r.rowsImported).toBe(120_000);
    const last = all[all.length - 1];
    expect(last.rowsRead).toBe(120_000);
    expect(last.bytesRead).toBe(last.totalBytes);
    for (let i = 1; i < all.length; i++) expect(all[i].rowsRead).toBeGreaterThanOrEqual(all[i - 1].rowsRead);
    expect(await ws.db.get("SELECT count(*) AS n FROM appointments a JOIN datasets d ON d.id = a.dataset_id WHERE d.name = 'big'")).toEqual({ n: 120_000 + 3 });
    await ws.close();
  });
});
