import { createRequire } from 'node:module';

/** This app's version, from package.json, recorded with every run. */
export function appVersion(): string {
  const require = createRequire(import.meta.url);
  return `attend ${(require('../../package.json') as { version: string }).version}`;
}
