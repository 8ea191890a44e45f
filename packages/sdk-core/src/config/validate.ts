import * as z from 'zod/mini';
import type { Problem } from '../errors';

export { formatProblems } from '../errors';

import { toProblems } from '../problems';

export type Validation<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** Validates untrusted input against a schema and words each problem once, with its path. */
export function validate<S extends z.ZodMiniType>(schema: S, input: unknown): Validation<z.infer<S>> {
  const result = z.safeParse(schema, input, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problems: toProblems(result.error.issues, input) };
}
