import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Where the e2e tests leave their screenshots. */
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
/** Debian's Chromium, which playwright-core drives (no browser download). */
export const CHROMIUM = process.env.ATTEND_CHROMIUM ?? '/usr/bin/chromium';
