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
    for (const v of values) {
      expect(whileOpen.includes(v), `'${v}' found in the open workspace`).toBe(false);
      expect(afterClose.includes(v), `'${v}' found in the closed workspace`).toBe(false);
    }
    // The scan can fail: the key and a known text value are there.
    expect(afterClose.includes('Trauma & Orthopaedics')).toBe(true);
  });
});
