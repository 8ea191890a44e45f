import type { IncomingMessage } from 'node:http';
import type { ReferenceServer } from '../contact-center';

// The phone simulator's API: there is no telephony here, so a page (or a test) places the calls a PSTN
// gateway would, against the reference server's voice side.

const maxBody = 4096;

export interface PhoneReply {
  readonly status: number;
  readonly body: unknown;
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
): Promise<PhoneReply | undefined> {
  const match = /^\/api\/phone\/calls(?:\/([\w.-]{1,64})(?:\/(digits|hangup))?)?$/.exec(path);
  if (!match) return undefined;
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
