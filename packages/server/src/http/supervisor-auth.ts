import type { IncomingMessage } from 'node:http';
import type { ReferenceServer } from '../contact-center';

export type Refusal = {
  readonly status: 401 | 403 | 429;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: { error: string; message: string };
};

const challenge = { 'www-authenticate': 'Basic realm="Tandem supervisor", charset="UTF-8"' };

/**
 * Reports and every supervisor view: HTTP Basic credentials of an agent whose role is supervisor,
 * checked and throttled as the desktop's sign-in is. Undefined when the request may go on.
 */
export async function refuseUnlessSupervisor(
  request: IncomingMessage,
  contactCenter: ReferenceServer,
): Promise<Refusal | undefined> {
  const [scheme, encoded] = (request.headers.authorization ?? '').split(' ');
  const decoded =
    scheme?.toLowerCase() === 'basic' ? Buffer.from(encoded ?? '', 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  if (colon < 1)
    return {
      status: 401,
      headers: challenge,
      body: { error: 'auth_required', message: 'sign in as a supervisor (HTTP Basic)' },
    };
  const result = await contactCenter.signIn(
    decoded.slice(0, colon),
    decoded.slice(colon + 1),
    request.socket.remoteAddress,
  );
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
