import {
  type Clock,
  formatProblems,
  type Peer,
  type Random,
  systemClock,
  systemRandom,
  validate,
} from '@tandem/sdk-core';
import type { Store, StoredState } from '../storage/store';
import { type ServerConfig, serverConfigSchema } from './config';
import { type ConnectionOptions, createConnections } from './connections';
import { createDomainBus } from './domain-events';
import { attachStorage } from './durable';
import { createFeatures } from './features';
import { createIds } from './ids';
import { scheduleRetention } from './retention';
import { createRouting } from './routing';
import { serverApi } from './server-api';
import { trackedClock } from './tracked-clock';

export interface ReferenceServerOptions extends ConnectionOptions {
  config: unknown;
  clock?: Clock;
  random?: Random;
  /**
   * Where the state lives between runs, and what it held when this run started (openReferenceServer reads
   * it); without, everything is kept in memory only, as unit tests want.
   */
  storage?: {
    store: Store;
    restored: StoredState;
    /** Tests: report any change the storage's tracking missed (see createPersistence). */
    verify?(problem: string): void;
  };
}

/** Thrown by createReferenceServer for an invalid config file; lists every problem by path. */
export class ServerConfigError extends Error {}

/** The config as the server uses it, or a ServerConfigError naming every problem by path. */
export function checkServerConfig(config: unknown): ServerConfig {
  const checked = validate(serverConfigSchema, config);
  if (!checked.ok) throw new ServerConfigError(formatProblems('Tandem server config', checked.problems));
  return checked.value;
}

/**
 * The reference contact center behind protocol v1: connections, routing and the features on it, talking
 * through domain events. Plain TypeScript over injected clock and randomness; `accept(peer)` takes
 * connections from any carrier.
 */
export function createReferenceServer(options: ReferenceServerOptions) {
  const config = checkServerConfig(options.config);
  const clock = trackedClock(options.clock ?? systemClock, () => persistence?.schedule());
  const random = options.random ?? systemRandom;
  const ids = createIds(random);
  const events = createDomainBus();
  const { newId } = ids;

  const connections = createConnections({ config, clock, random, ids, events }, options);
  const routing = createRouting({
    config,
    clock,
    newId,
    events,
    connections,
    overflow: (interaction) => features.voice.overflow(interaction),
  });
  const features = createFeatures({ config, clock, random, newId, events, connections, routing });
  const { sessions, agents, presence } = connections;
  const { facts, handleTimes, domain, router, feed } = routing;

  const durable = {
    config,
    counters: ids.counters,
    sessions,
    agents,
    presence,
    facts,
    handleTimes,
    domain,
    router,
    feed,
    ...features,
  };
  const persistence = attachStorage(options.storage, durable, options.onError ?? (() => {}));
  scheduleRetention({
    clock,
    retentionMs: (config.retentionHours ?? 24) * 3600_000,
    domain,
    facts,
    cobrowse: features.cobrowse,
    voice: features.voice,
  });

  return serverApi({
    config,
    now: () => clock.now(),
    connections,
    routing,
    features,
    accept: (peer: Peer) => sessions.accept(persistence ? persistence.gate(peer) : peer),
    async close() {
      clock.clearAll();
      await persistence?.drain();
    },
    stored:
      <A extends unknown[], R>(work: (...args: A) => R) =>
      (...args: A): R => {
        try {
          return work(...args);
        } finally {
          persistence?.schedule();
        }
      },
  });
}

export type ReferenceServer = ReturnType<typeof createReferenceServer>;

/** A contact center on durable storage: reads what the store holds, then runs on from there. */
export async function openReferenceServer(
  options: Omit<ReferenceServerOptions, 'storage'> & { store: Store; verify?(problem: string): void },
): Promise<ReferenceServer> {
  const { store, verify, ...rest } = options;
  const restored = await store.load();
  return createReferenceServer({ ...rest, storage: { store, restored, ...(verify ? { verify } : {}) } });
}
