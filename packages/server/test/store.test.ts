// @vitest-environment node
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { migrations } from '../src/storage/migrations';
import { memoryStore, openStore, type Store } from '../src/storage/store';
import { freshSchema, postgresStore, postgresUrl } from './postgres';

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

const none = { upserts: [], deletes: [], appended: [], trimmed: [], dropped: [] };

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
        { kind: 'messages', owner: 'chat-b', position: 0, text: '{"id":"m1"}' },
        { kind: 'messages', owner: 'chat-b', position: 1, text: '{"id":"m2"}' },
      ],
    });
    await store.write({
      ...none,
      upserts: [{ kind: 'conversations', id: 'chat-b', created: 9, json: '{"n":3}' }],
      deletes: [{ kind: 'sessions', id: 'tok' }],
      appended: [{ kind: 'messages', owner: 'chat-a', position: 0, text: '{"id":"m3"}' }],
    });
    const state = await store.load();
    expect([...state.records.conversations]).toEqual([
      ['chat-b', { n: 3 }],
      ['chat-a', { n: 2 }],
    ]);
    expect(state.records.sessions.size).toBe(0);
    expect(state.logs.messages.get('chat-b')).toEqual({ start: 0, items: [{ id: 'm1' }, { id: 'm2' }] });
    expect(state.lastCreated).toBe(2);
    await store.write({ ...none, dropped: [{ kind: 'messages', owner: 'chat-b' }] });
    expect((await store.load()).logs.messages.has('chat-b')).toBe(false);
  });

  it("keeps a session's frames byte for byte, trimmed from the front as they are acknowledged", async () => {
    const store = keep(await make());
    const frame = (seq: number) =>
      `{"type":"event","seq":${seq},  "name":"chat.message","data":{"b":1,"a":2}}`;
    await store.write({
      ...none,
      appended: [1, 2, 3].map((seq) => ({
        kind: 'frames' as const,
        owner: 'tok',
        position: seq,
        text: frame(seq),
      })),
    });
    await store.write({
      ...none,
      trimmed: [{ kind: 'frames', owner: 'tok', before: 3 }],
      appended: [{ kind: 'frames', owner: 'tok', position: 4, text: frame(4) }],
    });
    expect((await store.load()).logs.frames.get('tok')).toEqual({ start: 3, items: [frame(3), frame(4)] });
    await store.write({ ...none, trimmed: [{ kind: 'frames', owner: 'tok', before: 5 }] });
    expect((await store.load()).logs.frames.has('tok')).toBe(false);
  });

  // The memory store takes JSON text on trust: only a database can refuse half a batch.
  it.skipIf(name === 'memory')('writes a batch whole or not at all', async () => {
    const store = keep(await make());
    await expect(
      store.write({
        ...none,
        // Good rows in other tables than the bad one: each is its own statement part, and all go or none.
        upserts: [
          { kind: 'sessions', id: 'tok', created: 1, json: '{"seq":1}' },
          { kind: 'agents', id: 'bob', created: 2, json: 'not json' },
        ],
        appended: [{ kind: 'frames', owner: 'tok', position: 1, text: 'frame' }],
      }),
    ).rejects.toThrow();
    const state = await store.load();
    expect([state.records.sessions.size, state.records.agents.size, state.logs.frames.size]).toEqual([
      0, 0, 0,
    ]);
  });
});

describe('migrations', () => {
  it('bring a new database to the latest version once, however often the server starts', async () => {
    const url = { databaseUrl: postgresUrl, schema: freshSchema('migrations') };
    await (await openStore(url)).close();
    const again = keep(await postgresStore('migrations', url.schema));
    expect((await again.load()).records.agents.size).toBe(0);
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    const { rows } = await client.query(`select version from "${url.schema}".tandem_migrations`);
    expect(rows.map((r) => r.version)).toEqual(migrations.map((m) => m.version));
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

  it("carry a version 1 database's sessions over: their outbox and results become rows", async () => {
    const schema = freshSchema('upgrade');
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    const [first] = migrations;
    await client.query(`create schema "${schema}"; set search_path to "${schema}"`);
    await client.query(
      'create table tandem_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())',
    );
    await client.query(first?.sql ?? '');
    await client.query("insert into tandem_migrations (version, name) values (1, 'records and messages')");
    const frames = ['{"type":"event","seq":7}', '{"type":"result","seq":8,"id":"c2"}'];
    const v1 = {
      token: 'tok',
      role: 'customer',
      subject: 'customer-1',
      seq: 8,
      engaged: true,
      outbox: frames.map((text, i) => ({ seq: 7 + i, text })),
      results: [
        ['c1', 3, ''],
        ['c2', 8, frames[1]],
      ],
      unackedResults: ['c2'],
    };
    await client.query("insert into tandem_sessions (id, created, data) values ('tok', 1, $1::jsonb)", [
      JSON.stringify(v1),
    ]);
    await client.end();
    const store = keep(await postgresStore('upgrade', schema));
    const state = await store.load();
    expect(state.records.sessions.get('tok')).toEqual({
      token: 'tok',
      role: 'customer',
      subject: 'customer-1',
      seq: 8,
      engaged: true,
      resultsBase: 0,
    });
    expect(state.logs.frames.get('tok')).toEqual({ start: 7, items: frames });
    expect(state.logs.results.get('tok')).toEqual({
      start: 0,
      items: [
        ['c1', 3],
        ['c2', 8],
      ],
    });
  });
});
