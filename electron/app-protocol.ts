import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { contentTypeFor } from '../core/host/content-types.ts';
import { CONTENT_SECURITY_POLICY } from '../core/host/csp.ts';
import { resolveStaticPath } from '../core/host/static-path.ts';
import { APP_HOST, APP_SCHEME } from './app-url.ts';

export { APP_ENTRY, APP_HOST, APP_ORIGIN, APP_SCHEME, isAppUrl } from './app-url.ts';

/** Headers of every app:// response, errors included: the CSP (default-src 'none' first) and no sniffing. */
export const APP_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

/** Must run before app is ready: app:// behaves like https (standard, secure origin). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...APP_RESPONSE_HEADERS, 'content-type': 'text/plain; charset=utf-8' } });
}

/** The app:// request handler: the built renderer in distDir, nothing outside it, only GET and HEAD. */
export function createAppHandler(distDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return plain(400, 'bad request');
    }
    if (url.host !== APP_HOST) return plain(404, 'not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'method not allowed');
    const file = resolveStaticPath(distDir, url.pathname);
    if (!file) return plain(403, 'forbidden');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return plain(404, 'not found');
    }
    const headers = { ...APP_RESPONSE_HEADERS, 'content-type': contentTypeFor(file) };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}

/** Serve the built renderer (and nothing outside it) on app://attend/. */
export function serveAppProtocol(protocol: Pick<Protocol, 'handle'>, distDir: string): void {
  protocol.handle(APP_SCHEME, createAppHandler(distDir));
}
