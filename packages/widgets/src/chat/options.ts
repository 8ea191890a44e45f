import { bool, parseOptions, text } from '@tandem/sdk-core';
import * as z from 'zod/mini';
import type { FieldSpec } from '../shared/FormField';
import { fieldsSchema } from '../shared/field-options';

// Images are shown only from origins the site owner lists; anything else stays a plain link.
const originList = z.custom<readonly string[]>(
  (value) => Array.isArray(value) && value.length <= 20 && value.every(isHttpsOrigin),
  { error: 'a list of origins such as ["https://cdn.example.com"]' },
);

export const chatOptionsSchema = z.strictObject({
  /** Shown at the top of every conversation, before anything is sent. */
  welcome: z.optional(text(500)),
  /** The pre-chat form. Without it: name (required) and email. With no field and one subject: no form. */
  prechat: z.optional(
    z.strictObject({
      fields: z.optional(fieldsSchema),
      /** Subject ids of the contact center and the label the visitor picks from. */
      subjects: z.optional(z.record(text(64), text(80))),
    }),
  ),
  /** Ask for a rating (1 to 5) once the chat has ended. */
  rating: z.optional(bool()),
  /** "Download transcript" in the actions menu; on unless false. */
  transcript: z.optional(bool()),
  imageOrigins: z.optional(originList),
  /** A short chime for new messages while the window is closed or the page hidden; on unless false. */
  sound: z.optional(bool()),
});

export type ChatOptions = z.infer<typeof chatOptionsSchema>;
export type PrechatField = FieldSpec;

function isHttpsOrigin(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 200) return false;
  try {
    return new URL(value).origin === value && value.startsWith('https://');
  } catch {
    return false;
  }
}

/** Validates the chat's options when its code loads; the error names each field under `chat.`. */
export const parseChatOptions = (input: unknown): ChatOptions =>
  parseOptions(chatOptionsSchema, input, 'chat');

const defaultFields: readonly PrechatField[] = [
  { name: 'name', required: true },
  { name: 'email', type: 'email' },
];

export function prechatFields(options: ChatOptions): readonly PrechatField[] {
  const fields = options.prechat?.fields;
  if (!fields) return defaultFields;
  return Object.entries(fields).map(([name, field]) => ({ name, ...field }));
}
