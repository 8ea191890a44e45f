import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { ReferenceServer } from '../contact-center';

// The phone network's API: a PSTN gateway (or, in demo mode, the phone simulator page) places calls against
// the reference server's voice side. Outside demo mode it is off unless the gateway's token is set, and
// every request must carry it: a stranger could otherwise dial a leased number and take a visitor's context.

/** Who may use the API: anyone (demo mode), the holder of a token, or nobody (the default). */
export type PhoneAccess = { readonly open: true } | { readonly token: string } | null;

/** Shorter tokens are refused at start: they could be guessed. */
export const minPhoneTokenLength = 32;

const digest = (text: string) => createHash('sha256').update(text).digest();

/** The refusal for a request the access does not allow, if any (compared in constant time). */
function refusal(request: IncomingMessage, access: PhoneAccess): PhoneReply | undefined {
  if (access === null) return { status: 404, body: { error: 'not_found' } };
  if ('open' in access) return undefined;
  const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
  if (timingSafeEqual(digest(given), digest(access.token))) return undefined;
  return {
    status: 401,
    body: { error: 'auth_failed', message: 'expected the gateway token as Authorization: Bearer' },
    headers: { 'www-authenticate': 'Bearer realm="tandem-phone"' },
  };
}

const maxBody = 4096;

export interface PhoneReply {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

type Call = ReturnType<ReferenceServer['voice']['inboundCall']>;

/** What the caller sees: no lease or customer data, only the state of their own call. */
const view = (call: Call) => ({
  id: call.id,
  dialed: call.dialed,
  callerId: call.callerId,
  state: call.state,
  prompt: call.prompt,
  attemptsLeft: call.attemptsLeft,
});

/**
 * POST /api/phone/calls { dialed, callerId } places a call; POST /api/phone/calls/<id>/digits { digits }
 * keys digits; POST /api/phone/calls/<id>/hangup ends it; GET /api/phone/calls/<id> reads it. JSON bodies
 * only (a cross-site form cannot send one without a preflight this host never grants).
 */
export async function phoneRoute(
  request: IncomingMessage,
  path: string,
  contactCenter: ReferenceServer,
  access: PhoneAccess,
): Promise<PhoneReply | undefined> {
  const match = /^\/api\/phone\/calls(?:\/([\w.-]{1,64})(?:\/(digits|hangup))?)?$/.exec(path);
  if (!match) return undefined;
  const refused = refusal(request, access);
  if (refused) return refused;
  const [, id, action] = match;
  const { voice } = contactCenter;
  try {
    if (request.method === 'GET' && id && !action) {
      const call = voice.calls.get(id);
      return call ? { status: 200, body: view(call) } : { status: 404, body: { error: 'not_found' } };
    }
    if (request.method !== 'POST') return { status: 405, body: { error: 'method_not_allowed' } };
    if (!request.headers['content-type']?.startsWith('application/json')) {
      return { status: 415, body: { error: 'expected application/json' } };
    }
    const body = await readJson(request);
    if (!id) {
      const dialed = phoneText(body.dialed);
      const callerId = phoneText(body.callerId);
      if (!dialed || !callerId) return invalid('dialed and callerId: expected phone numbers');
      return { status: 201, body: view(voice.inboundCall({ dialed, callerId })) };
    }
    if (action === 'digits') {
      const digits = typeof body.digits === 'string' && /^[\d*#]{1,16}$/.test(body.digits) ? body.digits : '';
      if (!digits) return invalid('digits: expected 1 to 16 of 0-9, * and #');
      return { status: 200, body: view(voice.keyDigits(id, digits)) };
    }
    if (action === 'hangup') {
      voice.hangUp(id);
      const call = voice.calls.get(id);
      return { status: 200, body: call ? view(call) : { id, state: 'ended' } };
    }
    return { status: 405, body: { error: 'method_not_allowed' } };
  } catch (error) {
    const failure = error as { code?: string; message?: string };
    return {
      status: failure.code === 'not_found' ? 404 : 400,
      body: { error: failure.code ?? 'bad_request', message: failure.message },
    };
  }
}

function invalid(message: string): PhoneReply {
  return { status: 400, body: { error: 'invalid_argument', message } };
}

function phoneText(value: unknown): string | undefined {
  return typeof value === 'string' && /^\+?[\d\s().-]{3,32}$/.test(value) ? value : undefined;
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBody) throw Object.assign(new Error('body: expected at most 4 KB'), { code: 'too_large' });
    chunks.push(chunk as Buffer);
  }
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    throw Object.assign(new Error('body: expected JSON'), { code: 'bad_request' });
  }
}
