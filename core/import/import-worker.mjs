// Entry of the import worker thread: a worker starts without the parent's
// TypeScript loader (under vitest or the CLI alike), so register tsx first.
import { register } from 'tsx/esm/api';

register();
await import('./import-worker.ts');
