import { lockDataDir } from './data-dir-lock';
import {
  type LogKind,
  logKinds,
  logTables,
  migrate,
  type RecordKind,
  recordKinds,
  tableOf,
} from './migrations';
import { connectPostgres, openEmbedded, type SqlClient } from './sql-client';

/** A stored list: its items in order, the first at position `start` (earlier ones were trimmed). */
export interface LogRows {
  readonly start: number;
  readonly items: readonly unknown[];
}

/** Everything the contact center had written, as it reads it back at start. */
export interface StoredState {
  readonly records: { readonly [K in RecordKind]: ReadonlyMap<string, unknown> };
  /** Lists by owner: transcripts (a conversation or a thread), a session's frames and result ids. */
  readonly logs: { readonly [K in LogKind]: ReadonlyMap<string, LogRows> };
  /** The highest `created` written: new records continue after it. */
  readonly lastCreated: number;
}

/** What a new, empty store holds. */
export function emptyState(): StoredState {
  const records = {} as Record<RecordKind, Map<string, unknown>>;
  for (const kind of recordKinds) records[kind] = new Map();
  const logs = {} as Record<LogKind, Map<string, LogRows>>;
  for (const kind of logKinds) logs[kind] = new Map();
  return { records, logs, lastCreated: 0 };
}

/** One turn's writes, applied together or not at all. */
export interface Changes {
  readonly upserts: ReadonlyArray<{ kind: RecordKind; id: string; created: number; json: string }>;
  readonly deletes: ReadonlyArray<{ kind: RecordKind; id: string }>;
  /** Items added at `position` in their owner's list (`text`: JSON, or a frame's own text). */
  readonly appended: ReadonlyArray<{ kind: LogKind; owner: string; position: number; text: string }>;
  /** Items before `before` leave their owner's list (frames acknowledged, results let go). */
  readonly trimmed: ReadonlyArray<{ kind: LogKind; owner: string; before: number }>;
  /** Owners whose whole list goes (a conversation forgotten, a session ended). */
  readonly dropped: ReadonlyArray<{ kind: LogKind; owner: string }>;
}

/** Whether a turn has nothing to write. */
export const isEmpty = (changes: Changes) =>
  changes.upserts.length + changes.deletes.length + changes.appended.length + changes.trimmed.length === 0 &&
  changes.dropped.length === 0;

export interface Store {
  /** Where the data lives, for the start-up line ("embedded PostgreSQL in ./data"). */
  readonly description: string;
  load(): Promise<StoredState>;
  write(changes: Changes): Promise<void>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** PostgreSQL's connection string (DATABASE_URL): a server, shared by every node. */
  databaseUrl?: string;
  /** Tandem's tables live in this schema of that database (tests use one each). */
  schema?: string;
  /** The embedded PostgreSQL's folder when there is no databaseUrl. */
  dataDir?: string;
}

/** PostgreSQL when a URL is given, else the embedded one in its folder; migrated before it is returned. */
export async function openStore(options: StoreOptions): Promise<Store> {
  const { databaseUrl, dataDir, schema } = options;
  const unlock = !databaseUrl && dataDir ? lockDataDir(dataDir) : () => {};
  let client: SqlClient | undefined;
  try {
    client = databaseUrl ? await connectPostgres(databaseUrl, schema) : await openEmbedded(dataDir);
    await migrate(client);
  } catch (error) {
    await client?.close().catch(() => {});
    unlock();
    throw error;
  }
  const where = databaseUrl
    ? `PostgreSQL at ${redactPassword(databaseUrl)}${schema ? ` (schema ${schema})` : ''}`
    : dataDir
      ? `embedded PostgreSQL in ${dataDir}`
      : 'embedded PostgreSQL in memory';
  const store = sqlStore(client, where);
  return {
    ...store,
    async close() {
      await store.close();
      unlock();
    },
  };
}

function sqlStore(client: SqlClient, description: string): Store {
  return {
    description,
    async load() {
      const records = {} as Record<RecordKind, Map<string, unknown>>;
      let lastCreated = 0;
      for (const kind of recordKinds) {
        const { rows } = await client.query<{ id: string; created: string; data: unknown }>(
          `select id, created, data from ${tableOf(kind)} order by created, id`,
        );
        records[kind] = new Map(rows.map((row) => [row.id, row.data]));
        for (const row of rows) lastCreated = Math.max(lastCreated, Number(row.created));
      }
      const logs = {} as Record<LogKind, Map<string, LogRows>>;
      for (const kind of logKinds) {
        const { rows } = await client.query<{ owner_id: string; position: string; data: unknown }>(
          `select owner_id, position, data from ${logTables[kind].table} order by owner_id, position`,
        );
        logs[kind] = gather(rows.map((row) => [row.owner_id, Number(row.position), row.data] as const));
      }
      return { records, logs, lastCreated };
    },
    async write(changes) {
      const statement = writeStatement(changes);
      if (statement) await client.query(statement.text, statement.params);
    },
    close: () => client.close(),
  };
}

/**
 * One turn's writes as one SQL statement (data-modifying CTEs): atomic without a transaction, and one
 * round trip to the database however many tables it touches. Undefined when there is nothing to write.
 */
