import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { importExtract, parseDateTime } from '../../core/import/index.ts';
import { openWorkspace } from '../../core/workspace/index.ts';
import { fixture, tempDir } from './helpers/workspace.ts';

const FILES = ['utf8-bom.csv', 'tab-delimited.tsv', 'invalid-nhs.csv'];
const IDENTIFYING = ['nhs number', 'nhs no', 'local patient number', 'mrn', 'date of birth', 'dob'];

/** Every raw identifier and birth date in the fixtures, as written and as the import would normalise them. */
function identifyingValues(): string[] {
  const values = new Set<string>();
  for (const name of FILES) {
    const text = readFileSync(fixture(name), 'utf8').replace(/^\ufeff/, '');
    const [header, ...rows] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    header.forEach((h, i) => {
      if (!IDENTIFYING.includes(h.toLowerCase())) return;
      for (const row of rows) {
        const v = row[i].trim();
        if (v.length < 3) continue;
        values.add(v);
        values.add(v.replace(/\s/g, ''));
        const d = parseDateTime(v);
        if (!('problem' in d)) values.add(d.date);
      }
    });
  }
  return [...values];
}

function readAll(path: string): string {
  return [path, `${path}-wal`]
    .filter((p) => existsSync(p))
    .map((p) => readFileSync(p).toString('latin1'))
    .join('\n');
}

describe('pseudonymisation', () => {
  it('stores no raw NHS number, local number or date of birth anywhere in the workspace file or its WAL', async () => {
    const values = identifyingValues();
    expect(values.length).toBeGreaterThan(30);
    const path = join(tempDir(), 'ws.sqlite');
    const ws = await openWorkspace(path);
    for (const name of FILES) await importExtract(ws, fixture(name));
    expect(await ws.db.get('SELECT count(*) AS n FROM appointments')).toEqual({ n: 14 });
    const whileOpen = readAll(path);
    await ws.close();
    const afterClose = readAll(path);
    // Short values (a local number '123') occur by chance in any binary file, in
    // timestamps or random keys: those are checked as stored values instead.
    const long = values.filter((v) => v.length >= 6);
    const short = values.filter((v) => v.length < 6);
    expect(long.length).toBeGreaterThan(20);
    for (const v of long) {
      expect(whileOpen.includes(v), `'${v}' found in the open workspace`).toBe(false);
      expect(afterClose.includes(v), `'${v}' found in the closed workspace`).toBe(false);
    }
    const reopened = await openWorkspace(path);
    const columns = (await reopened.db.all<{ name: string }>("SELECT name FROM pragma_table_info('appointments')")).map((c) => c.name);
    for (const v of short) {
      const hits = await reopened.db.all(`SELECT 1 FROM appointments WHERE ? IN (${columns.map((c) => `"${c}"`).join(', ')})`, [v]);
      expect(hits, `'${v}' stored as a value`).toEqual([]);
    }
    await reopened.close();
    // The scan can fail: the key and a known text value are there.
    expect(afterClose.includes('Trauma & Orthopaedics')).toBe(true);
  });
});
