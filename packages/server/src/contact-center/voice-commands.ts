import { number, text } from '@tandem/sdk-core';
import { fieldLimits } from '@tandem/sdk-core/protocol';
import * as z from 'zod/mini';
import type { CallbackDomain } from './callback';
import { e164, httpUrl } from './command-schemas';
import type { SessionServer } from './sessions';
import type { VoiceDomain } from './voice';

const customer = ['customer'] as const;

/** Click-to-call and callbacks (seed 001): numbers leased for a visit, and calls booked for later. */
export function registerVoiceCommands(
  register: SessionServer['register'],
  voice: VoiceDomain,
  callback: CallbackDomain,
): void {
  const page = z.strictObject({
    url: httpUrl(),
    title: text(500),
    referrer: z.optional(z.union([httpUrl(), z.literal('')])),
    attributes: z.optional(z.record(text(64), text(500))),
  });
  register('call.requestNumber', {
    roles: customer,
    engages: true,
    schema: z.strictObject({
      phone: e164(),
      subject: z.optional(text(64)),
      firstName: z.optional(text(fieldLimits.firstName)),
      lastName: z.optional(text(fieldLimits.lastName)),
      email: z.optional(text(fieldLimits.email)),
      page,
      location: z.optional(
        z.strictObject({
          latitude: number({ min: -90, max: 90 }),
          longitude: number({ min: -180, max: 180 }),
        }),
      ),
    }),
    run: ({ session }, input) => voice.requestNumber(session.subject, input),
  });
  register('callback.request', {
    roles: customer,
    engages: true,
    schema: z.strictObject({
      phone: e164(),
      subject: z.optional(text(64)),
      at: z.optional(number({ min: 0 })),
      firstName: z.optional(text(fieldLimits.firstName)),
      lastName: z.optional(text(fieldLimits.lastName)),
      page: z.optional(z.strictObject({ url: httpUrl(), title: text(500) })),
    }),
    run: ({ session }, input) => callback.request(session.subject, input),
  });
  register('callback.cancel', {
    roles: customer,
    schema: z.optional(z.strictObject({})),
    run: ({ session }) => callback.cancel(session.subject),
  });
  register('callback.current', {
    roles: customer,
    schema: z.optional(z.strictObject({})),
    run: ({ session }) => callback.current(session.subject),
  });
  register('callback.slots', {
    roles: customer,
    schema: z.strictObject({ subject: z.optional(text(64)) }),
    run: (_context, input) => callback.slots(input.subject),
  });
  register('call.releaseNumber', {
    roles: customer,
    schema: z.optional(z.strictObject({})),
    run: ({ session }) => voice.releaseNumber(session.subject),
  });
}
