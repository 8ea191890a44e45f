import { migrationLock, type SqlClient } from './sql-client';

/**
 * What the contact center keeps, one table each: a row is one record's id, its JSON, and `created`, the
 * order records were first written in (maps are rebuilt in that order).
 */
export const recordKinds = [
  'sessions',
  'agents',
  'conversations',
  'facts',
  'threads',
  'queue',
  'invites',
  'leases',
  'calls',
  'callbacks',
  'cobrowse_sessions',
  'server_state',
] as const;

export type RecordKind = (typeof recordKinds)[number];

export const tableOf = (kind: RecordKind) => `tandem_${kind}`;

/**
 * Lists kept row by row under their owner, a row per item at its position: a transcript's messages (only
 * appended), a session's unacknowledged frames (appended, trimmed from the front once acknowledged) and the
 * ids of its cached results (trimmed when the cache is full). A turn writes the items it added, not the list.
 */
export const logKinds = ['messages', 'frames', 'results'] as const;
export type LogKind = (typeof logKinds)[number];

/** Frames are kept as the exact text that was sent, to be replayed byte for byte; the others as JSON. */
export const logTables: Readonly<Record<LogKind, { table: string; json: boolean }>> = {
  messages: { table: 'tandem_messages', json: true },
  frames: { table: 'tandem_frames', json: false },
  results: { table: 'tandem_results', json: true },
};

interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/**
 * Append only: a released migration is never edited, a change is a new one. The same SQL runs on PGlite
 * and on PostgreSQL, so the embedded store and a server can never drift apart.
 */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'records and messages',
    sql: [
      ...recordKinds.map(
        (kind) =>
          `create table ${tableOf(kind)} (id text primary key, created bigint not null, data jsonb not null);`,
      ),
      `create table tandem_messages (
        owner_id text not null,
        position integer not null,
        data jsonb not null,
        primary key (owner_id, position)
      );`,
      `create index tandem_conversations_customer on tandem_conversations ((data->>'customerId'));`,
    ].join('\n'),
  },
  {
    version: 2,
    name: 'session frames and results as rows',
    // A session row held its whole outbox and result cache, rewritten for every frame sent; now each frame
    // and result id is a row of its own. Sessions stored by version 1 are carried over.
    sql: `
      create table tandem_frames (
        owner_id text not null,
        position bigint not null,
        data text not null,
        primary key (owner_id, position)
      );
      create table tandem_results (
        owner_id text not null,
        position bigint not null,
        data jsonb not null,
        primary key (owner_id, position)
      );
      insert into tandem_frames (owner_id, position, data)
        select s.id, (f->>'seq')::bigint, f->>'text'
        from tandem_sessions s, jsonb_array_elements(coalesce(s.data->'outbox', '[]'::jsonb)) f;
      insert into tandem_results (owner_id, position, data)
        select s.id, r.n - 1, jsonb_build_array(r.v->0, r.v->1)
        from tandem_sessions s,
          jsonb_array_elements(coalesce(s.data->'results', '[]'::jsonb)) with ordinality as r(v, n);
      update tandem_sessions
        set data = (data - 'outbox' - 'results' - 'unackedResults') || '{"resultsBase": 0}'::jsonb;`,
  },
];

const latestVersion = migrations.at(-1)?.version ?? 0;

/**
 * Brings the database up to the latest version, each migration in its own transaction under an advisory
 * lock, so two servers starting together apply it once. Refuses a database newer than this server.
 */
export async function migrate(client: SqlClient): Promise<void> {
  await client.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(${migrationLock})`);
    await tx.query(
      `create table if not exists tandem_migrations (
        version integer primary key,
        name text not null,
        applied_at timestamptz not null default now()
      )`,
    );
  });
  const from = await currentVersion(client);
  if (from > latestVersion) {
    throw new Error(
      `Tandem storage: the database is at version ${from}, newer than this server (${latestVersion}); run a newer tandem-server`,
    );
  }
  for (const migration of migrations) {
    await client.transaction(async (tx) => {
      await tx.query(`select pg_advisory_xact_lock(${migrationLock})`);
      if ((await currentVersion(tx)) >= migration.version) return;
      await tx.exec(migration.sql);
      await tx.query('insert into tandem_migrations (version, name) values ($1, $2)', [
        migration.version,
        migration.name,
      ]);
    });
  }
}

async function currentVersion(client: SqlClient): Promise<number> {
  const { rows } = await client.query<{ version: number | null }>(
    'select max(version) as version from tandem_migrations',
  );
  return Number(rows[0]?.version ?? 0);
}
