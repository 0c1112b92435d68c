// Entry of the engine worker thread: a worker starts without the parent's
// TypeScript loader (under vitest or the CLI alike), so register tsx first.
import { register } from 'tsx/esm/api';

register();
await import('./engine-worker.ts');
