import { fileURLToPath } from 'node:url';
import { type AgentClient, createAgentClient } from '@tandem/sdk-core/agent';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import WebSocket from 'ws';
import { type RunningHost, startHost } from '../../examples/host/server';
import {
  createSessionClient,
  type SessionClientOptions,
} from '../../packages/sdk-core/src/client/session-client';
import { websocketTransport } from '../../packages/sdk-core/src/client/websocket-transport';
import { launchBrowser } from './browser';

/** Starts the example host on a free port (and Chromium, unless told not to) for one test file. */
export function useHost(options: { browser?: boolean; config?: unknown } = {}) {
  const fixturesDir = fileURLToPath(new URL('../fixtures/', import.meta.url));
  const running: { host?: RunningHost; browser?: Browser } = {};
  beforeAll(async () => {
    running.host = await startHost({
      port: 0,
      notice: () => undefined,
      fixturesDir,
      ...(options.config ? { config: options.config } : {}),
    });
    if (options.browser !== false) running.browser = await launchBrowser();
  });
  afterAll(async () => {
    await running.browser?.close();
    await running.host?.close();
  });
  return {
    get host(): RunningHost {
      if (!running.host) throw new Error('the host is not running yet');
      return running.host;
    },
    get browser(): Browser {
      if (!running.browser) throw new Error('the browser is not running yet');
      return running.browser;
    },
  };
}

/** Request options for the reports: the demo's supervisor (Dana) over HTTP Basic. */
export const asSupervisor = {
  headers: { authorization: `Basic ${Buffer.from('dana:dana').toString('base64')}` },
};

/** A transport to the host's /tandem endpoint from Node, over the `ws` package. */
export function hostTransport(host: RunningHost) {
  return websocketTransport({
    url: `${host.url.replace('http', 'ws')}/tandem`,
    WebSocket: WebSocket as never,
  });
}

/** A demo agent connected from Node (the demo passwords are the usernames). */
export function agentOverWebSocket(host: RunningHost, username: string, session?: object): AgentClient {
  return createAgentClient({
    transport: hostTransport(host),
    username,
    password: username,
    ...(session ? { session } : {}),
  });
}

export function customerOverWebSocket(host: RunningHost, options: Partial<SessionClientOptions> = {}) {
  return createSessionClient({ transport: hostTransport(host), role: 'customer', ...options });
}

/** A demo agent over WebSocket who accepts every invitation; the ids of those she was offered. */
export async function readyAgent(host: RunningHost, username = 'alice') {
  const agent = agentOverWebSocket(host, username);
  const invites: string[] = [];
  agent.on('invite', ({ interactionId }) => {
    invites.push(interactionId);
    void agent.accept(interactionId);
  });
  await agent.start();
  return { agent, invites };
}
