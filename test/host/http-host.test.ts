import { mkdirSync, mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, startHttpHost, type HttpHost } from '../../core/host/index.ts';
import { request } from 'node:http';
import { send } from './http-client.ts';

// A fake built renderer with a secret file beside it that must never be served.
const base = mkdtempSync(join(tmpdir(), 'attend-host-'));
const staticDir = join(base, 'dist');
mkdirSync(join(staticDir, 'assets'), { recursive: true });
writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Attend</title>');
writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1);');
writeFileSync(join(staticDir, 'assets', 'app.css'), 'body{}');
writeFileSync(join(base, 'secret.txt'), 'TOP SECRET');

let host: HttpHost;
const api = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  send(host.port, {
    method: 'POST',
    path: `/api/${path}`,
    headers: { 'content-type': 'application/json', 'x-attend-token': host.token, ...headers },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  host = await startHttpHost({ port: 0, workspacePath: join(base, 'ws.sqlite'), staticDir, maxJsonBytes: 4096, maxUploadBytes: 1000 });
});
afterAll(() => host.close());

describe('startHttpHost', () => {
  it('listens on 127.0.0.1 and gives a URL carrying a 256-bit token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(Buffer.from(host.token, 'base64url')).toHaveLength(32);
  });

  it('dispatches an operation: datasets.list on an empty workspace is []', async () => {
    const r = await api('datasets.list', {});
    expect(r.status).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(r.body)).toEqual({ ok: true, result: [] });
  });

  it('refuses API calls without the token, or with a wrong one (401)', async () => {
    const none = await send(host.port, { method: 'POST', path: '/api/datasets.list', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toEqual({ ok: false, error: { message: 'missing or wrong token' } });
    const wrong = await api('datasets.list', {}, { 'x-attend-token': `${host.token.slice(0, -1)}x` });
    expect(wrong.status).toBe(401);
  });

  it('refuses requests from another origin (403), with or without the token', async () => {
    const r = await api('datasets.list', {}, { origin: 'http://evil.example' });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body).error.message).toBe('requests from http://evil.example are not allowed');
    const own = await api('datasets.list', {}, { origin: `http://127.0.0.1:${host.port}` });
    expect(own.status).toBe(200);
  });

  it('refuses a foreign Host header, which is how DNS rebinding arrives (403)', async () => {
    const r = await api('datasets.list', {}, { host: `attacker.example:${host.port}` });
    expect(r.status).toBe(403);
  });

  it('answers 404 for an unknown operation', async () => {
    const r = await api('datasets.drop', {});
    expect(r.status).toBe(404);
    expect(JSON.parse(r.body)).toEqual({ ok: false, error: { message: "unknown operation 'datasets.drop'" } });
  });

  it('answers 400 with a message naming the field for bad input', async () => {
    const r = await api('dataset.profile', { dataset: 'no/slashes' });
    expect(r.status).toBe(400);
    const { ok, error } = JSON.parse(r.body);
    expect(ok).toBe(false);
    expect(error.message).toMatch(/^dataset\.profile: invalid dataset: /);
    const missing = await api('import.preview', {});
    expect(missing.status).toBe(400);
    expect(JSON.parse(missing.body).error.message).toMatch(/^import\.preview: invalid file: /);
  });

  it('answers 400 for a body that is not JSON, 413 for one over the limit, 405 for GET', async () => {
    const bad = await send(host.port, {
      method: 'POST',
      path: '/api/datasets.list',
      headers: { 'content-type': 'application/json', 'x-attend-token': host.token },
      body: '{nope',
    });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.message).toMatch(/^request body is not valid JSON/);
    const big = await api('datasets.list', { pad: 'x'.repeat(5000) });
    expect(big.status).toBe(413);
    const get = await send(host.port, { path: '/api/datasets.list', headers: { 'x-attend-token': host.token } });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
  });

  it('serves the built renderer with the CSP header and the right content types', async () => {
    const page = await send(host.port, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toBe('<!doctype html><title>Attend</title>');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(String(page.headers['content-security-policy']).startsWith("default-src 'none'; script-src 'self'")).toBe(true);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const js = await send(host.port, { path: '/assets/app.js?token=whatever' });
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.body).toBe('console.log(1);');
    const css = await send(host.port, { path: '/assets/app.css' });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await send(host.port, { path: '/assets/nothing.js' })).status).toBe(404);
  });

  it('refuses path traversal, plain or encoded', async () => {
    for (const path of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/assets/%2E%2E%2F%2E%2E%2Fsecret.txt', '/..%5csecret.txt']) {
      const r = await send(host.port, { path });
      expect(r.status, path).toBe(403);
      expect(r.body, path).not.toContain('TOP SECRET');
    }
  });

  it('takes an upload into a temp file that operations can read, and refuses one over the limit', async () => {
    const r = await send(host.port, {
      method: 'POST',
      path: `/api/upload?name=${encodeURIComponent('../../my extract (1).csv')}`,
      headers: { 'x-attend-token': host.token, 'content-type': 'application/octet-stream' },
      body: 'a,b\n1,2\n',
    });
    expect(r.status).toBe(200);
    const { file } = JSON.parse(r.body).result as { file: string };
    expect(file.endsWith('/my extract _1_.csv')).toBe(true);
    expect(file.startsWith(tmpdir())).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('a,b\n1,2\n');

    const big = await send(host.port, {
      method: 'POST',
      path: '/api/upload?name=big.csv',
      headers: { 'x-attend-token': host.token },
      body: 'x'.repeat(1001),
    });
    expect(big.status).toBe(413);
    const anonymous = await send(host.port, { method: 'POST', path: '/api/upload?name=a.csv', body: 'a' });
    expect(anonymous.status).toBe(401);
  });

  it('streams progress of long operations as server-sent events (token in the query)', async () => {
    expect((await send(host.port, { path: '/api/events' })).status).toBe(401);
    const received: unknown[] = [];
    let stop = () => undefined as void;
    let connected = () => undefined as void;
    const subscribed = new Promise<void>((resolve) => (connected = resolve));
    const finalEvent = new Promise<unknown>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: host.port, path: `/api/events?token=${host.token}` }, (res) => {
        expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
        let buffer = '';
        res.on('data', (c: Buffer) => {
          buffer += c.toString();
          // The stream opens with a comment once the host has subscribed it.
          if (buffer.startsWith(': connected')) connected();
          const events = buffer.split('\n\n');
          buffer = events.pop() ?? '';
          for (const e of events) {
            const data = /^data: (.+)$/m.exec(e);
            if (data) received.push(JSON.parse(data[1]));
          }
          const last = received.at(-1) as { done?: number; total?: number } | undefined;
          if (last && last.done === last.total) resolve(last);
        });
        res.on('error', () => undefined);
      });
      req.on('error', reject);
      req.end();
      stop = () => req.destroy();
    });
    await subscribed;
    const out = join(base, 'progress.csv');
    const r = await api('demo.generate', { out, rows: 50, seed: 3 });
    expect(r.status).toBe(200);
    expect(await finalEvent).toEqual({ operation: 'demo.generate', stage: 'writing', done: 50, total: 50 });
    stop();
  });

  it('deletes its uploads when closed', async () => {
    const other = await startHttpHost({ workspacePath: join(base, 'ws2.sqlite'), staticDir });
    const r = await send(other.port, { method: 'POST', path: '/api/upload?name=x.csv', headers: { 'x-attend-token': other.token }, body: 'x' });
    const { file } = JSON.parse(r.body).result as { file: string };
    expect(existsSync(file)).toBe(true);
    await other.close();
    expect(existsSync(file)).toBe(false);
    expect(existsSync(dirname(dirname(file)))).toBe(false);
  });
});
