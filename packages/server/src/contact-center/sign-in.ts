import { ProtocolError } from '@tandem/sdk-core/protocol';
import type { Agents } from './agents';
import type { LoginThrottle } from './login-throttle';

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

export const plainPasswords: VerifyPassword = (password, stored) =>
  stored !== undefined && password === stored;

/**
 * Agent sign-in, throttled per account and per address: the same for the WebSocket and for HTTP. A
 * throttled attempt is refused before its password is checked.
 */
export function createSignIn(agents: Agents, throttle: LoginThrottle, verify: VerifyPassword) {
  return async function signIn(username: string, password: string, address?: string): Promise<SignInResult> {
    const keys = [`account:${username.toLowerCase()}`, ...(address ? [`address:${address}`] : [])];
    const wait = throttle.waitMs(keys);
    if (wait > 0)
      return {
        ok: false,
        code: ProtocolError.AuthThrottled,
        message: `too many failed sign-ins: try again in ${Math.ceil(wait / 1000)} s`,
        retryAfterMs: wait,
      };
    const agent = agents.byUsername(username);
    if ((await verify(password, agent?.config.password)) && agent) {
      throttle.succeeded(keys.slice(0, 1));
      return { ok: true, agentId: agent.id };
    }
    throttle.failed(keys);
    return { ok: false, code: ProtocolError.AuthFailed, message: 'unknown username or wrong password' };
  };
}

export type SignIn = ReturnType<typeof createSignIn>;
