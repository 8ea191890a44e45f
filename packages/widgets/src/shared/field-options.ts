import { bool, oneOf, text } from '@tandem/sdk-core';
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
