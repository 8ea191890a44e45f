import * as z from 'zod/mini';
import type { Problem } from '../errors';

import { formatProblems } from '../errors';
import { toProblems } from '../problems';

export { formatProblems };

export type Validation<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** Validates untrusted input against a schema and words each problem once, with its path. */
export function validate<S extends z.ZodMiniType>(schema: S, input: unknown): Validation<z.infer<S>> {
  const result = z.safeParse(schema, input, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problems: toProblems(result.error.issues, input) };
}

/**
 * Validates a feature's options when its code loads, naming each problem under its config key
 * (`chat.prechat.fields.1st: expected …`); throws one error listing them all.
 */
export function parseOptions<T>(schema: z.ZodMiniType<T>, input: unknown, key: string): T {
  const result = validate(schema, input ?? {});
  if (result.ok) return result.value as T;
  const problems = result.problems.map((p) => {
    const path = p.path === '(root)' ? key : `${key}.${p.path}`;
    return { ...p, path, message: path + p.message.slice(p.path.length) };
  });
  throw new Error(formatProblems('Tandem config', problems));
}
