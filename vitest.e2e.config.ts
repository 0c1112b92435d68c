import { defineConfig } from 'vitest/config';

// End-to-end tests: headless Chromium drives the built renderer against the
// browser-mode host. One file at a time: each starts its own host and browser.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest-e2e.json' }]],
  },
});
