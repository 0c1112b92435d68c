import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY, createAppHandler, isAppUrl, registerAppScheme, serveAppProtocol } from '../../electron/app-protocol.ts';

function distDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'attend-app-protocol-'));
  mkdirSync(join(dir, 'dist', 'assets'), { recursive: true });
  writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html><title>Attend</title>');
  writeFileSync(join(dir, 'dist', 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer');
  return join(dir, 'dist');
}

describe('app:// protocol', () => {
  it('is registered as a standard, secure scheme and served by one handler', () => {
    const registered: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes: unknown) => registered.push(schemes) } as never);
    expect(registered).toEqual([[{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]]);
    const handled: string[] = [];
    serveAppProtocol({ handle: (scheme: string) => handled.push(scheme) } as never, distDir());
    expect(handled).toEqual(['app']);
    expect(APP_ENTRY).toBe('app://attend/index.html');
  });

  it('serves the built renderer with its content type', async () => {
    const handler = createAppHandler(distDir());
    const page = await handler(new Request('app://attend/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toBe('<!doctype html><title>Attend</title>');
    const script = await handler(new Request('app://attend/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await handler(new Request('app://attend/')).then((r) => r.text())).toBe('<!doctype html><title>Attend</title>');
  });

  it("puts the CSP, starting default-src 'none', on every response, errors included", async () => {
    const handler = createAppHandler(distDir());
    const cases: Array<[Request, number]> = [
      [new Request('app://attend/index.html'), 200],
      [new Request('app://attend/missing.js'), 404],
      [new Request('app://attend/..%2fsecret.txt'), 403],
      [new Request('app://elsewhere/index.html'), 404],
      [new Request('app://attend/index.html', { method: 'POST', body: 'x' }), 405],
    ];
    for (const [request, status] of cases) {
      const response = await handler(request);
      expect([request.url, response.status]).toEqual([request.url, status]);
      expect(response.headers.get('content-security-policy')?.startsWith("default-src 'none'; ")).toBe(true);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('never serves a file outside the renderer', async () => {
    const handler = createAppHandler(distDir());
    // Encoded traversals survive URL parsing and are refused outright.
    for (const path of ['/..%2fsecret.txt', '/assets/..%5c..%5csecret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt']) {
      const response = await handler(new Request(`app://attend${path}`));
      expect([path, response.status]).toEqual([path, 403]);
      expect(await response.text()).toBe('forbidden');
    }
    // Plain dot segments are resolved by URL parsing itself, inside the renderer folder.
    const dots = await handler(new Request('app://attend/%2e%2e/secret.txt'));
    expect([dots.url || new URL('app://attend/%2e%2e/secret.txt').pathname, dots.status]).toEqual(['/secret.txt', 404]);
  });

  it('knows its own pages', () => {
    expect(isAppUrl('app://attend/index.html')).toBe(true);
    expect(isAppUrl('app://attend/')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('https://attend/index.html')).toBe(false);
    expect(isAppUrl('file:///app/index.html')).toBe(false);
    expect(isAppUrl('app://user:pw@attend/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
    expect(isAppUrl('')).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
  });
});
