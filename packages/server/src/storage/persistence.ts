import type { Peer } from '@tandem/sdk-core';
import type { LogKind, RecordKind } from './migrations';
import { type Changes, isEmpty, type LogRows, type Store, type StoredState } from './store';

/**
 * Where a kind of record comes from: every record now, and, for the kinds that grow with traffic, only
 * those changed since the last call (undefined: gone), so that a turn costs what it changed.
 */
export interface RecordSource {
  readonly kind: RecordKind;
  all(): Iterable<readonly [string, unknown]>;
  changed?(): Iterable<readonly [string, unknown | undefined]>;
}

/**
 * Lists by owner, kept a row per item: appended at the end, trimmed from the front (`start` moves on), never
 * changed in between. `changed` lists the owners whose list may have moved (undefined: the list is gone).
 */
export interface LogSource {
  readonly kind: LogKind;
  all(): Iterable<readonly [string, LogView]>;
  changed(): Iterable<readonly [string, LogView | undefined]>;
  /** An item as stored: JSON, or a frame's own text. */
  encode(item: unknown): string;
}

/** Where an owner's list starts and ends (one past its last position). */
interface Span {
  readonly start: number;
  readonly end: number;
}

/** A list as a source shows it: its span, and an item read only when it is new (nothing is copied). */
export interface LogView extends Span {
  at(position: number): unknown;
}

export interface PersistenceOptions {
  store: Store;
  restored: StoredState;
  sources: readonly RecordSource[];
  logs: readonly LogSource[];
  /** Called before the sources are read for a turn (they may share what they take). */
  beginTurn?(): void;
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
  // What was read back is compared as the domains rebuilt it: jsonb reorders keys, and a record written
  // just as it was read would otherwise be rewritten, every one of them, on the first turn after a restart.
  for (const source of sources) {
    const rows = written.get(source.kind);
    for (const [id, data] of source.all()) {
      const row = rows?.get(id);
      if (row) row.json = JSON.stringify(data);
    }
  }
  const spans = new Map<LogKind, Map<string, Span>>();
  for (const [kind, lists] of Object.entries(options.restored.logs) as Array<
    [LogKind, ReadonlyMap<string, LogRows>]
  >) {
    spans.set(kind, new Map([...lists].map(([owner, rows]) => [owner, spanOf(rows)])));
  }
  /** Tracked changes whose write failed: tried again with the next one. */
  const unsaved = new Map<RecordKind, Map<string, unknown | undefined>>();
  const unsavedLists = new Map<LogKind, Map<string, LogView | undefined>>();
  let held: Array<() => void> = [];
  let scheduled = false;
  let writing: Promise<void> | null = null;
  let again = false;
  let closed = false;
  let backingOff = false;

  function schedule(): void {
    // While the store is down, turns go on piling up changes; the next attempt waits for its time.
    if (closed || backingOff) return;
    if (writing) again = true;
    else if (!scheduled) {
      scheduled = true;
      setImmediate(run);
    }
  }

  function collect(): { changes: Changes; commit(): void } {
    options.beginTurn?.();
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
    const lists = collectLogs();
    const changes: Changes = { upserts, deletes, ...lists.changes };
    const commit = () => {
      for (const { kind, id, created, json } of upserts) {
        const table = written.get(kind) ?? new Map();
        table.set(id, { created, json });
        written.set(kind, table);
      }
      for (const { kind, id } of deletes) written.get(kind)?.delete(id);
      lists.commit();
      unsaved.clear();
      unsavedLists.clear();
    };
    if (options.verify) verify(changes, options.verify);
    return { changes, commit };
  }

