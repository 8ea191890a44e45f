import * as z from 'zod/mini';
import { number, oneOf, text } from '../fields';

// Protocol v1 envelopes. Every frame is a JSON object with a "type"; both ends validate every inbound
// frame against these schemas before reading anything else from it.

export const protocolVersion = 1;

/** A client-generated id: commands carry one so that a resend after a reconnect is applied once. */
export const clientId = () =>
  z.string({ error: 'an id of 1 to 64 letters, digits, "-" or "_"' }).check(
    z.refine((value) => /^[A-Za-z0-9_-]{1,64}$/.test(value), {
      error: 'an id of 1 to 64 letters, digits, "-" or "_"',
    }),
  );

const sequence = () => number({ min: 0, max: Number.MAX_SAFE_INTEGER, integer: true });

export const helloFrame = z.strictObject({
  type: oneOf(['hello']),
  version: number({ min: 0, integer: true }),
  role: oneOf(['customer', 'agent']),
  /** Resumes an earlier session: frames after lastSeq are replayed. */
  resume: z.optional(z.strictObject({ token: text(128), lastSeq: sequence() })),
  /** Agents only: a username and password, or a token (JWT) from the integrator's identity provider. */
  credentials: z.optional(
    z.union([
      z.strictObject({ username: text(100), password: text(200) }),
      z.strictObject({ token: text(8192) }),
    ]),
  ),
});

export const commandFrame = z.strictObject({
  type: oneOf(['cmd']),
  id: clientId(),
  name: z.string({ error: 'a command name' }).check(z.maxLength(64, { error: 'a command name' })),
  payload: z.optional(z.unknown()),
});

export const ackFrame = z.strictObject({ type: oneOf(['ack']), seq: sequence() });
export const pingFrame = z.strictObject({ type: oneOf(['ping']) });
export const pongFrame = z.strictObject({ type: oneOf(['pong']) });

/** Client frames by type: the codec picks the schema from "type", then validates the rest. */
export const clientFrame = {
  hello: helloFrame,
  cmd: commandFrame,
  ack: ackFrame,
  ping: pingFrame,
  pong: pongFrame,
} as const;

export const welcomeFrame = z.strictObject({
  type: oneOf(['welcome']),
  version: number({ min: protocolVersion, max: protocolVersion, integer: true }),
  token: text(128),
  /** False when the token was unknown or expired: a fresh session, nothing replayed. */
  resumed: z.boolean(),
  /** The identity the server knows this session by (customer id, or agent id). */
  subject: text(128),
  /** Highest sequence number the server has sent so far in this session. */
  seq: sequence(),
});

export const errorBody = z.strictObject({ code: text(64), message: text(2000) });

export const eventFrame = z.strictObject({
  type: oneOf(['event']),
  seq: sequence(),
  name: text(64),
  data: z.optional(z.unknown()),
});

export const resultFrame = z.strictObject({
  type: oneOf(['result']),
  seq: sequence(),
  id: clientId(),
  ok: z.boolean(),
  value: z.optional(z.unknown()),
  error: z.optional(errorBody),
});

/** Not sequenced: says why an inbound frame was dropped, or why the connection is about to close. */
export const errorFrame = z.strictObject({
  type: oneOf(['error']),
  code: text(64),
  message: text(2000),
});

/** Server frames by type. */
export const serverFrame = {
  welcome: welcomeFrame,
  event: eventFrame,
  result: resultFrame,
  error: errorFrame,
  ping: pingFrame,
  pong: pongFrame,
} as const;

export type HelloFrame = z.infer<typeof helloFrame>;
export type CommandFrame = z.infer<typeof commandFrame>;
export type ClientFrame = {
  [K in keyof typeof clientFrame]: z.infer<(typeof clientFrame)[K]>;
}[keyof typeof clientFrame];
export type WelcomeFrame = z.infer<typeof welcomeFrame>;
export type EventFrame = z.infer<typeof eventFrame>;
export type ResultFrame = z.infer<typeof resultFrame>;
export type ErrorFrame = z.infer<typeof errorFrame>;
export type ServerFrame = {
  [K in keyof typeof serverFrame]: z.infer<(typeof serverFrame)[K]>;
}[keyof typeof serverFrame];
export type SequencedFrame = EventFrame | ResultFrame;

/** Close codes; 4xxx are Tandem's own, the rest are the WebSocket standard's. */
export const ProtocolClose = {
  Normal: 1000,
  GoingAway: 1001,
  TooBig: 1009,
  BadVersion: 4400,
  AuthFailed: 4401,
  HelloTimeout: 4408,
  Replaced: 4409,
  Flood: 4429,
  SessionEnded: 4410,
} as const;

/**
 * Every error code the server sends, in `error` frames and failed results: one closed list, documented in
 * docs/protocol.md. Clients branch on these; a code not in it comes from a newer server and reads as its
 * message alone.
 */
export const ProtocolError = {
  MalformedFrame: 'malformed_frame',
  UnknownCommand: 'unknown_command',
  InvalidArgument: 'invalid_argument',
  Forbidden: 'forbidden',
  NotFound: 'not_found',
  Conflict: 'conflict',
  BadVersion: 'bad_version',
  AuthFailed: 'auth_failed',
  AuthThrottled: 'auth_throttled',
  TooBig: 'frame_too_big',
  Flood: 'flood',
  HelloRequired: 'hello_required',
  /** The server has no such feature configured, or the agent asked for cannot take it now. */
  Unavailable: 'unavailable',
  /** Too many wrong co-browse session ids: the agent waits a minute. */
  LockedOut: 'locked_out',
  /** The time asked for is outside the channel's business hours. */
  OutsideHours: 'outside_hours',
  /** A fault on the server; the connection or the command is dropped, never the process. */
  Internal: 'internal',
} as const;

export type ProtocolErrorCode = (typeof ProtocolError)[keyof typeof ProtocolError];
