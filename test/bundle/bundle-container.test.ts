import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readBundleFiles, writeBundle } from '../../core/bundle/bundle-container.ts';
import { BUNDLE_FILES, MAX_FILE_BYTES, type BundleFileName } from '../../core/bundle/bundle-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'attend-container-'));
const files = new Map<BundleFileName, Uint8Array>(BUNDLE_FILES.map((n, i) => [n, new TextEncoder().encode(`${n} contents ${i}\n`)]));
const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b);

function zipOf(entries: Record<string, string>): string {
  const path = join(dir, `z${Math.random().toString(36).slice(2)}.zip`);
  writeFileSync(path, zipSync(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, new TextEncoder().encode(v)]))));
  return path;
}

describe('writeBundle and readBundleFiles', () => {
  it('round-trips a folder and a zip, byte for byte', () => {
    for (const out of [join(dir, 'b-folder'), join(dir, 'b.zip')]) {
      const r = writeBundle(out, files);
      expect(r.kind).toBe(out.endsWith('.zip') ? 'zip' : 'folder');
      const back = readBundleFiles(out);
      expect([...back.keys()].sort()).toEqual([...BUNDLE_FILES].sort());
      for (const n of BUNDLE_FILES) expect(text(back.get(n))).toBe(text(files.get(n)));
    }
    // No temporary leftovers beside the bundles.
    expect(readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);
  });
  it('writes identical zips for identical files', () => {
    writeBundle(join(dir, 'same1.zip'), files);
    writeBundle(join(dir, 'same2.zip'), files);
    expect(readFileSync(join(dir, 'same1.zip')).equals(readFileSync(join(dir, 'same2.zip')))).toBe(true);
  });
  it('refuses to overwrite', () => {
    writeBundle(join(dir, 'once.zip'), files);
    expect(() => writeBundle(join(dir, 'once.zip'), files)).toThrow(/once\.zip already exists/);
  });
  it('refuses path traversal, nested, unknown names and links', () => {
    expect(() => readBundleFiles(zipOf({ 'manifest.json': '{}', '../README.md': 'x' }))).toThrow('bundle entry "../README.md" points outside the bundle (path traversal)');
    expect(() => readBundleFiles(zipOf({ 'manifest.json': '{}', '/etc/passwd': 'x' }))).toThrow('points outside the bundle');
    expect(() => readBundleFiles(zipOf({ 'manifest.json': '{}', 'sub/README.md': 'x' }))).toThrow('is inside a sub-folder');
    expect(() => readBundleFiles(zipOf({ 'manifest.json': '{}', 'run.sh': 'x' }))).toThrow('bundle entry "run.sh" is not a bundle file');
    const linked = join(dir, 'linked');
    mkdirSync(linked);
    writeFileSync(join(linked, 'manifest.json'), '{}');
    symlinkSync('/etc/hostname', join(linked, 'README.md'));
    expect(() => readBundleFiles(linked)).toThrow('bundle file "README.md" is a symbolic link');
  });
  it('refuses truncated, garbage, oversized and manifest-less bundles', () => {
    const whole = readFileSync(join(dir, 'b.zip'));
    const cut = join(dir, 'cut.zip');
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.6)));
    expect(() => readBundleFiles(cut)).toThrow(/cut\.zip is damaged or truncated/);
    const junk = join(dir, 'junk.zip');
    writeFileSync(junk, Buffer.from('this is not a zip at all'));
    expect(() => readBundleFiles(junk)).toThrow('is neither a folder nor a zip file');
    // Declare an enormous unpacked size in the central directory (a zip bomb's lie).
    const bomb = Buffer.from(whole);
    const cd = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(MAX_FILE_BYTES + 1, cd + 24);
    const bombPath = join(dir, 'bomb.zip');
    writeFileSync(bombPath, bomb);
    expect(() => readBundleFiles(bombPath)).toThrow(`unpacks to ${MAX_FILE_BYTES + 1} bytes, over the ${MAX_FILE_BYTES}-byte limit`);
    expect(() => readBundleFiles(zipOf({ 'README.md': 'x' }))).toThrow('has no manifest.json');
    expect(() => readBundleFiles(join(dir, 'nope.zip'))).toThrow('nope.zip does not exist');
    expect(existsSync(join(dir, 'nope.zip'))).toBe(false);
  });
});
