import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

// Resolved from this file so the CLI works from any current directory.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Paths of the repository checkout the CLI runs from. */
export const repoPaths = {
  root: ROOT,
  rendererRoot: join(ROOT, 'renderer'),
  rendererConfig: join(ROOT, 'renderer', 'vite.config.ts'),
  rendererDist: join(ROOT, 'renderer', 'dist'),
};
