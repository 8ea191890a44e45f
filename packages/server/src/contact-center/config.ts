import { bool, number, oneOf, text } from '@tandem/sdk-core';
import * as z from 'zod/mini';

const hhmm = () =>
  z
    .string({ error: 'a time "HH:MM"' })
    .check(z.refine((v) => /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/.test(v), { error: 'a time "HH:MM"' }));
const day = () =>
  z
    .string({ error: 'a date "YYYY-MM-DD"' })
    .check(z.refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v), { error: 'a date "YYYY-MM-DD"' }));
const id = () =>
  z
    .string({ error: 'an id of letters, digits, "-" or "_"' })
    .check(
      z.refine((v) => /^[A-Za-z0-9_-]{1,64}$/.test(v), { error: 'an id of letters, digits, "-" or "_"' }),
    );

export const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

const intervals = () => z.array(z.tuple([hhmm(), hhmm()]));

export const scheduleSchema = z.strictObject({
  timeZone: text(64),
  weekly: z.strictObject({
    sun: z.optional(intervals()),
    mon: z.optional(intervals()),
    tue: z.optional(intervals()),
    wed: z.optional(intervals()),
    thu: z.optional(intervals()),
    fri: z.optional(intervals()),
    sat: z.optional(intervals()),
  }),
  holidays: z.optional(z.array(day())),
});

const agentSchema = z.strictObject({
  id: id(),
  name: text(100),
  username: text(100),
  /**
   * A scrypt hash (`tandem-server hash-password`); plain text only in demo mode. None: the agent signs in
   * only with a token from the identity provider (`auth.jwt`).
   */
  password: z.optional(text(200)),
  /** Supervisors also read the reports. */
  role: z.optional(oneOf(['agent', 'supervisor'])),
  /** Skill name → level 1–10. */
  skills: z.record(z.string(), number({ min: 1, max: 10, integer: true })),
  capacity: z.optional(
    z.strictObject({
      chat: z.optional(number({ min: 0, max: 20, integer: true })),
      voice: z.optional(number({ min: 0, max: 1, integer: true })),
    }),
  ),
});

const targetSchema = z.strictObject({
  minLevel: number({ min: 1, max: 10, integer: true }),
  timeoutSec: number({ min: 1 }),
});

const subjectSchema = z.strictObject({
  id: id(),
  name: text(100),
  skill: text(64),
  priorities: z.strictObject({
    initial: number({ min: 0, integer: true }),
    overflow: number({ min: 0, integer: true }),
    rona: number({ min: 0, integer: true }),
  }),
  /** Up to three expanding targets; after the last, the optional external overflow number. */
  targets: z.array(targetSchema).check(z.minLength(1), z.maxLength(3, { error: 'at most 3 targets' })),
  overflowNumber: z.optional(text(32)),
});

export const serverConfigSchema = z.strictObject({
  agents: z.array(agentSchema),
  subjects: z.array(subjectSchema).check(z.minLength(1, { error: 'at least one subject' })),
  /** Channel (chat, voice, messaging, callback) → schedule; subjects may override with "<channel>:<subject>". */
  hours: z.optional(z.record(z.string(), scheduleSchema)),
  routing: z.optional(
    z.strictObject({
      ronaTimeoutSec: z.optional(number({ min: 1 })),
      /** How long the routing strategy holds an interaction before alerting (the "during routing" phase). */
      routingDelayMs: z.optional(number({ min: 0 })),
      defaultHandleTimeSec: z.optional(number({ min: 1 })),
    }),
  ),
  chat: z.optional(
    z.strictObject({
      welcomeMessage: z.optional(text(1000)),
      maxMessageLength: z.optional(number({ min: 1, max: 100_000, integer: true })),
    }),
  ),
  /** Agents may also sign in with a JWT from the integrator's identity provider, checked against its JWKS. */
  auth: z.optional(
    z.strictObject({
      jwt: z.strictObject({
        jwksUrl: z.url({ protocol: /^https?$/, error: 'an http or https URL' }),
        issuer: text(500),
        audience: text(500),
        /** The claim that holds the agent's username (default `sub`). */
        usernameClaim: z.optional(text(64)),
        /** Signing algorithms accepted (default RS256 and ES256); never "none". */
        algorithms: z.optional(
          z.array(oneOf(['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'])),
        ),
      }),
    }),
  ),
  /** How long a customer or agent may be without a connection before they count as gone (default 60 s). */
  presence: z.optional(z.strictObject({ graceSec: number({ min: 1, max: 3600 }) })),
  notReadyReasons: z.optional(z.array(text(64))),
  wrapUpCodes: z.optional(z.array(text(64))),
  standardResponses: z.optional(
    z.array(z.strictObject({ id: id(), title: text(200), text: text(4000), keywords: z.array(text(64)) })),
  ),
  clickToCall: z.optional(
    z.strictObject({
      /** Shown when a pool is exhausted; calls to it arrive without web context. */
      generalNumber: text(32),
      leaseTtlSec: z.optional(number({ min: 10, max: 86_400 })),
      /** When set, every lease gets a code and a number can serve several visitors at once. */
      accessCode: z.optional(
        z.strictObject({
          digits: number({ min: 3, max: 8, integer: true }),
          attempts: number({ min: 1, max: 10, integer: true }),
        }),
      ),
      pools: z.array(
        z.strictObject({
          subject: text(64),
          allocation: oneOf(['random', 'locking']),
          numbers: z.array(text(32)).check(z.minLength(1, { error: 'at least one number' })),
        }),
      ),
    }),
  ),
  messaging: z.optional(
    z.strictObject({
      /** Inactivity after which a new thread starts; at most 72 hours. */
      threadWindowHours: z.optional(number({ min: 0.01, max: 72 })),
      defaultSubject: z.optional(text(64)),
    }),
  ),
  cobrowse: z.optional(
    z.strictObject({
      /** A session nobody joins within this time expires (default 600). */
      joinTimeoutSec: z.optional(number({ min: 10 })),
      /** A customer away on a page without Tandem may come back within this time (default 300). */
      pauseTimeoutSec: z.optional(number({ min: 10 })),
      /** Inactivity per primary media, seconds; 0 means none (defaults: chat 900, messaging 120, voice 0). */
      inactivitySec: z.optional(
        z.strictObject({
          chat: z.optional(number({ min: 0 })),
          messaging: z.optional(number({ min: 0 })),
          voice: z.optional(number({ min: 0 })),
        }),
      ),
    }),
  ),
  pushIntervalSec: z.optional(number({ min: 0 })),
  /** Ended interactions, calls and co-browse sessions (and their facts) are kept this long for reports. */
  retentionHours: z.optional(number({ min: 1, max: 24 * 365 })),
  showEwt: z.optional(bool()),
  ewtMethod: z.optional(oneOf(['queue'])),
});

export type ServerConfig = z.infer<typeof serverConfigSchema>;
export type Schedule = z.infer<typeof scheduleSchema>;
export type SubjectConfig = z.infer<typeof subjectSchema>;
export type AgentConfig = z.infer<typeof agentSchema>;

export const defaultNotReadyReasons = ['Admin Work', 'Lunch', 'Meeting', 'Pause', 'RONA', 'Training'];
