import type { Pool, PoolClient } from 'pg';

/** The little of a PostgreSQL connection the store uses: the same SQL runs on PGlite and on a server. */
export interface SqlClient {
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<{ rows: Row[] }>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs `work` in one transaction: all of its writes land, or none. */
  transaction<T>(work: (client: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** PostgreSQL at `url` (DATABASE_URL), through node-postgres; `schema` keeps Tandem's tables apart. */
export async function connectPostgres(url: string, schema?: string): Promise<SqlClient> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    ...(schema ? { options: `-c search_path=${quoteIdentifier(schema)}` } : {}),
  });
  // A failed idle connection must not take the process down; the next query reports it.
  pool.on('error', () => {});
  // Under the migrations' lock (one statement string is one implicit transaction): servers starting
  // together would otherwise race on the catalogue.
  if (schema) {
    await pool.query(
      `select pg_advisory_xact_lock(${migrationLock}); create schema if not exists ${quoteIdentifier(schema)}`,
    );
  }
  const over = (run: Pool | PoolClient): SqlClient => ({
    query: async (text, params) => {
      const result = await run.query(text, params as unknown[]);
      return { rows: result.rows };
    },
    exec: async (sql) => {
      await run.query(sql);
    },
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const value = await work(over(client));
        await client.query('commit');
        return value;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  });
  return over(pool);
}

/** An embedded PostgreSQL (PGlite, WebAssembly) in `dataDir`, or in memory when it is undefined. */
export async function openEmbedded(dataDir?: string): Promise<SqlClient> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(dataDir ?? 'memory://');
  type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];
  const over = (run: typeof db | Tx): SqlClient => ({
    query: async (text, params) => {
      const result = await run.query(text, params as unknown[]);
      return { rows: result.rows as never[] };
    },
    exec: async (sql) => {
      await run.exec(sql);
    },
    transaction: (work) => (run === db ? db.transaction((tx) => work(over(tx))) : work(over(run))),
    close: () => db.close(),
  });
  return over(db);
}

function quoteIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a plain SQL identifier: ${name}`);
  return `"${name}"`;
}

/** The advisory lock key every schema change takes (creating the schema, migrating it). */
export const migrationLock = 7253001;
