import { bool, formatProblems, oneOf, text, validate } from '@tandem/sdk-core';
import * as z from 'zod/mini';

const fieldNameExpected = 'a field name of letters, digits, "-" or "_"';

/** Extra form fields a site configures: { orderNumber: { label: 'Order number', required: true } }. */
export const fieldsSchema = z.record(
  z
    .string({ error: fieldNameExpected })
    .check(z.refine((name) => /^[A-Za-z][\w-]{0,63}$/.test(name), { error: fieldNameExpected })),
  z.strictObject({
    label: z.optional(text(80)),
    type: z.optional(oneOf(['text', 'email', 'tel', 'textarea'])),
    required: z.optional(bool()),
  }),
);

/** Validates a widget's options when its code loads; each problem is named under the config key. */
export function parseOptions<T>(schema: z.ZodMiniType<T>, input: unknown, key: string): T {
  const result = validate(schema, input ?? {});
  if (result.ok) return result.value;
  const problems = result.problems.map((p) => {
    const path = p.path === '(root)' ? key : `${key}.${p.path}`;
    return { ...p, path, message: path + p.message.slice(p.path.length) };
  });
  throw new Error(formatProblems('Tandem config', problems));
}
