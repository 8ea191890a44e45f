import type { Peer } from '@tandem/sdk-core';
import type { RecordKind } from './migrations';
import type { Changes, Store, StoredState } from './store';

/**
 * Where a kind of record comes from: every record now, and, for the kinds that grow with traffic, only
 * those changed since the last call (undefined: gone), so that a turn costs what it changed.
 */
export interface RecordSource {
  readonly kind: RecordKind;
  all(): Iterable<readonly [string, unknown]>;
  changed?(): Iterable<readonly [string, unknown | undefined]>;
}

/** Transcripts by owner; messages are only ever appended. `changed` lists owners with new messages. */
export interface TranscriptSource {
  all(): Iterable<readonly [string, readonly unknown[]]>;
  changed(): Iterable<readonly [string, readonly unknown[] | undefined]>;
}

export interface PersistenceOptions {
  store: Store;
  restored: StoredState;
  sources: readonly RecordSource[];
  transcripts: TranscriptSource;
  onError(error: unknown): void;
  /** Waits between attempts while the store refuses writes. */
  retryMs?: number;
  /**
   * Tests: after each turn, compares every record with what the tracked changes wrote, and reports a
   * change that was not tracked (it would have been lost in a crash).
   */
  verify?(problem: string): void;
}

/**
 * Writes what changed after every turn (a frame handled, a timer fired), in one statement, and holds
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
  /** Tracked changes whose write failed: tried again with the next one. */
  const unsaved = new Map<RecordKind, Map<string, unknown | undefined>>();
  const unsavedOwners = new Map<string, readonly unknown[] | undefined>();
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
      if (source.changed) {
        const pending = unsaved.get(source.kind) ?? new Map();
        for (const [id, data] of source.changed()) pending.set(id, data);
        unsaved.set(source.kind, pending);
        for (const [id, data] of pending) {
          if (data !== undefined) upsert(source.kind, id, data);
          else if (previous.has(id)) deletes.push({ kind: source.kind, id });
        }
      } else {
        const seen = new Set<string>();
        for (const [id, data] of source.all()) {
          seen.add(id);
          upsert(source.kind, id, data);
        }
        for (const id of previous.keys()) if (!seen.has(id)) deletes.push({ kind: source.kind, id });
      }
    }
    for (const [owner, list] of options.transcripts.changed()) unsavedOwners.set(owner, list);
    const appended: Array<{ owner: string; position: number; json: string }> = [];
    const dropped: string[] = [];
    const counts = new Map<string, number | undefined>();
    for (const [owner, list] of unsavedOwners) {
      if (!list) {
        if (messageCounts.has(owner)) dropped.push(owner);
        counts.set(owner, undefined);
        continue;
      }
      for (let position = messageCounts.get(owner) ?? 0; position < list.length; position++) {
        appended.push({ owner, position, json: JSON.stringify(list[position]) });
      }
      counts.set(owner, list.length);
    }
    const changes = { upserts, deletes, appended, dropped };
    const commit = () => {
      for (const { kind, id, created, json } of upserts) {
        const table = written.get(kind) ?? new Map();
        table.set(id, { created, json });
        written.set(kind, table);
      }
      for (const { kind, id } of deletes) written.get(kind)?.delete(id);
      for (const [owner, count] of counts) {
        if (count === undefined) messageCounts.delete(owner);
        else if (count > 0) messageCounts.set(owner, count);
      }
      unsaved.clear();
      unsavedOwners.clear();
    };
    if (options.verify) verify(changes, options.verify);
    return { changes, commit };
  }

  /** What the tracked changes missed: a record (or transcript) that differs from what storage would hold. */
  function verify(changes: Changes, report: (problem: string) => void): void {
    for (const source of sources) {
      if (!source.changed) continue;
      const after = new Map([...(written.get(source.kind) ?? [])].map(([id, row]) => [id, row.json]));
      for (const u of changes.upserts) if (u.kind === source.kind) after.set(u.id, u.json);
      for (const d of changes.deletes) if (d.kind === source.kind) after.delete(d.id);
      const seen = new Set<string>();
      for (const [id, data] of source.all()) {
        seen.add(id);
        if (after.get(id) !== JSON.stringify(data)) report(`${source.kind} ${id}: changed, not tracked`);
      }
      for (const id of after.keys()) if (!seen.has(id)) report(`${source.kind} ${id}: gone, not tracked`);
    }
    const counts = new Map(messageCounts);
    for (const d of changes.dropped) counts.delete(d);
    for (const m of changes.appended) counts.set(m.owner, Math.max(counts.get(m.owner) ?? 0, m.position + 1));
    for (const [owner, list] of options.transcripts.all()) {
      if ((counts.get(owner) ?? 0) !== list.length) report(`messages of ${owner}: appended, not tracked`);
    }
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