function writeStatement(changes: Changes): { text: string; params: unknown[] } | undefined {
  const parts: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown, type: string) => {
    params.push(value);
    return `$${params.length}::${type}`;
  };
  for (const kind of recordKinds) {
    const upserts = changes.upserts.filter((u) => u.kind === kind);
    if (upserts.length > 0) {
      const ids = param(
        upserts.map((u) => u.id),
        'text[]',
      );
      const created = param(
        upserts.map((u) => u.created),
        'bigint[]',
      );
      const data = param(
        upserts.map((u) => u.json),
        'text[]',
      );
      parts.push(`insert into ${tableOf(kind)} (id, created, data)
        select id, created, data::jsonb from unnest(${ids}, ${created}, ${data}) as u(id, created, data)
        on conflict (id) do update set data = excluded.data`);
    }
    const deletes = changes.deletes.filter((d) => d.kind === kind);
    if (deletes.length > 0) {
      parts.push(
        `delete from ${tableOf(kind)} where id = any(${param(
          deletes.map((d) => d.id),
          'text[]',
        )})`,
      );
    }
  }
  for (const kind of logKinds) parts.push(...logStatements(kind, changes, param));
  if (parts.length === 0) return undefined;
  const [last, ...before] = parts.reverse();
  return {
    text: `${before.length ? `with ${before.map((sql, i) => `w${i} as (${sql})`).join(',\n')}\n` : ''}${last}`,
    params,
  };
}

/** One kind of list's writes: owners dropped, items trimmed from the front, items appended. */
function logStatements(kind: LogKind, changes: Changes, param: (value: unknown, type: string) => string) {
  const { table, json } = logTables[kind];
  const parts: string[] = [];
  const dropped = changes.dropped.filter((d) => d.kind === kind).map((d) => d.owner);
  if (dropped.length > 0)
    parts.push(`delete from ${table} where owner_id = any(${param(dropped, 'text[]')})`);
  const trimmed = changes.trimmed.filter((t) => t.kind === kind);
  if (trimmed.length > 0) {
    const owners = param(
      trimmed.map((t) => t.owner),
      'text[]',
    );
    const before = param(
      trimmed.map((t) => t.before),
      'bigint[]',
    );
    parts.push(`delete from ${table} t using unnest(${owners}, ${before}) as u(owner_id, before)
      where t.owner_id = u.owner_id and t.position < u.before`);
  }
  const appended = changes.appended.filter((a) => a.kind === kind);
  if (appended.length > 0) {
    const owners = param(
      appended.map((a) => a.owner),
      'text[]',
    );
    const positions = param(
      appended.map((a) => a.position),
      'bigint[]',
    );
    const data = param(
      appended.map((a) => a.text),
      'text[]',
    );
    parts.push(`insert into ${table} (owner_id, position, data)
      select owner_id, position, data${json ? '::jsonb' : ''}
      from unnest(${owners}, ${positions}, ${data}) as u(owner_id, position, data)
      on conflict (owner_id, position) do update set data = excluded.data`);
  }
  return parts;
}

/** Rows of lists, ordered by owner and position, as each owner's list. */
function gather(rows: Iterable<readonly [string, number, unknown]>): Map<string, LogRows> {
  const lists = new Map<string, { start: number; items: unknown[] }>();
  for (const [owner, position, data] of rows) {
    const list = lists.get(owner) ?? { start: position, items: [] };
    list.items.push(data);
    lists.set(owner, list);
  }
  return lists;
}

/**
 * A store in this process's memory that keeps JSON text, as a database would: unit tests restart a
 * contact center on it, and anything that does not survive JSON fails there too.
 */
export function memoryStore(): Store {
  const tables = new Map<RecordKind, Map<string, { created: number; json: string }>>(
    recordKinds.map((k) => [k, new Map()]),
  );
  const lists = new Map<LogKind, Map<string, Map<number, string>>>(logKinds.map((k) => [k, new Map()]));
  return {
    description: 'memory',
    async load() {
      const records = {} as Record<RecordKind, Map<string, unknown>>;
      let lastCreated = 0;
      for (const kind of recordKinds) {
        const rows = [...(tables.get(kind) ?? [])].sort(([, a], [, b]) => a.created - b.created);
        records[kind] = new Map(rows.map(([id, row]) => [id, JSON.parse(row.json)]));
        for (const [, row] of rows) lastCreated = Math.max(lastCreated, row.created);
      }
      const logs = {} as Record<LogKind, Map<string, LogRows>>;
      for (const kind of logKinds) {
        const decode = (text: string) => (logTables[kind].json ? JSON.parse(text) : text);
        const rows = [...(lists.get(kind) ?? [])].flatMap(([owner, items]) =>
          [...items]
            .sort(([a], [b]) => a - b)
            .map(([position, text]) => [owner, position, decode(text)] as const),
        );
        logs[kind] = gather(rows);
      }
      return { records, logs, lastCreated };
    },
    async write(changes) {
      for (const { kind, id, created, json } of changes.upserts) {
        const table = tables.get(kind);
        table?.set(id, { created: table.get(id)?.created ?? created, json });
      }
      for (const { kind, id } of changes.deletes) tables.get(kind)?.delete(id);
      for (const { kind, owner } of changes.dropped) lists.get(kind)?.delete(owner);
      for (const { kind, owner, before } of changes.trimmed) {
        const items = lists.get(kind)?.get(owner);
        for (const position of items?.keys() ?? []) if (position < before) items?.delete(position);
      }
      for (const { kind, owner, position, text } of changes.appended) {
        const byOwner = lists.get(kind);
        const items = byOwner?.get(owner) ?? new Map<number, string>();
        items.set(position, logTables[kind].json ? JSON.stringify(JSON.parse(text)) : text);
        byOwner?.set(owner, items);
      }
    },
    async close() {},
  };
}

function redactPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured URL';
  }
}
