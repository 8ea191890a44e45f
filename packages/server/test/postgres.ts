import { openStore, type Store } from '../src/storage/store';

/** The machine's PostgreSQL (trust auth, database `test`); TANDEM_TEST_DATABASE_URL points elsewhere. */
export const postgresUrl = process.env.TANDEM_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export const freshSchema = (label: string) =>
  `tandem_${label}_${process.pid}_${Math.floor(Math.random() * 1e9)}`;

/** A store in a schema of its own, dropped when the store closes: tests leave nothing behind. */
export async function postgresStore(label: string, schema = freshSchema(label)): Promise<Store> {
  const store = await openStore({ databaseUrl: postgresUrl, schema });
  return {
    ...store,
    async close() {
      await store.close();
      await dropSchema(schema);
    },
  };
}

export async function dropSchema(schema: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}
