// Chat and server: message round trip through the WebSocket server, and how many concurrent chat sessions
// one server process sustains on this machine with p99 under 50 ms. The server runs in a child process of
// its own, so that the clients' work and memory are not counted as the server's.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAgentClient } from '@tandem/sdk-core/agent';
import WebSocket from 'ws';
import { createSessionClient, type SessionClient } from '../packages/sdk-core/src/client/session-client';
import { websocketTransport } from '../packages/sdk-core/src/client/websocket-transport';
import { percentiles, round } from './stats';

const root = fileURLToPath(new URL('../', import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Server {
  readonly url: string;
  /** The server's live memory after a full GC, in bytes (bench/server-probe.ts). */
  memory(): Promise<number>;
  stop(): Promise<void>;
}

/** The demo contact center open around the clock, with agents for the round trip. */
function benchConfig(): string {
  const config = JSON.parse(readFileSync(`${root}examples/contact-center.json`, 'utf8'));
  delete config.hours;
  const dir = `${root}bench/results/`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}contact-center.json`, JSON.stringify(config));
  return `${dir}contact-center.json`;
}

/** Where the server keeps its state: memory only, the embedded PostgreSQL in a folder, or PostgreSQL. */
export type BenchStore = 'memory' | 'embedded' | 'postgres';

export const benchPostgresUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function storeEnv(store: BenchStore, dataDir: string, schema: string): Record<string, string> {
  if (store === 'memory') return { TANDEM_MEMORY: '1' };
  if (store === 'embedded') return { TANDEM_DATA_DIR: dataDir };
  return { DATABASE_URL: benchPostgresUrl, TANDEM_DATABASE_SCHEMA: schema };
}

/** The bench leaves nothing behind: its folder, and its schema in PostgreSQL. */
async function cleanUp(store: BenchStore, dataDir: string, schema: string): Promise<void> {
  rmSync(dataDir, { recursive: true, force: true });
  if (store !== 'postgres') return;
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: benchPostgresUrl });
  await client.connect();
  await client.query(`drop schema if exists "${schema}" cascade`).finally(() => client.end());
}

async function startServer(store: BenchStore): Promise<Server> {
  const { DATABASE_URL: _url, ...inherited } = process.env;
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-bench-'));
  const schema = `tandem_bench_${Date.now()}`;
  const child: ChildProcess = spawn(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', '--import', './bench/server-probe.ts', 'examples/host/main.ts'],
    {
      cwd: root,
      env: {
        ...inherited,
        PORT: '0',
        SITE_PORT: '0',
        TANDEM_CONFIG: benchConfig(),
        ...storeEnv(store, dataDir, schema),
      },
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /(http:\/\/[^/\s]+)\//.exec(output);
      if (found?.[1]) resolve(found[1]);
    });
    child.once('exit', () => reject(new Error(`the example host did not start: ${output}`)));
  });
  return {
    url,
    memory: () =>
      new Promise<number>((resolve) => {
        child.once('message', (answer) => resolve((answer as { memory: number }).memory));
        child.send('memory?');
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => void cleanUp(store, dataDir, schema).then(resolve, resolve));
        child.kill('SIGTERM');
      }),
  };
}

const transport = (url: string) =>
  websocketTransport({ url: `${url.replace('http', 'ws')}/tandem`, WebSocket: WebSocket as never });

function customer(url: string): SessionClient {
  const session = createSessionClient({ transport: transport(url), role: 'customer' });
  session.start();
  return session;
}

const summary = percentiles;

/** A customer's message to the agent and the agent's answer back, one after another. */
async function roundTrip(url: string, messages: number) {
  const agent = createAgentClient({ transport: transport(url), username: 'alice', password: 'alice' });
  let interactionId = '';
  agent.on('invite', (invite) => {
    interactionId = invite.interactionId;
    void agent.accept(invite.interactionId);
  });
  // The agent answers each message at once; the customer times the answer.
  agent.on('message', ({ message }) => {
    if (message.from === 'customer') void agent.send(interactionId, `re: ${message.text}`);
  });
  await agent.start();
  await agent.setState('Ready');
  const client = customer(url);
  const answers = new Map<string, () => void>();
  client.onEvent(({ name, data }) => {
    const text = (data as { text?: string }).text ?? '';
    if (name === 'chat.message' && text.startsWith('re: ')) answers.get(text.slice(4))?.();
  });
  await client.command('chat.start', { subject: 'orders' });
  while (!interactionId) await sleep(10);
  await sleep(300);
  const times: number[] = [];
  for (let i = 0; i < messages; i++) {
    const text = `ping ${i}`;
    const answered = new Promise<void>((resolve) => answers.set(text, resolve));
    const start = performance.now();
    await client.command('chat.send', { id: `rt-${i}`, text });
    await answered;
    times.push(performance.now() - start);
    await sleep(5);
  }
  client.stop();
  agent.stop();
  // The first twenty are warm-up.
  return summary(times.slice(20));
}

/**
 * `sessions` customers in a chat each, every one sending a message a second for `seconds`, spread over
 * the second so the load is steady. The first second is warm-up and not counted.
 */
async function load(server: Server, sessions: number, seconds: number) {
  const before = await server.memory();
  const clients = Array.from({ length: sessions }, () => customer(server.url));
  await Promise.all(clients.map((client) => client.command('chat.start', { subject: 'orders' })));
  const times: number[] = [];
  let failed = 0;
  let sent = 0;
  const started = performance.now();
  const countFrom = started + 1000;
  await Promise.all(
    clients.map(async (client, index) => {
      await sleep((index / sessions) * 1000);
      for (let i = 0; i < seconds; i++) {
        const start = performance.now();
        await client.command('chat.send', { id: `load-${index}-${i}`, text: `message ${i}` }).then(
          () => {
            if (start >= countFrom) times.push(performance.now() - start);
          },
          () => failed++,
        );
        sent++;
        await sleep(Math.max(0, 1000 - (performance.now() - start)));
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  // Measured while every session is still open: its socket, its chat and its messages.
  const memoryPerSessionKB = round(((await server.memory()) - before) / sessions / 1024);
  // Last in line first, so that no one still waiting is told a new position as the others leave.
  for (const client of [...clients].reverse()) await client.command('chat.end', {}).catch(() => undefined);
  for (const client of clients) client.stop();
  return {
    sessions,
    messagesPerSecond: round(sent / elapsed),
    failed,
    ...summary(times),
    memoryPerSessionKB,
  };
}

export type LoadStep = Awaited<ReturnType<typeof load>>;

/**
 * The same measure with the state in memory only, in the embedded PostgreSQL and in PostgreSQL, one after
 * the other in this run: what durability costs, as ratios to the memory-only figures.
 */
export async function measureChatServers(log: (line: string) => void = () => undefined) {
  const results = [];
  for (const store of ['memory', 'embedded', 'postgres'] as const) {
    results.push(await measureChatServer(store, log));
  }
  return results;
}

export type ChatServerResult = Awaited<ReturnType<typeof measureChatServer>>;

/** The round trip, then load in growing steps until p99 reaches 50 ms or a message fails. */
export async function measureChatServer(store: BenchStore, log: (line: string) => void = () => undefined) {
  const server = await startServer(store);
  try {
    const roundTripMs = await roundTrip(server.url, 220);
    log(`${store}: chat round trip p50 ${roundTripMs.p50} ms, p99 ${roundTripMs.p99} ms`);
    const steps: LoadStep[] = [];
    let sustained: LoadStep | undefined;
    for (const sessions of [100, 250, 500, 1000, 1500, 2000, 3000]) {
      const step = await load(server, sessions, 8);
      log(`${store}: ${sessions} chat sessions: ${step.messagesPerSecond} messages/s, p99 ${step.p99} ms`);
      steps.push(step);
      if (step.p99 >= 50 || step.failed > 0) break;
      sustained = step;
      await sleep(1000);
    }
    return { store, roundTripMs, steps, sustained };
  } finally {
    await server.stop();
  }
}
