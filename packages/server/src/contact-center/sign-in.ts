import { ProtocolError } from '@tandem/sdk-core/protocol';
import type { Agents } from './agents';
import type { LoginThrottle } from './login-throttle';
import type { Credentials } from './sessions';

export type SignInResult =
  | { readonly ok: true; readonly agentId: string }
  | {
      readonly ok: false;
      readonly code: typeof ProtocolError.AuthFailed | typeof ProtocolError.AuthThrottled;
      readonly message: string;
      /** For a throttled attempt: when it may try again. */
      readonly retryAfterMs?: number;
    };

/**
 * Checks a password against what the config stores for an account (`undefined`: no such account, which
 * must cost the same time). The contact center compares plain text; the server host hashes (scrypt).
 */
export type VerifyPassword = (password: string, stored: string | undefined) => boolean | Promise<boolean>;

/** Checks an identity provider's token: the username it vouches for, or undefined when it is not valid. */
export type VerifyToken = (token: string) => Promise<string | undefined>;

export const plainPasswords: VerifyPassword = (password, stored) =>
  stored !== undefined && password === stored;

const refused = {
  ok: false,
  code: ProtocolError.AuthFailed,
  message: 'unknown username or wrong password',
} as const;

/**
 * Agent sign-in, by password or by an identity provider's token, throttled per account and per address:
 * the same for the WebSocket and for HTTP. A throttled attempt is refused before anything is checked. A
 * token's account is unknown until it is checked, so bad tokens count against the address alone.
 */
export function createSignIn(
  agents: Agents,
  throttle: LoginThrottle,
  verify: { password: VerifyPassword; token?: VerifyToken },
) {
  function throttled(keys: string[]): SignInResult | undefined {
    const wait = throttle.waitMs(keys);
    if (wait <= 0) return undefined;
    return {
      ok: false,
      code: ProtocolError.AuthThrottled,
      message: `too many failed sign-ins: try again in ${Math.ceil(wait / 1000)} s`,
      retryAfterMs: wait,
    };
  }

  async function withPassword(username: string, password: string, address?: string): Promise<SignInResult> {
    const keys = [`account:${username.toLowerCase()}`, ...(address ? [`address:${address}`] : [])];
    const refusal = throttled(keys);
    if (refusal) return refusal;
    const agent = agents.byUsername(username);
    if ((await verify.password(password, agent?.config.password)) && agent) {
      throttle.succeeded(keys.slice(0, 1));
      return { ok: true, agentId: agent.id };
    }
    throttle.failed(keys);
    return refused;
  }

  async function withToken(token: string, address?: string): Promise<SignInResult> {
    const keys = address ? [`address:${address}`] : [];
    const refusal = throttled(keys);
    if (refusal) return refusal;
    const username = verify.token ? await verify.token(token) : undefined;
    const agent = username === undefined ? undefined : agents.byUsername(username);
    if (agent) return { ok: true, agentId: agent.id };
    throttle.failed(keys);
    return { ok: false, code: ProtocolError.AuthFailed, message: 'the sign-in token was not accepted' };
  }

  return function signIn(credentials: Credentials, address?: string): Promise<SignInResult> {
    return 'token' in credentials
      ? withToken(credentials.token, address)
      : withPassword(credentials.username, credentials.password, address);
  };
}

export type SignIn = ReturnType<typeof createSignIn>;
