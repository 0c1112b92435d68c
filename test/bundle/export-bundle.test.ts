import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_FILES, exportBundle, openBundle, readBundleFiles, trustSigningKey } from '../../core/bundle/index.ts';
import { getRun } from '../../core/journal/index.ts';
import { trainedBundle, type TrainedBundle } from './helpers/trained-bundle.ts';

let b: TrainedBundle;
beforeAll(async () => {
  b = await trainedBundle();
}, 180_000);
afterAll(async () => b?.ws.close());

/** Every identifying value of the training extract: NHS and local numbers, appointment ids, dates of birth. */
function identifiers(csv: string): { label: string; values: Set<string> }[] {
  const rows = Papa.parse<Record<string, string>>(readFileSync(csv, 'utf8'), { header: true, skipEmptyLines: true }).data;
  const col = (name: string) => new Set(rows.map((r) => (r[name] ?? '').trim()).filter((v) => v !== ''));
  const appointmentDates = new Set([...col('Appointment Date')].map((d) => d.split('/').reverse().join('-')));
  const dobs = col('Date of Birth');
  // A birth date in ISO form that is also some appointment's date is not identifying as such (the card names the data period).
  const isoDobs = new Set([...dobs].map((d) => d.split('/').reverse().join('-')).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !appointmentDates.has(d)));
  return [
    { label: 'NHS number', values: col('NHS Number') },
    { label: 'local patient number', values: col('Local Patient Number') },
    { label: 'appointment id', values: col('Appointment ID') },
    { label: 'date of birth', values: dobs },
    { label: 'date of birth (ISO)', values: isoDobs },
  ];
}

/** Occurrences of the value not inside a longer run of digits (a 10-digit NHS number inside a float literal is not the number). */
function hits(text: string, value: string): number {
  let n = 0;
  for (let at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) {
    const before = text[at - 1] ?? '';
    const after = text[at + value.length] ?? '';
    if (/\d/.test(value[0]) && /[\d.]/.test(before)) continue;
    if (/\d/.test(value[value.length - 1]) && /\d/.test(after)) continue;
    n++;
  }
  return n;
}

describe('exportBundle', () => {
  it('writes every bundle file, hashed and signed with the workspace key', async () => {
    const out = join(b.dir, 'signed.zip');
    const r = await exportBundle(b.ws, b.runId, out, { name: 'Demo DNA model', version: '2.1.0', created: '2026-11-23T09:00:00.000Z' });
    const key = await trustSigningKey(b.ws.db);
    expect(r.kind).toBe('zip');
    expect(r.signerFingerprint).toBe(key.fingerprint);
    expect([...readBundleFiles(out).keys()].sort()).toEqual([...BUNDLE_FILES].sort());
    const opened = openBundle(out, { trustedKeys: [key.fingerprint] });
    expect(opened.signature).toEqual({ signed: true, keyFingerprint: key.fingerprint });
    const run = await getRun(b.ws.db, b.runId);
    expect(opened.manifest).toMatchObject({
      name: 'Demo DNA model', version: '2.1.0', created: '2026-11-23T09:00:00.000Z', runId: b.runId,
      featureSpecHash: run.featureSpecHash, datasetFingerprint: run.datasetFingerprint, engine: { name: 'xgboost', version: run.engineVersion },
    });
    expect(opened.pipeline).toEqual(b.pipeline);
    expect(opened.ensemble.numTrees).toBe(b.ensemble.numTrees);
    expect(opened.modelCard).toContain(b.runId);
  });

  it('refuses changed, re-signed-by-others and unsigned bundles as asked', async () => {
    const folder = join(b.dir, 'folder-bundle');
    await exportBundle(b.ws, b.runId, folder);
    const key = await trustSigningKey(b.ws.db);
    const copy = (name: string) => {
      const to = join(b.dir, name);
      cpSync(folder, to, { recursive: true });
      return to;
    };
    const changed = copy('changed');
    const model = readFileSync(join(changed, 'model.json'), 'utf8');
    // One digit of one threshold changed: same size, different bytes.
    const at = model.search(/"split_conditions":\[-?\d/) + '"split_conditions":['.length;
    const digitAt = /\d/.test(model[at]) ? at : at + 1;
    writeFileSync(join(changed, 'model.json'), model.slice(0, digitAt) + (model[digitAt] === '1' ? '2' : '1') + model.slice(digitAt + 1));
    expect(() => openBundle(changed)).toThrow('model.json does not match its SHA-256 in the manifest: the bundle was changed after export');
    const truncated = copy('truncated');
    writeFileSync(join(truncated, 'score.sql'), readFileSync(join(folder, 'score.sql')).subarray(0, 100));
    expect(() => openBundle(truncated)).toThrow(/score\.sql is 100 bytes but the manifest says \d+/);
    const relabelled = copy('relabelled');
    const manifest = JSON.parse(readFileSync(join(relabelled, 'manifest.json'), 'utf8'));
    manifest.name = 'Someone else\u2019s model';
    writeFileSync(join(relabelled, 'manifest.json'), JSON.stringify(manifest));
    expect(() => openBundle(relabelled)).toThrow('the signature does not verify');
    const extra = copy('extra');
    writeFileSync(join(extra, 'install.sh'), 'rm -rf /');
    expect(() => openBundle(extra)).toThrow('bundle file "install.sh" is not a bundle file');
    const unsigned = join(b.dir, 'unsigned');
    await exportBundle(b.ws, b.runId, unsigned, { sign: false });
    expect(openBundle(unsigned).signature).toEqual({ signed: false });
    expect(() => openBundle(unsigned, { trustedKeys: [key.fingerprint] })).toThrow('the bundle is not signed, but a signature by a trusted key is required');
    expect(() => openBundle(folder, { trustedKeys: ['sha256:' + '0'.repeat(64)] })).toThrow(`signed by key ${key.fingerprint}, which is not among the trusted keys`);
    const badPipeline = copy('bad-pipeline');
    writeFileSync(join(badPipeline, 'pipeline.json'), '{"format":"nope"}');
    expect(() => openBundle(badPipeline)).toThrow(/pipeline\.json is \d+ bytes but the manifest says \d+/);
  });

  it('holds no patient identifier, appointment id or date of birth of the training extract', async () => {
    const folder = join(b.dir, 'scan');
    await exportBundle(b.ws, b.runId, folder);
    const files = readdirSync(folder);
    expect(files.sort()).toEqual([...BUNDLE_FILES].sort());
    const texts = files.map((f) => ({ f, text: readFileSync(join(folder, f), 'utf8') }));
    const ids = identifiers(b.csv);
    for (const { values } of ids) expect(values.size).toBeGreaterThan(100);
    const found: string[] = [];
    for (const { f, text } of texts) {
      for (const { label, values } of ids) for (const v of values) if (hits(text, v) > 0) found.push(`${f}: ${label} ${v}`);
    }
    expect(found).toEqual([]);
    // The scan itself can fail: a planted identifier is found.
    const planted = [...ids[0].values][0];
    expect(hits(`{"note":"${planted}"}`, planted)).toBe(1);
    expect(hits(`0.${planted}1`, planted)).toBe(0);
  });

  it('refuses a run that does not exist and an existing output', async () => {
    await expect(exportBundle(b.ws, 'run-nope', join(b.dir, 'x.zip'))).rejects.toThrow("no run 'run-nope' in this workspace");
    await exportBundle(b.ws, b.runId, join(b.dir, 'twice.zip'));
    await expect(exportBundle(b.ws, b.runId, join(b.dir, 'twice.zip'))).rejects.toThrow('twice.zip already exists');
  });
});
