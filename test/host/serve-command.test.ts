import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { send } from './http-client.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('attend serve', () => {
  it('prints the URL as JSON, serves the app and the API, and stops cleanly on SIGTERM', async () => {
    const ws = join(mkdtempSync(join(tmpdir(), 'attend-serve-')), 'w.sqlite');
    const child = spawn(process.execPath, ['bin/attend.mjs', 'serve', '--workspace', ws, '--port', '0', '--json'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('\n')) resolve(out.split('\n')[0]);
      });
      child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
    });
    const { url } = JSON.parse(line) as { url: string };
    const parsed = new URL(url);
    expect(parsed.hostname).toBe('127.0.0.1');
    const port = Number(parsed.port);
    const token = parsed.searchParams.get('token') as string;
    expect(token).toMatch(/^[\w-]{43}$/);

    const page = await send(port, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root"></div>');
    const list = await send(port, {
      method: 'POST',
      path: '/api/datasets.list',
      headers: { 'x-attend-token': token, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(JSON.parse(list.body)).toEqual({ ok: true, result: [] });

    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', resolve);
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });

  it('refuses a bad --port with a usage error', async () => {
    const child = spawn(process.execPath, ['bin/attend.mjs', 'serve', '--port', 'abc'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe("attend serve: --port must be a whole number, got 'abc'");
  });
});
