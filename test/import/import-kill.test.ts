import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importExtract } from '../../core/import/index.ts';
import { openWorkspace } from '../../core/workspace/index.ts';
import { writeSyntheticExtract } from './helpers/big-extract.ts';
import { fixture, snapshot, tempDir } from './helpers/workspace.ts';

const repoRoot = join(import.meta.dirname, '..', '..');

describe('an import killed mid-way', () => {
  it('leaves the workspace exactly as the previous import left it', async () => {
    const dir = tempDir();
    const path = join(dir, 'ws.sqlite');
    const big = join(dir, 'big.csv');
    await writeSyntheticExtract(big, 300_000);

    const ws = await openWorkspace(path);
    await importExtract(ws, fixture('refresh-week1.csv'), { dataset: 'weekly' });
    const before = await snapshot(ws);
    await ws.close();

    const child = spawn(process.execPath, ['--import', 'tsx', 'test/import/helpers/import-child.ts', big, path], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const killedAt = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const line = out.split('\n').find((l) => l.startsWith('progress ') || l.startsWith('done '));
        if (line) {
          child.kill('SIGKILL');
          resolve(line);
        }
      });
      child.on('exit', (code, signal) => {
        if (signal !== 'SIGKILL') reject(new Error(`child ended before progress (code ${code}): ${stderr}`));
      });
    });
    await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.on('exit', resolve)));
    expect(killedAt).toMatch(/^progress \d+$/);
    expect(Number(killedAt.split(' ')[1])).toBeLessThan(300_000);

    const after = await openWorkspace(path);
    expect(await snapshot(after)).toEqual(before);
    expect(await after.db.get('SELECT count(*) AS n FROM appointments')).toEqual({ n: 3 });
    expect((await after.db.get<{ integrity_check: string }>('PRAGMA integrity_check'))?.integrity_check).toBe('ok');
    expect(await after.db.all("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'appointments' ORDER BY name")).toEqual([
      { name: 'sqlite_autoindex_appointments_1' },
    ]);
    await after.close();
  });
});
