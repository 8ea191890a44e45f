import type { Clock, Random } from '@tandem/sdk-core';
import { createAgents } from './agents';
import type { ServerConfig } from './config';
import type { DomainBus } from './domain-events';
import type { Ids } from './ids';
import { createLoginThrottle, type LoginThrottleOptions } from './login-throttle';
import type { Notify } from './notify';
import { createPresence } from './presence';
import { createSessionServer, type SessionLimits } from './sessions';
import { createSignIn, plainPasswords, type VerifyPassword, type VerifyToken } from './sign-in';

export interface ConnectionOptions {
  limits?: Partial<SessionLimits> | undefined;
  /** How a password is checked against the config's (plain text by default; the host hashes). */
  verifyPassword?: VerifyPassword | undefined;
  /**
   * Checks an identity provider's token and gives the username it vouches for (the host builds it from
   * the config's `auth.jwt`); without, tokens are refused.
   */
  verifyToken?: VerifyToken | undefined;
  /** Failed sign-ins allowed, and the delays after them. */
  loginThrottle?: LoginThrottleOptions | undefined;
  onError?: ((error: unknown) => void) | undefined;
}

/**
 * Who is connected: the agents and their sign-in, the sessions of protocol v1, and presence. What others
 * must know of comings and goings goes out as domain events (`party.*`), so routing decides what it means.
 */
export function createConnections(
  parts: { config: ServerConfig; clock: Clock; random: Random; ids: Ids; events: DomainBus },
  options: ConnectionOptions,
) {
  const { config, clock, random, events } = parts;
  const agents = createAgents(config.agents, () => clock.now());
  const signIn = createSignIn(agents, createLoginThrottle(clock, options.loginThrottle), {
    password: options.verifyPassword ?? plainPasswords,
    ...(options.verifyToken ? { token: options.verifyToken } : {}),
  });

  const sessions = createSessionServer({
    clock,
    random,
    limits: options.limits,
    onError: options.onError,
    hooks: {
      authenticate: (credentials, address) =>
        signIn(credentials, address).then((result) =>
          result.ok ? { ok: true, subject: result.agentId } : result,
        ),
      newCustomerId: parts.ids.newCustomerId,
      onConnect({ subject, role }) {
        presence.connected(subject);
        events.emit('party.connected', { subject, role });
      },
      onDisconnect: ({ subject, role }) => presence.disconnected(subject, role),
      onSessionEnd: ({ subject, role }) => events.emit('party.ended', { subject, role }),
    },
  });

  const presence = createPresence({
    clock,
    graceMs: (config.presence?.graceSec ?? 60) * 1000,
    isConnected: (subject) => sessions.isConnected(subject),
    onGone: (subject, role) => events.emit('party.gone', { subject, role }),
  });

  const notify: Notify = (subject, name, data, volatile = false) =>
    sessions.emitTo(subject, name, data, { volatile });

  return { agents, signIn, sessions, presence, notify };
}

export type Connections = ReturnType<typeof createConnections>;
