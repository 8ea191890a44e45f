import { configDefaults, defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import type { EngineName } from './tests/support/engines';

/** The customer's side of the end-to-end suite in another engine; the agent stays in Chromium or Node. */
function engineProject(engine: EngineName, groupOrder: number): TestProjectInlineConfiguration {
  return {
    extends: true,
    test: {
      name: engine,
      include: ['tests/engines/**/*.test.ts'],
      environment: 'node',
      setupFiles: ['tests/support/console-guard.ts'],
      provide: { engine },
      testTimeout: 120_000,
      hookTimeout: 60_000,
      expect: { poll: { timeout: 20_000, interval: 100 } },
      // One browser at a time, after the other projects: the machine has two cores.
      fileParallelism: false,
      sequence: { groupOrder },
    },
  };
}

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
            'examples/*/test/**/*.test.ts',
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
          exclude: [...configDefaults.exclude, 'tests/engines/**'],
          environment: 'node',
          setupFiles: ['tests/support/console-guard.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One Chromium at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
      engineProject('firefox', 1),
      engineProject('webkit', 2),
    ],
  },
});
