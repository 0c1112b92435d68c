import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { contentTypeFor } from './content-types.ts';
import { CONTENT_SECURITY_POLICY } from './csp.ts';
import { BASE_HEADERS, sendError } from './http-io.ts';
import { resolveStaticPath } from './static-path.ts';

/** Serve one file of the built renderer (GET or HEAD) with the CSP header. */
export async function serveStatic(res: ServerResponse, root: string, urlPath: string, head: boolean): Promise<void> {
  const file = resolveStaticPath(root, urlPath);
  if (!file) {
    sendError(res, 403, 'path outside the app');
    return;
  }
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) {
    sendError(res, 404, `not found: ${urlPath}`);
    return;
  }
  res.writeHead(200, {
    ...BASE_HEADERS,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'content-type': contentTypeFor(file),
    'content-length': String(info.size),
    // Vite fingerprints asset names, so only the page itself must always be fetched fresh.
    'cache-control': file.endsWith('.html') ? 'no-store' : 'private, max-age=3600',
  });
  if (head) {
    res.end();
    return;
  }
  await new Promise<void>((resolve) => {
    const stream = createReadStream(file);
    stream.on('error', () => {
      res.destroy();
      resolve();
    });
    stream.on('end', resolve);
    stream.pipe(res);
  });
}
