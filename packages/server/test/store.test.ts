// @vitest-environment node
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { latestVersion } from '../src/storage/migrations';
import { memoryStore, openStore, type Store } from '../src/storage/store';
import { dropSchema, freshSchema, postgresStore, postgresUrl } from './postgres';

// Real storage (WebAssembly PostgreSQL, a PostgreSQL server) on two busy cores: seconds, not milliseconds.
vi.setConfig({ testTimeout: 30_000 });

const opened: Store[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});
const keep = (store: Store) => {
  opened.push(store);
  return store;
};

const stores: Array<[string, () => Promise<Store>]> = [
  ['memory', async () => memoryStore()],
  ['embedded PostgreSQL', () => openStore({})],
  ['PostgreSQL', () => postgresStore('store')],
];

const none = { upserts: [], deletes: [], appended: [], dropped: [] };

describe.each(stores)('the %s store', (name, make) => {
  it('reads back what was written, in the order records were first written, with transcripts', async () => {
    const store = keep(await make());
    await store.write({
      ...none,
      upserts: [
        { kind: 'conversations', id: 'chat-b', created: 1, json: '{"n":1,"text":"ünïcødé \\u2028 <b>"}' },
        { kind: 'conversations', id: 'chat-a', created: 2, json: '{"n":2}' },
        { kind: 'sessions', id: 'tok', created: 3, json: '{"seq":4}' },
      ],
      appended: [
        { owner: 'chat-b', position: 0, json: '{"id":"m1"}' },
        { owner: 'chat-b', position: 1, json: '{"id":"m2"}' },
      ],
    });
    await store.write({
      ...none,
      upserts: [{ kind: 'conversations', id: 'chat-b', created: 9, json: '{"n":3}' }],
      deletes: [{ kind: 'sessions', id: 'tok' }],
      appended: [{ owner: 'chat-a', position: 0, json: '{"id":"m3"}' }],
    });
    const state = await store.load();
    expect([...state.records.conversations]).toEqual([
      ['chat-b', { n: 3 }],
      ['chat-a', { n: 2 }],
    ]);
    expect(state.records.sessions.size).toBe(0);
    expect(state.messages.get('chat-b')).toEqual([{ id: 'm1' }, { id: 'm2' }]);
    expect(state.lastCreated).toBe(2);
    await store.write({ ...none, dropped: ['chat-b'] });
    expect((await store.load()).messages.has('chat-b')).toBe(false);
  });

  // The memory store takes JSON text on trust: only a database can refuse half a batch.
  it.skipIf(name === 'memory')('writes a batch whole or not at all', async () => {
    const store = keep(await make());
    await expect(
      store.write({
        ...none,
        upserts: [
          { kind: 'agents', id: 'ada', created: 1, json: '{"status":"Ready"}' },
          { kind: 'agents', id: 'bob', created: 2, json: 'not json' },
        ],
      }),
    ).rejects.toThrow();
    expect((await store.load()).records.agents.size).toBe(0);
  });
});

describe('migrations', () => {
  it('bring a new database to the latest version once, however often the server starts', async () => {
    const url = { databaseUrl: postgresUrl, schema: freshSchema('migrations') };
    await (await openStore(url)).close();
    const again = await openStore(url);
    opened.push({
      ...again,
      async close() {
        await again.close();
        await dropSchema(url.schema);
      },
    });
    expect((await again.load()).records.agents.size).toBe(0);
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    const { rows } = await client.query(`select version from "${url.schema}".tandem_migrations`);
    expect(rows.map((r) => r.version)).toEqual([latestVersion]);
    // A newer server migrated this database: an older one refuses it rather than misread it.
    await client.query(
      `insert into "${url.schema}".tandem_migrations (version, name) values (999, 'future')`,
    );
    await client.end();
    await expect(openStore(url)).rejects.toThrow(/version 999, newer than this server/);
  });

  it('keep a data folder to one server at a time, and take over the lock of one that died', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tandem-lock-'));
    const first = await openStore({ dataDir });
    await expect(openStore({ dataDir })).rejects.toThrow(
      `Tandem storage: ${dataDir} is in use by another tandem-server (process ${process.pid})`,
    );
    await first.close();
    // A lock left by a process that no longer exists (killed): the next server starts.
    writeFileSync(join(dataDir, 'tandem.lock'), '999999');
    await (await openStore({ dataDir })).close();
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);
});
