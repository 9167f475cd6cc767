import { defineConfig } from 'vitest/config';

// Two projects: `unit` runs pure code in Node (fast, no browser); `e2e` drives the built app in
// Debian's Chromium through playwright-core. `npm test` runs both, unit first.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts', 'firmware-protocol/**/*.test.ts', 'tests/unit/**/*.test.ts', 'scripts/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/harness/global-setup.ts'],
          // One browser at a time: CI has 2 cores, and Chromium plus the static server use both.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