  /** The lists' items added and trimmed since the last write, owner by owner. */
  function collectLogs() {
    const appended: Array<Changes['appended'][number]> = [];
    const trimmed: Array<Changes['trimmed'][number]> = [];
    const dropped: Array<Changes['dropped'][number]> = [];
    const after = new Map<LogKind, Map<string, Span | undefined>>();
    for (const log of options.logs) {
      const pending = unsavedLists.get(log.kind) ?? new Map<string, LogView | undefined>();
      for (const [owner, rows] of log.changed()) pending.set(owner, rows);
      unsavedLists.set(log.kind, pending);
      const stored = spans.get(log.kind) ?? new Map<string, Span>();
      const next = new Map<string, Span | undefined>();
      for (const [owner, rows] of pending) {
        const before = stored.get(owner);
        if (!rows) {
          if (before) dropped.push({ kind: log.kind, owner });
          next.set(owner, undefined);
          continue;
        }
        const span = { start: rows.start, end: rows.end }; // as the list is now: a view may be live
        // Items already stored stay as they are; only the new ones are written.
        for (
          let position = Math.max(before?.end ?? span.start, span.start);
          position < span.end;
          position++
        ) {
          appended.push({
            kind: log.kind,
            owner,
            position,
            text: log.encode(rows.at(position)),
          });
        }
        if (before && span.start > before.start) trimmed.push({ kind: log.kind, owner, before: span.start });
        next.set(owner, span);
      }
      after.set(log.kind, next);
    }
    return {
      changes: { appended, trimmed, dropped },
      commit() {
        for (const [kind, next] of after) {
          const stored = spans.get(kind) ?? new Map<string, Span>();
          for (const [owner, span] of next) {
            if (span) stored.set(owner, span);
            else stored.delete(owner);
          }
          spans.set(kind, stored);
        }
      },
    };
  }

  /** What the tracked changes missed: a record (or a list) that differs from what storage would hold. */
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
    const after = spansAfter(changes);
    for (const log of options.logs) {
      const stored = after.get(log.kind) ?? new Map<string, Span>();
      const seen = new Set<string>();
      for (const [owner, { start, end }] of log.all()) {
        seen.add(owner);
        const span = { start, end };
        if (!sameItems(stored.get(owner), span)) report(`${log.kind} of ${owner}: changed, not tracked`);
      }
      for (const [owner, span] of stored) {
        if (!seen.has(owner) && span.end > span.start) report(`${log.kind} of ${owner}: gone, not tracked`);
      }
    }
  }

  /** The lists' spans once these changes are written. */
  function spansAfter(changes: Changes) {
    const after = new Map([...spans].map(([kind, owners]) => [kind, new Map(owners)]));
    const of = (kind: LogKind) => after.get(kind) ?? new Map<string, Span>();
    for (const { kind, owner } of changes.dropped) of(kind).delete(owner);
    for (const { kind, owner, before } of changes.trimmed) {
      const span = of(kind).get(owner);
      if (span) of(kind).set(owner, { start: before, end: Math.max(span.end, before) });
    }
    for (const { kind, owner, position } of changes.appended) {
      const span = of(kind).get(owner) ?? { start: position, end: position };
      of(kind).set(owner, { start: Math.min(span.start, position), end: Math.max(span.end, position + 1) });
      after.set(kind, of(kind));
    }
    return after;
  }

  function run(): void {
    scheduled = false;
    if (writing) return;
    const release = held;
    held = [];
    const { changes, commit } = collect();
    writing = (isEmpty(changes) ? Promise.resolve() : store.write(changes)).then(
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
        backingOff = true;
        setTimeout(() => {
          backingOff = false;
          schedule();
        }, retryMs);
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

/** Where a list starts and ends, from its rows. */
function spanOf(rows: LogRows): Span {
  return { start: rows.start, end: rows.start + rows.items.length };
}

/** Whether two spans hold the same positions (every empty span holds none). */
function sameItems(a: Span | undefined, b: Span): boolean {
  const empty = (span: Span | undefined) => !span || span.end <= span.start;
  if (empty(a) || empty(b)) return empty(a) && empty(b);
  return a?.start === b.start && a?.end === b.end;
}
