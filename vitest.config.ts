import { defineConfig } from 'vitest/config';

/**
 * Three suites: unit (pure domain rules, fast), integration (the HTTP API on a real database:
 * PGlite by default, PostgreSQL when TEST_DATABASE_URL is set) and e2e (the built app in Chromium).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          // The authorization matrix builds every kind of record through the API before it starts
          // (about a minute on a 2-core machine, more under load); a ceiling, not a speed goal.
          hookTimeout: 240_000,
          // Each file opens its own database; two at a time suits a 2-core machine.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 240_000,
          // A real browser round trip (click → API → refetch → render) can take over the default
          // 1 s on a loaded 2-core machine; a ceiling for waiting, not a speed goal.
          expect: { poll: { timeout: 10_000 } },
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
