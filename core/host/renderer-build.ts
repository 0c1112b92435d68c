import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoPaths } from './repo-paths.ts';

/** Build the React renderer into renderer/dist with Vite's JS API. */
export async function buildRenderer(): Promise<string> {
  // Imported lazily: Vite is a build tool, not needed once the renderer is built.
  const { build } = await import('vite');
  await build({ configFile: repoPaths.rendererConfig, logLevel: 'warn' });
  return repoPaths.rendererDist;
}

/** The built renderer, building it first when renderer/dist has no index.html. */
export async function ensureRendererBuilt(): Promise<string> {
  if (existsSync(join(repoPaths.rendererDist, 'index.html'))) return repoPaths.rendererDist;
  return buildRenderer();
}
