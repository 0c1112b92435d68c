/**
 * A bundle on disk: a folder or a .zip of the same flat files. Writing is
 * all-or-nothing (a temporary name, then rename); reading refuses anything a
 * hostile or damaged bundle could use: unknown or nested names (zip-slip), links,
 * oversized or truncated entries. Reading only ever copies bytes.
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, existsSync, openSync, readSync, closeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { unzipSync, zipSync, type UnzipFileInfo } from 'fflate';
import { BUNDLE_FILES, MAX_BUNDLE_BYTES, MAX_FILE_BYTES, isBundleFile, type BundleFileName } from './bundle-files.ts';

// Fixed entry times make two exports of the same files byte-identical zips.
const ZIP_MTIME = new Date('2020-01-01T00:00:00Z');

/** Write the files as a folder, or as a zip when `out` ends in .zip; refuses to overwrite. */
export function writeBundle(out: string, files: ReadonlyMap<BundleFileName, Uint8Array>): { kind: 'zip' | 'folder'; bytes: number } {
  if (existsSync(out)) throw new Error(`${out} already exists; choose a new name for the bundle`);
  const parent = dirname(out);
  if (!existsSync(parent)) throw new Error(`folder ${parent} does not exist`);
  const temp = join(parent, `.${basename(out)}.partial-${process.pid}`);
  rmSync(temp, { recursive: true, force: true });
  let bytes = 0;
  for (const b of files.values()) bytes += b.length;
  try {
    if (out.toLowerCase().endsWith('.zip')) {
      const entries: Record<string, [Uint8Array, { mtime: Date; level: 6 }]> = {};
      for (const name of BUNDLE_FILES) {
        const b = files.get(name);
        if (b) entries[name] = [b, { mtime: ZIP_MTIME, level: 6 }];
      }
      writeFileSync(temp, zipSync(entries));
      renameSync(temp, out);
      return { kind: 'zip', bytes };
    }
    mkdirSync(temp);
    for (const [name, b] of files) writeFileSync(join(temp, name), b);
    renameSync(temp, out);
    return { kind: 'folder', bytes };
  } catch (e) {
    rmSync(temp, { recursive: true, force: true });
    throw e;
  }
}

/** Why a name inside a bundle is refused, or null when it is one of the bundle's files. */
function nameProblem(name: string): string | null {
  if (name.includes('\0')) return 'contains a NUL character';
  if (name.includes('/') || name.includes('\\')) {
    return name.split(/[\\/]/).includes('..') || /^([\\/]|[A-Za-z]:)/.test(name) ? 'points outside the bundle (path traversal)' : 'is inside a sub-folder; bundles are flat';
  }
  if (!isBundleFile(name)) return `is not a bundle file (expected only ${BUNDLE_FILES.join(', ')})`;
  return null;
}

function isZip(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(4);
    return readSync(fd, head, 0, 4, 0) === 4 && head.readUInt32LE(0) === 0x04034b50;
  } finally {
    closeSync(fd);
  }
}

function readZip(path: string, size: number): Map<BundleFileName, Uint8Array> {
  if (size > MAX_BUNDLE_BYTES) throw new Error(`bundle ${path} is ${size} bytes, over the ${MAX_BUNDLE_BYTES}-byte limit`);
  if (!isZip(path)) throw new Error(`bundle ${path} is neither a folder nor a zip file`);
  const seen = new Set<string>();
  let declared = 0;
  const check = (f: UnzipFileInfo): boolean => {
    const problem = nameProblem(f.name);
    if (problem) throw new Error(`bundle entry "${f.name}" ${problem}`);
    if (seen.has(f.name)) throw new Error(`bundle entry "${f.name}" appears twice`);
    seen.add(f.name);
    if (f.compression !== 0 && f.compression !== 8) throw new Error(`bundle entry "${f.name}" uses compression method ${f.compression}; only stored and deflate are read`);
    if (f.originalSize > MAX_FILE_BYTES) throw new Error(`bundle entry "${f.name}" unpacks to ${f.originalSize} bytes, over the ${MAX_FILE_BYTES}-byte limit`);
    declared += f.originalSize;
    if (declared > MAX_BUNDLE_BYTES) throw new Error(`bundle unpacks to more than ${MAX_BUNDLE_BYTES} bytes`);
    return true;
  };
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(new Uint8Array(readFileSync(path)), { filter: check });
  } catch (e) {
    const message = (e as Error).message;
    if (message.startsWith('bundle ')) throw e;
    throw new Error(`bundle ${path} is damaged or truncated (${message})`);
  }
  const files = new Map<BundleFileName, Uint8Array>();
  for (const [name, bytes] of Object.entries(entries)) files.set(name as BundleFileName, bytes);
  return files;
}

function readFolder(path: string): Map<BundleFileName, Uint8Array> {
  const files = new Map<BundleFileName, Uint8Array>();
  let total = 0;
  for (const name of readdirSync(path).sort()) {
    const problem = nameProblem(name);
    if (problem) throw new Error(`bundle file "${name}" ${problem}`);
    const full = join(path, name);
    const st = lstatSync(full);
    if (!st.isFile()) throw new Error(`bundle file "${name}" is ${st.isSymbolicLink() ? 'a symbolic link' : 'not a regular file'}; bundles hold plain files only`);
    if (st.size > MAX_FILE_BYTES) throw new Error(`bundle file "${name}" is ${st.size} bytes, over the ${MAX_FILE_BYTES}-byte limit`);
    total += st.size;
    if (total > MAX_BUNDLE_BYTES) throw new Error(`bundle ${path} holds more than ${MAX_BUNDLE_BYTES} bytes`);
    files.set(name as BundleFileName, new Uint8Array(readFileSync(full)));
  }
  return files;
}

/** The raw files of a bundle folder or zip, after the container checks (not yet the manifest's). */
export function readBundleFiles(path: string): Map<BundleFileName, Uint8Array> {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new Error(`bundle ${path} does not exist`);
  }
  const files = st.isDirectory() ? readFolder(path) : readZip(path, st.size);
  if (!files.has('manifest.json')) throw new Error(`bundle ${path} has no manifest.json`);
  return files;
}
