import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch, InputError, isOperationName } from '../api/index.ts';
import { createHostSession, type HostSession } from './host-session.ts';
import { BASE_HEADERS, HttpError, readJsonBody, sendError, sendJson } from './http-io.ts';
import { serveStatic } from './static-files.ts';
import { receiveUpload } from './upload.ts';

/** Options of the browser host. */
export interface HttpHostOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  workspacePath: string;
  /** The built renderer (renderer/dist). */
  staticDir: string;
  /** Largest JSON request body; default 1 MiB. */
  maxJsonBytes?: number;
  /** Largest upload; default 2 GiB. */
  maxUploadBytes?: number;
}

/** A running browser host. */
export interface HttpHost {
  /** The address to open, token included. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const TOKEN_HEADER = 'x-attend-token';

/** Start the local HTTP host: the renderer plus the operation map, on 127.0.0.1 only. */
export async function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const token = randomBytes(32).toString('base64url');
  const session = createHostSession(options.workspacePath);
  const uploadDir = await mkdtemp(join(tmpdir(), 'attend-uploads-'));
  const limits = { json: options.maxJsonBytes ?? 1024 * 1024, upload: options.maxUploadBytes ?? 2 * 1024 ** 3 };
  let port = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) res.destroy();
      else sendError(res, 500, (err as Error).message);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    // The Host check defeats DNS rebinding; the Origin check, other pages posting here.
    const own = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!own.includes(req.headers.host ?? '')) return sendError(res, 403, 'wrong Host header');
    const origin = req.headers.origin;
    if (origin !== undefined && !own.some((h) => origin === `http://${h}`)) {
      return sendError(res, 403, `requests from ${origin} are not allowed`);
    }
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return handleApi(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'method not allowed', { allow: 'GET, HEAD' });
    // The raw path, not URL's normalised one, so a traversal attempt is refused outright.
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
    return serveStatic(res, options.staticDir, rawPath, req.method === 'HEAD');
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const name = url.pathname.slice('/api/'.length);
    if (name === 'events') {
      // EventSource cannot send headers, so this one stream takes the token in the query.
      if (!tokenMatches(url.searchParams.get('token'))) return sendError(res, 401, 'missing or wrong token');
      if (req.method !== 'GET') return sendError(res, 405, 'use GET for events', { allow: 'GET' });
      return streamEvents(res, session);
    }
    const sent = req.headers[TOKEN_HEADER];
    if (!tokenMatches(typeof sent === 'string' ? sent : null)) return sendError(res, 401, 'missing or wrong token');
    if (req.method !== 'POST') return sendError(res, 405, 'use POST for the API', { allow: 'POST' });
    try {
      if (name === 'upload') {
        const file = await receiveUpload(req, uploadDir, url.searchParams.get('name') ?? '', limits.upload);
        return sendJson(res, 200, { ok: true, result: { file } });
      }
      if (!isOperationName(name)) return sendError(res, 404, `unknown operation '${name}'`);
      const input = await readJsonBody(req, limits.json);
      const controller = new AbortController();
      // A client that goes away (tab closed, request aborted) cancels its operation.
      res.on('close', () => {
        if (!res.writableFinished) controller.abort(new Error('request closed by the client'));
      });
      const result = await dispatch(name, input, session.context(name, controller.signal));
      return sendJson(res, 200, { ok: true, result });
    } catch (err) {
      if (err instanceof HttpError) return sendError(res, err.status, err.message, { connection: 'close' });
      if (err instanceof InputError) return sendError(res, 400, err.message);
      return sendError(res, 500, (err as Error).message);
    }
  }

  function tokenMatches(candidate: string | null): boolean {
    if (!candidate) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  // Node's default of 5 minutes per request would cut off a 2 GB upload from a slow network drive.
  server.requestTimeout = 30 * 60 * 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      (closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Event streams and keep-alive sockets would otherwise hold close() open.
          server.closeAllConnections();
        });
        await session.close();
        await rm(uploadDir, { recursive: true, force: true });
      })()),
  };
}

/** Server-sent events: progress of every running operation, as JSON. */
function streamEvents(res: ServerResponse, session: HostSession): void {
  res.writeHead(200, {
    ...BASE_HEADERS,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  res.write(': connected\n\n');
  const off = session.onProgress((event) => {
    res.write(`event: progress\ndata: ${JSON.stringify(event)}\n\n`);
  });
  res.on('close', off);
}
