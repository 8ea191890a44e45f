import type { Clock } from './clock';
import { getStorageArea } from './globals';

export interface Storage {
  /** The stored value, or undefined when absent, expired, from another version or rejected by parse. */
  get<T = unknown>(key: string, parse?: (value: unknown) => T | undefined): T | undefined;
  /** Returns false when the value could only be kept in memory (storage blocked or full). */
  set(key: string, value: unknown, options?: { ttlMs?: number }): boolean;
  remove(key: string): void;
  /** True while values persist across navigation; false after falling back to memory. */
  readonly persistent: boolean;
}

export interface StorageOptions {
  clock: Clock;
  namespace?: string;
  version?: number;
  area?: 'local' | 'session';
  /** For tests and hosts with their own store; defaults to window.localStorage or sessionStorage. */
  backing?: globalThis.Storage;
}

interface Envelope {
  readonly d: unknown;
  readonly e?: number;
}

/**
 * Namespaced, versioned keys with expiry. Any failure of the browser store (private mode, blocked
 * third-party storage, quota) moves to an in-memory map for the rest of the page: Tandem keeps working.
 */
export function createStorage(options: StorageOptions): Storage {
  const { clock, namespace = 'tandem', version = 1, area = 'local' } = options;
  const prefix = `${namespace}:v${version}:`;
  // Mirrors every write of this page, so values survive the store failing between a write and a read.
  const memory = new Map<string, string>();
  let backing: globalThis.Storage | undefined = options.backing ?? getStorageArea(area);

  function attempt<T>(action: (store: globalThis.Storage) => T, fallback: () => T): T {
    if (!backing) return fallback();
    try {
      return action(backing);
    } catch {
      backing = undefined;
      return fallback();
    }
  }

  function read(key: string): string | null {
    return attempt(
      (store) => store.getItem(prefix + key),
      () => memory.get(key) ?? null,
    );
  }

  function remove(key: string): void {
    memory.delete(key);
    attempt(
      (store) => store.removeItem(prefix + key),
      () => undefined,
    );
  }

  purgeOtherVersions(namespace, prefix, (action) => attempt(action, () => undefined));

  return {
    get persistent() {
      return backing !== undefined;
    },
    get(key, parse) {
      const raw = read(key);
      if (raw === null) return undefined;
      let envelope: Envelope;
      try {
        envelope = JSON.parse(raw) as Envelope;
      } catch {
        remove(key);
        return undefined;
      }
      if (typeof envelope !== 'object' || envelope === null || !('d' in envelope)) return undefined;
      if (typeof envelope.e === 'number' && envelope.e <= clock.now()) {
        remove(key);
        return undefined;
      }
      return parse ? parse(envelope.d) : (envelope.d as never);
    },
    set(key, value, setOptions = {}) {
      const envelope: Envelope =
        setOptions.ttlMs === undefined ? { d: value } : { d: value, e: clock.now() + setOptions.ttlMs };
      const raw = JSON.stringify(envelope);
      memory.set(key, raw);
      return attempt(
        (store) => {
          store.setItem(prefix + key, raw);
          return true;
        },
        () => false,
      );
    },
    remove,
  };
}

// Keys written by older versions of Tandem would otherwise linger in the visitor's storage forever.
function purgeOtherVersions(
  namespace: string,
  prefix: string,
  attempt: (action: (store: globalThis.Storage) => void) => void,
): void {
  attempt((store) => {
    const stale: string[] = [];
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key?.startsWith(`${namespace}:v`) && !key.startsWith(prefix)) stale.push(key);
    }
    for (const key of stale) store.removeItem(key);
  });
}
