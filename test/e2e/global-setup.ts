import { mkdir } from 'node:fs/promises';
import { buildRenderer } from '../../core/host/renderer-build.ts';
import { SCREENSHOTS } from './helpers/paths.ts';

/** Build the renderer from its current source once, so the tests never drive a stale renderer/dist. */
export default async function setup(): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  // Vitest sets NODE_ENV=test, which Vite would bake into a development build of React;
  // the tests must drive (and renderer/dist must hold) the production build the app ships.
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await buildRenderer();
  } finally {
    process.env.NODE_ENV = before;
  }
}
