#!/usr/bin/env node
// `npm test`: the unit and interoperability tests, then the end-to-end tests in
// headless Chromium. Both always run; the exit code fails if either failed.
// Their JSON reports (test-results/vitest.json, vitest-e2e.json) are what CI counts.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const vitest = createRequire(import.meta.url).resolve('vitest/vitest.mjs');
const extra = process.argv.slice(2);
const unit = spawnSync(process.execPath, [vitest, 'run', ...extra], { stdio: 'inherit' });
const e2e = spawnSync(process.execPath, [vitest, 'run', '--config', 'vitest.e2e.config.ts'], { stdio: 'inherit' });
process.exit(unit.status === 0 && e2e.status === 0 ? 0 : 1);
