import { afterEach, beforeEach, expect, vi } from 'vitest';

// Any console output a test did not ask for fails it: stray errors and warnings hide real problems.
// A test that expects output reads it with vi.mocked(console.error).mock.calls and then calls mockClear().
const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;

beforeEach(() => {
  for (const method of methods) vi.spyOn(console, method).mockImplementation(() => undefined);
});

afterEach(() => {
  const stray = methods.flatMap((method) =>
    vi.mocked(console[method]).mock.calls.map((args) => `console.${method}: ${args.map(String).join(' ')}`),
  );
  vi.restoreAllMocks();
  expect(stray, 'unexpected console output').toEqual([]);
});
