import type { IncomingMessage } from 'node:http';
import type { ReferenceServer } from '../contact-center';
import type { Credentials } from '../contact-center/sessions';

export type Refusal = {
  readonly status: 401 | 403 | 429;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: { error: string; message: string };
};

const challenge = { 'www-authenticate': 'Basic realm="Tandem supervisor", charset="UTF-8"' };

/** Basic (username and password) or Bearer (the identity provider's JWT). */
function credentialsOf(scheme: string | undefined, value: string): Credentials | undefined {
  if (scheme === 'bearer' && value) return { token: value };
  if (scheme !== 'basic') return undefined;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 1 ? undefined : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/**
 * Reports and every supervisor view: HTTP Basic credentials (or an identity provider's Bearer token) of an agent whose role is supervisor,
 * checked and throttled as the desktop's sign-in is. Undefined when the request may go on.
 */
export async function refuseUnlessSupervisor(
  request: IncomingMessage,
  contactCenter: ReferenceServer,
): Promise<Refusal | undefined> {
  const [scheme, encoded = ''] = (request.headers.authorization ?? '').split(' ');
  const credentials = credentialsOf(scheme?.toLowerCase(), encoded);
  if (!credentials)
    return {
      status: 401,
      headers: challenge,
      body: { error: 'auth_required', message: 'sign in as a supervisor (HTTP Basic, or a Bearer token)' },
    };
  const result = await contactCenter.signIn(credentials, request.socket.remoteAddress);
  if (!result.ok)
    return result.retryAfterMs
      ? {
          status: 429,
          headers: { 'retry-after': String(Math.ceil(result.retryAfterMs / 1000)) },
          body: { error: result.code, message: result.message },
        }
      : { status: 401, headers: challenge, body: { error: result.code, message: result.message } };
  if (contactCenter.agents.get(result.agentId)?.config.role !== 'supervisor')
    return { status: 403, headers: {}, body: { error: 'forbidden', message: 'reports are for supervisors' } };
  return undefined;
}
