import type { Peer } from '@tandem/sdk-core';
import type { RecordKind } from './migrations';
import type { Changes, Store, StoredState } from './store';

/** Where a kind of record comes from: every record (compared with what was written) or the changed ones. */
export type RecordSource =
  | { readonly kind: RecordKind; all(): Iterable<readonly [string, unknown]> }
  | { readonly kind: RecordKind; changed(): Iterable<readonly [string, unknown | undefined]> };

export interface PersistenceOptions {
  store: Store;
  restored: StoredState;
  sources: readonly RecordSource[];
  /** Transcripts by owner; messages are only ever appended. */
  transcripts(): Iterable<readonly [string, readonly unknown[]]>;
  onError(error: unknown): void;
  /** Waits between attempts while the store refuses writes. */
  retryMs?: number;
}

/**
 * Writes what changed after every turn (a frame handled, a timer fired), in one transaction, and holds
 * every frame the turn produced until that write has landed: a client never sees what a crash could
 * take back, so after a restart nothing it saw is lost and nothing is sent twice under another number.
 */
export function createPersistence(options: PersistenceOptions) {
  const { store, sources, retryMs = 1000 } = options;
  const written = new Map<RecordKind, Map<string, { created: number; json: string }>>();
  let lastCreated = options.restored.lastCreated;
  for (const [kind, rows] of Object.entries(options.restored.records) as Array<
    [RecordKind, ReadonlyMap<string, unknown>]
  >) {
    written.set(
      kind,
      new Map([...rows].map(([id, data]) => [id, { created: 0, json: JSON.stringify(data) }])),
    );
  }
  const messageCounts = new Map([...options.restored.messages].map(([owner, list]) => [owner, list.length]));
  /** Changes taken from tracked sources whose write failed: tried again with the next one. */
  const unsaved = new Map<RecordKind, Map<string, unknown | undefined>>();
  let held: Array<() => void> = [];
  let scheduled = false;
  let writing: Promise<void> | null = null;
  let again = false;
  let closed = false;

  function schedule(): void {
    if (closed) return;
    if (writing) again = true;
    else if (!scheduled) {
      scheduled = true;
      setImmediate(run);
    }
  }

  function collect(): { changes: Changes; commit(): void } {
    const upserts: Array<{ kind: RecordKind; id: string; created: number; json: string }> = [];
    const deletes: Array<{ kind: RecordKind; id: string }> = [];
    const upsert = (kind: RecordKind, id: string, data: unknown) => {
      const json = JSON.stringify(data);
      const before = written.get(kind)?.get(id);
      if (before?.json !== json)
        upserts.push({ kind, id, created: before ? before.created : ++lastCreated, json });
    };
    for (const source of sources) {
      const previous = written.get(source.kind) ?? new Map();
      if ('all' in source) {
        const seen = new Set<string>();
        for (const [id, data] of source.all()) {
          seen.add(id);
          upsert(source.kind, id, data);
        }
        for (const id of previous.keys()) if (!seen.has(id)) deletes.push({ kind: source.kind, id });
      } else {
        const pending = unsaved.get(source.kind) ?? new Map();
        for (const [id, data] of source.changed()) pending.set(id, data);
        unsaved.set(source.kind, pending);
        for (const [id, data] of pending) {
          if (data !== undefined) upsert(source.kind, id, data);
          else if (previous.has(id)) deletes.push({ kind: source.kind, id });
        }
      }
    }
    const appended: Array<{ owner: string; position: number; json: string }> = [];
    const owners = new Map<string, number>();
    for (const [owner, list] of options.transcripts()) {
      if (owners.has(owner)) continue;
      owners.set(owner, list.length);
      for (let position = messageCounts.get(owner) ?? 0; position < list.length; position++) {
        appended.push({ owner, position, json: JSON.stringify(list[position]) });
      }
    }
    const dropped = [...messageCounts.keys()].filter((owner) => !owners.has(owner));
    return {
      changes: { upserts, deletes, appended, dropped },
      commit() {
        for (const { kind, id, created, json } of upserts) {
          const table = written.get(kind) ?? new Map();
          table.set(id, { created, json });
          written.set(kind, table);
        }
        for (const { kind, id } of deletes) written.get(kind)?.delete(id);
        unsaved.clear();
        messageCounts.clear();
        for (const [owner, count] of owners) messageCounts.set(owner, count);
      },
    };
  }

  function run(): void {
    scheduled = false;
    if (writing) return;
    const release = held;
    held = [];
    const { changes, commit } = collect();
    const empty =
      changes.upserts.length + changes.deletes.length + changes.appended.length + changes.dropped.length ===
      0;
    writing = (empty ? Promise.resolve() : store.write(changes)).then(
      () => {
        commit();
        for (const action of release) action();
        writing = null;
        if (again || held.length > 0) {
          again = false;
          schedule();
        }
      },
      (error: unknown) => {
        // The store is down: frames wait (clients see a delay, never a frame the store does not have).
        options.onError(error);
        held = [...release, ...held];
        writing = null;
        setTimeout(schedule, retryMs);
      },
    );
  }

  return {
    schedule,
    /** The peer as the session layer sees it: its frames leave once the turn that made them is stored. */
    gate(peer: Peer): Peer {
      return {
        ...(peer.address !== undefined ? { address: peer.address } : {}),
        send(data) {
          held.push(() => peer.send(data));
          schedule();
        },
        close(code, reason) {
          held.push(() => peer.close(code, reason));
          schedule();
        },
        onMessage: (listener) =>
          peer.onMessage((data) => {
            listener(data);
            schedule();
          }),
        onClose: (listener) =>
          peer.onClose((info) => {
            listener(info);
            schedule();
          }),
      };
    },
    /** Writes what is left and sends what it held (a clean stop); nothing is written after. */
    async drain(): Promise<void> {
      for (let round = 0; round < 10; round++) {
        while (writing) await writing;
        if (scheduled || held.length > 0 || round === 0) run();
        else break;
      }
      while (writing) await writing;
      closed = true;
    },
  };
}

export type Persistence = ReturnType<typeof createPersistence>;
