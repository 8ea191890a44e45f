import type { Peer } from '@tandem/sdk-core';
import type { ServerConfig } from './config';
import type { Connections } from './connections';
import type { Features } from './features';
import { createReports } from './reports';
import type { Routing } from './routing';

/** What the host (HTTP, WebSocket, the phone gateway) and the tests use of a running contact center. */
export function serverApi(parts: {
  config: ServerConfig;
  now(): number;
  connections: Connections;
  routing: Routing;
  features: Features;
  /** Takes a connection, gated by storage when there is one. */
  accept(peer: Peer): void;
  close(): Promise<void>;
  /** Wraps work done outside a session (the phone gateway's HTTP calls) so that its changes are stored. */
  stored<A extends unknown[], R>(work: (...args: A) => R): (...args: A) => R;
}) {
  const { config, connections, routing, features, stored } = parts;
  const { agents, sessions } = connections;
  const { facts, domain, availability } = routing;
  const { voice, cobrowse, callback } = features;
  return {
    accept: parts.accept,
    /**
     * Stops every timer the server armed (routing, timeouts, co-browse, the retention sweep), then writes
     * what is left to storage and sends the frames that waited for it.
     */
    close: parts.close,
    config,
    facts,
    agents,
    interactions: domain.interactions,
    cobrowseSessions: cobrowse.sessions,
    reports: createReports({
      agents,
      facts,
      interactions: domain.interactions,
      cobrowse: cobrowse.sessions,
      now: parts.now,
    }),
    callbacks: callback.callbacks,
    /** The telephony side: what a PSTN gateway (or the phone simulator) calls. */
    voice: {
      inboundCall: stored(voice.inboundCall),
      keyDigits: stored(voice.keyDigits),
      hangUp: stored(voice.hangUp),
      calls: voice.calls,
    },
    availability,
    /** Agent sign-in outside the WebSocket (HTTP), throttled with it. */
    signIn: connections.signIn,
    get sessionCount() {
      return sessions.sessionCount;
    },
    get retainedChars() {
      return sessions.retainedChars;
    },
  };
}
