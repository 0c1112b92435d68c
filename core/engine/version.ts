/** Identity of the training engine, recorded with every model. */
import { createRequire } from 'node:module';

/** A string naming the engine and the package that ships it, e.g. 'xgboost-0.72-wasm (ml-xgboost 1.1.2)'. */
export function engineVersion(): string {
  const require = createRequire(import.meta.url);
  const pkg = require('ml-xgboost/package.json') as { version: string };
  return `xgboost-0.72-wasm (ml-xgboost ${pkg.version})`;
}
