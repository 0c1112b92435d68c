import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_EXTRACT, ensureDemoWorkspace } from '../../core/host/index.ts';
import { listDatasets, profileDataset } from '../../core/profile/index.ts';
import { openWorkspace } from '../../core/workspace/index.ts';

const tempDir = () => mkdtempSync(join(tmpdir(), 'attend-demo-ws-'));

describe('ensureDemoWorkspace', () => {
  it('leaves an existing file alone', async () => {
    const path = join(tempDir(), 'demo.sqlite');
    writeFileSync(path, 'already here');
    expect(await ensureDemoWorkspace(path, { rows: 500 })).toEqual({ created: false });
  });

  it('builds the demo dataset once, deterministically, with nothing left behind', async () => {
    const dir = tempDir();
    const a = join(dir, 'nested', 'a.sqlite');
    const b = join(dir, 'b.sqlite');
    expect(await ensureDemoWorkspace(a, { rows: 3000 })).toEqual({ created: true });
    expect(await ensureDemoWorkspace(a, { rows: 3000 })).toEqual({ created: false });
    await ensureDemoWorkspace(b, { rows: 3000 });
    expect(readdirSync(join(dir, 'nested'))).toEqual(['a.sqlite']);

    const wsA = await openWorkspace(a);
    const wsB = await openWorkspace(b);
    try {
      const list = await listDatasets(wsA);
      expect(list.map((d) => d.name)).toEqual([DEMO_EXTRACT.dataset]);
      // Exact counts belong to the generator's and the import's own tests; here they must agree.
      expect(list[0].rows).toBeGreaterThan(2900);
      expect(list[0].rows).toBeLessThanOrEqual(3000);
      // Same seed, same figures: patient keys differ (each workspace has its own key), counts do not.
      const { imports: importsA, ...pa } = await profileDataset(wsA, 'demo');
      const { imports: importsB, ...pb } = await profileDataset(wsB, 'demo');
      expect(pa).toEqual(pb);
      expect(importsA.map((i) => [i.file.replace(/^.*[\\/]/, ''), i.rowsImported])).toEqual([['demo-extract.csv', list[0].rows]]);
      expect(importsB.map((i) => [i.file.replace(/^.*[\\/]/, ''), i.rowsImported])).toEqual([['demo-extract.csv', list[0].rows]]);
    } finally {
      await wsA.close();
      await wsB.close();
    }
    expect(existsSync(`${a}-wal`)).toBe(false);
  });
});
