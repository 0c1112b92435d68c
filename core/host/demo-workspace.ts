import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { writeDemoExtract } from '../demo/index.ts';
import { importExtract } from '../import/index.ts';
import { openWorkspace } from '../workspace/index.ts';

/** The demo data set every fresh install opens on: fixed seed and size, so it is the same everywhere. */
export const DEMO_EXTRACT = { seed: 1, rows: 150_000, dataset: 'demo' } as const;

/**
 * Create the demo workspace at path unless a file is already there. It is built
 * under a temporary name and renamed at the end, so an interrupted first start
 * never leaves a half-filled workspace that later starts would take as done.
 * `rows` is for tests; the app always uses DEMO_EXTRACT.rows.
 */
export async function ensureDemoWorkspace(
  path: string,
  options: { rows?: number; signal?: AbortSignal } = {},
): Promise<{ created: boolean }> {
  const { rows = DEMO_EXTRACT.rows, signal } = options;
  if (existsSync(path)) return { created: false };
  await mkdir(dirname(path), { recursive: true });
  const scratch = await mkdtemp(join(tmpdir(), 'attend-demo-'));
  const building = `${path}.building-${process.pid}`;
  try {
    const csv = join(scratch, 'demo-extract.csv');
    await writeDemoExtract({ out: csv, rows, seed: DEMO_EXTRACT.seed, signal });
    const ws = await openWorkspace(building);
    try {
      await importExtract(ws, csv, { dataset: DEMO_EXTRACT.dataset, signal });
    } finally {
      await ws.close();
    }
    await rename(building, path);
    return { created: true };
  } finally {
    await rm(scratch, { recursive: true, force: true });
    await Promise.all(['', '-wal', '-shm', '-journal'].map((s) => rm(`${building}${s}`, { force: true })));
  }
}
