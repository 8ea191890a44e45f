import type { Problem } from '../errors';
import { isPlugin } from '../plugin';
import { describeValue, toProblems } from '../problems';
import { configSchema } from './schema';
import { validate } from './validate';

// Loaded only when createTandem was given something wrong: the happy path does not carry the wording.

/** Every problem with the options of createTandem, each named by its field. */
export function explainOptions(options: unknown): Problem[] {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    return [problem('(root)', 'an object of options', options)];
  }
  const { plugins = [], clock, random, storage: _storage, ...raw } = options as Record<string, unknown>;
  const result = validate(configSchema, raw);
  return [
    ...(result.ok ? [] : result.problems),
    ...pluginProblems(plugins),
    ...injectionProblems(clock, random),
  ];
}

/** The problems of a command's payload, from the issues of its schema. */
export const explainIssues = toProblems;

function pluginProblems(plugins: unknown): Problem[] {
  if (!Array.isArray(plugins)) return [problem('plugins', 'an array of plugins', plugins)];
  return plugins.flatMap((plugin, index) =>
    isPlugin(plugin) ? [] : [problem(`plugins[${index}]`, 'a plugin made by definePlugin()', plugin)],
  );
}

function injectionProblems(clock: unknown, random: unknown): Problem[] {
  const out: Problem[] = [];
  const c = clock as { now?: unknown; setTimeout?: unknown } | null | undefined;
  if (
    clock !== undefined &&
    (typeof c !== 'object' || c === null || typeof c.now !== 'function' || typeof c.setTimeout !== 'function')
  ) {
    out.push(problem('clock', 'an object with now(), setTimeout() and clearTimeout()', clock));
  }
  if (random !== undefined && typeof random !== 'function')
    out.push(problem('random', 'a function returning a number in [0, 1)', random));
  return out;
}

function problem(path: string, expected: string, value: unknown): Problem {
  const received = describeValue(value);
  return { path, expected, received, message: `${path}: expected ${expected}, got ${received}` };
}
