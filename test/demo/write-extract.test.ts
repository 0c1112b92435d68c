import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_HEADERS, EXTRACT_DATE_ISO, writeDemoExtract } from '../../core/demo/index.ts';
import { COL, dnaRate, makeTempDir, writeAndRead } from './extract-fixture.ts';

const tmp = makeTempDir();
afterAll(() => tmp.cleanup());

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('writeDemoExtract', () => {
  it('writes byte-identical files for the same rows and seed, different ones for another seed', async () => {
    const a = join(tmp.dir, 'a.csv');
    const b = join(tmp.dir, 'b.csv');
    const c = join(tmp.dir, 'c.csv');
    await writeDemoExtract({ out: a, rows: 12_345, seed: 7 });
    await writeDemoExtract({ out: b, rows: 12_345, seed: 7 });
    await writeDemoExtract({ out: c, rows: 12_345, seed: 8 });
    expect(sha256(a)).toBe(sha256(b));
    expect(sha256(a)).not.toBe(sha256(c));
  });

  it('writes the same bytes on every machine, clock and time zone (pinned hash)', async () => {
    // Changing the generator on purpose changes this hash: update it then, and say so.
    const out = join(tmp.dir, 'pinned.csv');
    const before = process.env.TZ;
    process.env.TZ = 'Pacific/Kiritimati';
    try {
      await writeDemoExtract({ out, rows: 2000, seed: 1 });
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
    expect(sha256(out)).toBe('696a6746d43020e5d847ea2b4c1466f8b78e46a4dda3bb28f444f335557a0542');
  });

  it('starts with the exact header, uses CRLF line endings and no BOM', async () => {
    const { text } = await writeAndRead(tmp.dir, 500, 1);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text.startsWith(
      'Appointment ID,NHS Number,Local Patient Number,Date of Birth,Sex,Ethnic Category,LSOA,IMD Decile,' +
        'Treatment Function Code,Specialty,Clinic Code,Appointment Date,Appointment Time,Booked Date,' +
        'First Attendance,Consultation Medium,Priority Type,Attended or Did Not Attend\r\n',
    )).toBe(true);
    expect(DEMO_HEADERS).toHaveLength(18);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(/[^\r]\n/.test(text)).toBe(false);
    expect(text.split('\r\n')).toHaveLength(502); // header + 500 rows + the empty string after the last CRLF
  });

  it.each([1, 2, 7, 4096, 4097, 9_999])('writes exactly %i data rows of 18 fields', async (n) => {
    const { rows, summary } = await writeAndRead(tmp.dir, n, 11);
    expect(rows).toHaveLength(n);
    expect(summary.rows).toBe(n);
    for (const r of rows) expect(r).toHaveLength(18);
  });

  it('reports figures that match the file', async () => {
    const { rows, summary } = await writeAndRead(tmp.dir, 20_000, 5);
    const outcome = COL['Attended or Did Not Attend'];
    const upcoming = rows.filter((r) => r[outcome] === '0' || r[outcome] === '').length;
    expect(summary.upcoming).toBe(upcoming);
    expect(summary.patients).toBe(new Set(rows.map((r) => r[COL['Local Patient Number']])).size);
    expect(summary.dnaRate).toBeCloseTo(dnaRate(rows).rate, 12);
    expect(summary.extractDate).toBe(EXTRACT_DATE_ISO);
    expect(summary.extractDate).toBe('2025-10-31');
    expect(summary.file).toBe(join(tmp.dir, 'demo-20000-5.csv'));
  });

  it('reports progress about every 50k rows, ending at the total', async () => {
    const calls: [number, number][] = [];
    await writeDemoExtract({ out: join(tmp.dir, 'p.csv'), rows: 120_000, seed: 2, onProgress: (d, t) => calls.push([d, t]) });
    expect(calls.map(([, t]) => t).every((t) => t === 120_000)).toBe(true);
    expect(calls.at(-1)).toEqual([120_000, 120_000]);
    expect(calls.length).toBe(3);
    for (let i = 1; i < calls.length; i++) expect(calls[i][0]).toBeGreaterThan(calls[i - 1][0]);
    expect(calls[0][0]).toBeGreaterThanOrEqual(50_000);
    expect(calls[0][0]).toBeLessThan(50_000 + 4096);
  });

  it('stops when cancelled and leaves no partial file', async () => {
    const out = join(tmp.dir, 'cancel.csv');
    const controller = new AbortController();
    const run = writeDemoExtract({ out, rows: 500_000, seed: 1, signal: controller.signal, onProgress: () => controller.abort() });
    await expect(run).rejects.toThrow('cancelled');
    expect(existsSync(out)).toBe(false);

    const pre = new AbortController();
    pre.abort();
    await expect(writeDemoExtract({ out, rows: 10, seed: 1, signal: pre.signal })).rejects.toThrow('cancelled');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses bad options naming the field', async () => {
    const out = join(tmp.dir, 'bad.csv');
    await expect(writeDemoExtract({ out, rows: 0, seed: 1 })).rejects.toThrow(/^rows:/);
    await expect(writeDemoExtract({ out, rows: 2.5, seed: 1 })).rejects.toThrow(/^rows:/);
    await expect(writeDemoExtract({ out, rows: 10, seed: 0.5 })).rejects.toThrow(/^seed:/);
    await expect(writeDemoExtract({ out: '', rows: 10, seed: 1 })).rejects.toThrow(/^out:/);
  });
});
