import type { Problem } from './errors';

interface IssueLike {
  readonly code: string;
  readonly expected?: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly input?: unknown;
  readonly keys?: readonly string[];
  /** A record key that failed its own schema carries that schema's issues. */
  readonly issues?: readonly IssueLike[];
}

/** Turns zod issues into one problem per field, worded for the person who wrote the config. */
export function toProblems(issues: readonly IssueLike[], root: unknown): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    const entries =
      issue.code === 'unrecognized_keys'
        ? (issue.keys ?? []).map((key) => problem([...issue.path, key], 'no such option', undefined, true))
        : [problem(issue.path, expectedOf(issue), inputOf(issue, root))];
    for (const entry of entries) {
      if (seen.has(entry.path)) continue;
      seen.add(entry.path);
      problems.push(entry);
    }
  }
  return problems;
}

function problem(
  path: readonly PropertyKey[],
  expected: string,
  input: unknown,
  unknownKey = false,
): Problem {
  const where = formatPath(path);
  const received = unknownKey ? 'an unknown option' : describeValue(input);
  const message = unknownKey ? `${where}: unknown option` : `${where}: expected ${expected}, got ${received}`;
  return { path: where, expected, received, message };
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

// Schemas built with the field builders carry their own wording; bare zod schemas say "Invalid input".
function expectedOf(issue: IssueLike): string {
  const keyIssue = issue.code === 'invalid_key' ? issue.issues?.[0] : undefined;
  if (keyIssue) return expectedOf(keyIssue);
  if (issue.message !== 'Invalid input') return issue.message;
  if (issue.code === 'invalid_type' && issue.expected) {
    const name = issue.expected === 'record' ? 'object' : issue.expected;
    return `${/^[aeiou]/.test(name) ? 'an' : 'a'} ${name}`;
  }
  return 'a valid value';
}

// A refinement reports the whole object it checked; the value at the issue's path is what the user wrote.
function inputOf(issue: IssueLike, root: unknown): unknown {
  return issue.code === 'custom' || !('input' in issue) ? valueAt(root, issue.path) : issue.input;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** A short, safe rendering of any value; never echoes more than 40 characters of a string. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return 'an array';
  return 'an object';
}
