import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Tests run against sources, in the browser-like and the Node environments alike.
  resolve: { conditions: ['tandem-source'] },
  ssr: { resolve: { conditions: ['tandem-source'], externalConditions: ['tandem-source'] } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'packages/*/test/**/*.test.{ts,tsx}',
            'script-tag/test/**/*.test.ts',
            'tools/test/**/*.test.ts',
            'bench/test/**/*.test.ts',
          ],
          environment: 'happy-dom',
          setupFiles: ['tests/support/console-guard.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/support/console-guard.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One Chromium at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
