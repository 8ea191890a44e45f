import { bool, parseOptions, text } from '@tandem/sdk-core';
import * as z from 'zod/mini';
import { fieldsSchema } from '../shared/field-options';
import { callingCodes } from './phone-number';

const countryExpected = `a country code among ${Object.keys(callingCodes).join(', ')}`;
const country = z
  .string({ error: countryExpected })
  .check(z.refine((code) => Object.hasOwn(callingCodes, code), { error: countryExpected }));

export const callOptionsSchema = z.strictObject({
  /** Subject ids of the contact center and the label the visitor picks from; the first is the default. */
  subjects: z.optional(z.record(text(64), text(80))),
  /** The country preselected for the visitor's phone number. */
  country: z.optional(country),
  /** The countries offered; all known ones when absent. */
  countries: z.optional(z.array(country)),
  /** Extra fields of the form, sent to the agent with the page context. */
  fields: z.optional(fieldsSchema),
  /** Custom attributes for the agent's screen pop (more through ClickToCall.setAttributes). */
  attributes: z.optional(z.record(text(64), text(500))),
  /** Offer to share the device location (asked, never taken). */
  location: z.optional(bool()),
  /** Offer a callback when calling is closed or the wait too long; on unless false. */
  callback: z.optional(bool()),
});

export type CallOptions = z.infer<typeof callOptionsSchema>;

/** Validates the click-to-call options when its code loads (script tag: config.clickToCall). */
export const parseCallOptions = (input: unknown): CallOptions =>
  parseOptions(callOptionsSchema, input, 'clickToCall');
