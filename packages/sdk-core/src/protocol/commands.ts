import * as z from 'zod/mini';
import { number, oneOf, text } from '../fields';
import { clientId } from './envelope';
import { defaultFieldLimit, fieldLimits } from './limits';

// Every command's payload as a schema: the server validates with these, and the clients take their types
// from them (type-only imports, so no browser bundle carries them).

/** E.164: "+", a country code and up to 15 digits in all. */
export function e164() {
  const expected = 'a phone number in international format, such as "+33612345678"';
  return z
    .string({ error: expected })
    .check(z.refine((v) => /^\+[1-9]\d{6,14}$/.test(v), { error: expected }));
}

export function httpUrl() {
  const expected = 'an http or https URL';
  return z.string({ error: expected }).check(
    z.maxLength(2000, { error: expected }),
    z.refine((v) => /^https?:\/\//i.test(v), { error: expected }),
  );
}

const interaction = { interactionId: text(64) };
const sessionId = { sessionId: text(16) };
const page = z.strictObject({
  url: httpUrl(),
  title: text(500),
  referrer: z.optional(z.union([httpUrl(), z.literal('')])),
  attributes: z.optional(z.record(text(64), text(500))),
});
const handOn = z.strictObject({
  ...interaction,
  toAgentId: z.optional(text(64)),
  toSubject: z.optional(text(64)),
});

export const commands = {
  'availability.subscribe': z.optional(z.strictObject({})),
  'chat.start': z.strictObject({
    subject: z.optional(text(64)),
    fields: z.optional(z.record(text(64), text(defaultFieldLimit))),
  }),
  'chat.send': z.strictObject({ id: clientId(), text: text(100_000) }),
  'chat.typing': z.strictObject({ typing: z.boolean() }),
  'chat.end': z.optional(z.strictObject({})),
  'chat.rate': z.strictObject({
    score: number({ min: 1, max: 5, integer: true }),
    comment: z.optional(text(2000)),
  }),
  'chat.read': z.strictObject({ upTo: clientId() }),
  'chat.history': z.optional(z.strictObject({})),
  'messaging.send': z.strictObject({ id: clientId(), text: text(100_000), subject: z.optional(text(64)) }),
  'messaging.typing': z.strictObject({ typing: z.boolean() }),
  'messaging.read': z.strictObject({ upTo: clientId() }),
  'messaging.history': z.optional(z.strictObject({})),
  'cobrowse.create': z.optional(z.strictObject({})),
  'cobrowse.resume': z.strictObject(sessionId),
  'cobrowse.consent': z.strictObject({ allow: z.boolean() }),
  'cobrowse.revoke': z.optional(z.strictObject({})),
  'cobrowse.frame': z.strictObject({
    kind: oneOf([
      'snapshot',
      'mutation',
      'pointer',
      'scroll',
      'viewport',
      'input',
      'navigation',
      'focus',
      'refused',
    ]),
    data: z.optional(z.unknown()),
    url: z.optional(httpUrl()),
  }),
  'cobrowse.end': z.optional(z.strictObject({})),
  'agent.cobrowseJoin': z.strictObject(sessionId),
  'agent.cobrowseRequestWrite': z.strictObject(sessionId),
  'agent.cobrowseFrame': z.strictObject({
    ...sessionId,
    kind: oneOf(['pointer', 'highlight', 'annotation', 'control', 'resync']),
    data: z.optional(z.unknown()),
  }),
  'agent.cobrowseEnd': z.strictObject(sessionId),
  'call.requestNumber': z.strictObject({
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
  'callback.request': z.strictObject({
    phone: e164(),
    subject: z.optional(text(64)),
    at: z.optional(number({ min: 0 })),
    firstName: z.optional(text(fieldLimits.firstName)),
    lastName: z.optional(text(fieldLimits.lastName)),
    page: z.optional(z.strictObject({ url: httpUrl(), title: text(500) })),
  }),
  'callback.cancel': z.optional(z.strictObject({})),
  'callback.current': z.optional(z.strictObject({})),
  'callback.slots': z.strictObject({ subject: z.optional(text(64)) }),
  'call.releaseNumber': z.optional(z.strictObject({})),
  'agent.me': z.optional(z.strictObject({})),
  'agent.resync': z.optional(z.strictObject({})),
  'agent.setState': z.strictObject({ state: oneOf(['Ready', 'NotReady']), reason: z.optional(text(64)) }),
  'agent.logout': z.optional(z.strictObject({})),
  'agent.roster': z.optional(z.strictObject({})),
  'agent.accept': z.strictObject(interaction),
  'agent.decline': z.strictObject(interaction),
  'agent.send': z.strictObject({
    ...interaction,
    id: clientId(),
    text: text(100_000),
    visibility: z.optional(oneOf(['all', 'agents'])),
    quickReplies: z.optional(
      z
        .array(text(80))
        .check(z.refine((replies) => replies.length <= 5, { error: 'at most 5 quick replies' })),
    ),
  }),
  'agent.read': z.strictObject({ ...interaction, upTo: clientId() }),
  'agent.typing': z.strictObject({ ...interaction, typing: z.boolean() }),
  'agent.transfer': handOn,
  'agent.conference': handOn,
  'agent.consult': handOn,
  'agent.leave': z.strictObject(interaction),
  'agent.end': z.strictObject(interaction),
  'agent.wrapUp': z.strictObject({ ...interaction, code: text(64) }),
  'agent.responses': z.strictObject({ query: text(200) }),
} as const;

export type CommandName = keyof typeof commands;
/** What a command's payload may be, as a client sends it. */
export type CommandPayload<K extends CommandName> = z.input<(typeof commands)[K]>;
