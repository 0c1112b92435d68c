import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { HttpError } from './http-io.ts';

/**
 * A safe file name from what the browser sent: no folders, only plain characters,
 * so an upload can never land outside its temp folder.
 */
export function sanitiseFileName(name: string | null | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base
    .replace(/[^\w.\- ]/g, '_')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 120);
  return clean === '' ? 'upload' : clean;
}

/**
 * Stream a request body into a new folder under dir, keeping the (sanitised)
 * original name so import reports show it. Refuses bodies over maxBytes.
 */
export async function receiveUpload(req: IncomingMessage, dir: string, name: string, maxBytes: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > maxBytes) throw new HttpError(413, `upload is larger than the limit of ${maxBytes} bytes`);
  const folder = await mkdtemp(join(dir, 'u-'));
  const file = join(folder, sanitiseFileName(name));
  let size = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes) done(new HttpError(413, `upload is larger than the limit of ${maxBytes} bytes`));
      else done(null, chunk);
    },
  });
  try {
    await pipeline(req, limit, createWriteStream(file, { flags: 'wx' }));
  } catch (err) {
    await rm(folder, { recursive: true, force: true });
    throw err instanceof HttpError ? err : new HttpError(400, `upload failed: ${(err as Error).message}`);
  }
  return file;
}
