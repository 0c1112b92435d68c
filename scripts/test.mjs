#!/usr/bin/env node
// `npm test`: the unit and interoperability tests, then the end-to-end tests in
// headless Chromium. Both always run; the exit code fails if either failed.
// Their JSON reports (test-results/vitest.json, vitest-e2e.json) are what CI counts.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// vitest's package exports do not include its CLI entry, so it is named by path.
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const extra = process.argv.slice(2);
const unit = spawnSync(process.execPath, [vitest, 'run', ...extra], { stdio: 'inherit' });
const e2e = spawnSync(process.execPath, [vitest, 'run', '--config', 'vitest.e2e.config.ts'], { stdio: 'inherit' });
process.exit(unit.status === 0 && e2e.status === 0 ? 0 : 1);
