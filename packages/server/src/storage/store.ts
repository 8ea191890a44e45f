import { lockDataDir } from './data-dir-lock';
import { migrate, type RecordKind, recordKinds, tableOf } from './migrations';
import { connectPostgres, openEmbedded, type SqlClient } from './sql-client';

/** Everything the contact center had written, as it reads it back at start. */
export interface StoredState {
  readonly records: { readonly [K in RecordKind]: ReadonlyMap<string, unknown> };
  /** Transcripts by owner (a conversation or a messaging thread), in order. */
  readonly messages: ReadonlyMap<string, readonly unknown[]>;
  /** The highest `created` written: new records continue after it. */
  readonly lastCreated: number;
}

/** What a new, empty store holds. */
export function emptyState(): StoredState {
  const records = {} as Record<RecordKind, Map<string, unknown>>;
  for (const kind of recordKinds) records[kind] = new Map();
  return { records, messages: new Map(), lastCreated: 0 };
}

/** One turn's writes, applied together or not at all. */
export interface Changes {
  readonly upserts: ReadonlyArray<{ kind: RecordKind; id: string; created: number; json: string }>;
  readonly deletes: ReadonlyArray<{ kind: RecordKind; id: string }>;
  /** Messages appended at `position` in their owner's transcript. */
  readonly appended: ReadonlyArray<{ owner: string; position: number; json: string }>;
  /** Owners whose whole transcript goes (the conversation or thread was forgotten). */
  readonly dropped: readonly string[];
}

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

export function sqlStore(client: SqlClient, description: string): Store {
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
      const messages = new Map<string, unknown[]>();
      const { rows } = await client.query<{ owner_id: string; data: unknown }>(
        'select owner_id, data from tandem_messages order by owner_id, position',
      );
      for (const row of rows) {
        const list = messages.get(row.owner_id) ?? [];
        list.push(row.data);
        messages.set(row.owner_id, list);
      }
      return { records, messages, lastCreated };
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
export function writeStatement(changes: Changes): { text: string; params: unknown[] } | undefined {
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
  if (changes.dropped.length > 0) {
    parts.push(`delete from tandem_messages where owner_id = any(${param(changes.dropped, 'text[]')})`);
  }
  const { appended } = changes;
  if (appended.length > 0) {
    const owners = param(
      appended.map((m) => m.owner),
      'text[]',
    );
    const positions = param(
      appended.map((m) => m.position),
      'int[]',
    );
    const data = param(
      appended.map((m) => m.json),
      'text[]',
    );
    parts.push(`insert into tandem_messages (owner_id, position, data)
      select owner_id, position, data::jsonb
      from unnest(${owners}, ${positions}, ${data}) as u(owner_id, position, data)
      on conflict (owner_id, position) do update set data = excluded.data`);
  }
  if (parts.length === 0) return undefined;
  const [last, ...before] = parts.reverse();
  return {
    text: `${before.length ? `with ${before.map((sql, i) => `w${i} as (${sql})`).join(',\n')}\n` : ''}${last}`,
    params,
  };
}

/**
 * A store in this process's memory that keeps JSON text, as a database would: unit tests restart a
 * contact center on it, and anything that does not survive JSON fails there too.
 */
export function memoryStore(): Store {
  const tables = new Map<RecordKind, Map<string, { created: number; json: string }>>(
    recordKinds.map((k) => [k, new Map()]),
  );
  const messages = new Map<string, string[]>();
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
      const parsed = new Map([...messages].map(([owner, list]) => [owner, list.map((m) => JSON.parse(m))]));
      return { records, messages: parsed, lastCreated };
    },
    async write(changes) {
      for (const { kind, id, created, json } of changes.upserts) {
        const table = tables.get(kind);
        table?.set(id, { created: table.get(id)?.created ?? created, json });
      }
      for (const { kind, id } of changes.deletes) tables.get(kind)?.delete(id);
      for (const owner of changes.dropped) messages.delete(owner);
      for (const { owner, position, json } of changes.appended) {
        const list = messages.get(owner) ?? [];
        list[position] = json;
        messages.set(owner, list);
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
