import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { defaultConfigPath } from '../../examples/host/server';
import { hashPassword } from '../../packages/server/src/auth/passwords';
import { startServer } from '../../packages/server/src/http/host';
import { asSupervisor, useHost } from '../support/host';

// The server as an attacker meets it: reports without a login, guessed passwords, plain passwords in a
// config outside demo mode. The host runs in demo mode (npm start's), over real HTTP and WebSocket.
const env = useHost({ browser: false });
const basic = (user: string, password: string) => ({
  headers: { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` },
});
const reports = ['interactions', 'ratings', 'cobrowse', 'cobrowse-summary', 'realtime', 'availability'];

/** One sign-in over a fresh WebSocket: the server's first answer (welcome, or an error's code). */
function signIn(url: string, username: string, password: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url.replace('http', 'ws')}/tandem`);
    socket.on('open', () =>
      socket.send(
        JSON.stringify({ type: 'hello', version: 1, role: 'agent', credentials: { username, password } }),
      ),
    );
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { type: string; code?: string };
      resolve(frame.type === 'welcome' ? 'welcome' : (frame.code ?? frame.type));
      socket.close();
    });
    socket.on('error', reject);
  });
}

describe('reports need a supervisor', () => {
  it('refuses them without a login, with a wrong password and to an agent; a supervisor reads them', async () => {
    for (const name of reports) {
      const url = `${env.host.url}/api/reports/${name}`;
      const anonymous = await fetch(url);
      expect(anonymous.status, name).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toContain('Basic');
      expect(JSON.stringify(await anonymous.json())).not.toMatch(/customer|chat-|http/);
      expect((await fetch(url, basic('alice', 'alice'))).status, `${name} as an agent`).toBe(403);
      expect((await fetch(url, asSupervisor)).status, `${name} as a supervisor`).toBe(200);
    }
    expect((await fetch(`${env.host.url}/api/reports/realtime`, basic('dana', 'wrong'))).status).toBe(401);
  });
});

describe('guessed passwords', () => {
  it('checks a handful of 300 guesses sent as fast as they can go, refuses the rest, and the right one too', async () => {
    const began = performance.now();
    const answers: string[] = [];
    for (let i = 0; i < 300; i++) answers.push(await signIn(env.host.url, 'bruno', `guess-${i}`));
    const seconds = (performance.now() - began) / 1000;
    const checked = answers.filter((answer) => answer === 'auth_failed').length;
    // Five failures from this address (the reports test above made one) and the waits begin.
    expect(answers.slice(0, 4)).toEqual(Array(4).fill('auth_failed'));
    expect(answers[5]).toBe('auth_throttled');
    // The waits double from one second: however long the 300 took here, only a handful more got through.
    expect(checked).toBeLessThanOrEqual(5 + Math.ceil(Math.log2(seconds + 1)) + 1);
    expect(answers.filter((answer) => answer === 'auth_throttled').length).toBe(300 - checked);
    expect(await signIn(env.host.url, 'bruno', 'bruno')).toBe('auth_throttled');
    // Reports count the same failures: a supervisor's password guessed over HTTP waits as well.
    const throttled = await fetch(`${env.host.url}/api/reports/realtime`, basic('bruno', 'bruno'));
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('outside demo mode', () => {
  const config = JSON.parse(readFileSync(defaultConfigPath, 'utf8'));

  it('refuses a config with a plain password, naming the agent and how to hash one', async () => {
    await expect(startServer({ config, port: 0 })).rejects.toThrow(
      'agents[0].password: expected a scrypt hash (make one with "tandem-server hash-password"), got a plain password',
    );
  });

  it('signs agents in against hashed passwords, and never with the plain one', async () => {
    const hashed = {
      ...config,
      agents: await Promise.all(
        config.agents.map(async (agent: { password: string }) => ({
          ...agent,
          password: await hashPassword(`${agent.password}-long-and-secret`),
        })),
      ),
    };
    const notices: string[] = [];
    const server = await startServer({ config: hashed, port: 0, notice: (line) => notices.push(line) });
    // Not a demo, so no demo line; and an operator is told where the state lives.
    expect(notices).toEqual(['tandem-server: storage: memory only (a restart forgets everything)']);
    try {
      expect(await signIn(server.url, 'alice', 'alice')).toBe('auth_failed');
      expect(await signIn(server.url, 'alice', 'alice-long-and-secret')).toBe('welcome');
      expect(
        (await fetch(`${server.url}/api/reports/realtime`, basic('dana', 'dana-long-and-secret'))).status,
      ).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe("the phone network's API", () => {
  const config = JSON.parse(readFileSync(defaultConfigPath, 'utf8'));
  // One agent, hashed once: only the phone side is under test.
  const oneAgent = async () => ({
    ...config,
    agents: [{ ...config.agents[0], password: await hashPassword('a-long-and-secret-password') }],
  });
  const call = (url: string, authorization?: string) =>
    fetch(`${url}/api/phone/calls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ dialed: '+33 1 70 00 01 01', callerId: '+33600000001' }),
    }).then((response) => response.status);
  const token = 'the-gateway-token-0123456789abcdef';

  it('is open in demo mode (the simulator page), off outside it without a token', async () => {
    expect(await call(env.host.url)).toBe(201);
    const server = await startServer({ config: await oneAgent(), port: 0, notice: () => undefined });
    try {
      expect(await call(server.url)).toBe(404);
      expect(await call(server.url, `Bearer ${token}`)).toBe(404);
    } finally {
      await server.close();
    }
  });

  it("takes only the gateway's token once one is set, and refuses to start on a short one", async () => {
    const agents = await oneAgent();
    await expect(startServer({ config: agents, port: 0, phoneToken: 'short' })).rejects.toThrow(
      'TANDEM_PHONE_TOKEN: expected at least 32 characters (a random secret), got 5',
    );
    const server = await startServer({ config: agents, port: 0, phoneToken: token, notice: () => undefined });
    try {
      expect(await call(server.url)).toBe(401);
      expect(await call(server.url, `Bearer ${token.slice(0, -1)}x`)).toBe(401);
      expect(await call(server.url, `Basic ${Buffer.from(`x:${token}`).toString('base64')}`)).toBe(401);
      expect(await call(server.url, `Bearer ${token}`)).toBe(201);
    } finally {
      await server.close();
    }
  });
});

describe('connections per address', () => {
  /** Opens a socket; its handshake's answer: 101 (open) or the HTTP status it was refused with. */
  const connect = (url: string) =>
    new Promise<{ status: number; socket: WebSocket }>((resolve, reject) => {
      const socket = new WebSocket(`${url.replace('http', 'ws')}/tandem`);
      socket.on('open', () => resolve({ status: 101, socket }));
      socket.on('unexpected-response', (_request, response) =>
        resolve({ status: response.statusCode ?? 0, socket }),
      );
      socket.on('error', reject);
    });

  it('refuses the connection past the cap for one address with 429, and takes one again when one closes', async () => {
    const config = JSON.parse(readFileSync(defaultConfigPath, 'utf8'));
    const server = await startServer({
      config,
      port: 0,
      demo: true,
      notice: () => undefined,
      connections: { perAddress: 5, exempt: [] },
    });
    try {
      const open: Array<{ status: number; socket: WebSocket }> = [];
      for (let i = 0; i < 5; i++) open.push(await connect(server.url));
      expect(open.map((c) => c.status)).toEqual([101, 101, 101, 101, 101]);
      expect((await connect(server.url)).status).toBe(429);
      const closed = new Promise((resolve) => open[0]?.socket.once('close', resolve));
      open[0]?.socket.close();
      await closed;
      await expect.poll(async () => (await connect(server.url)).status).toBe(101);
    } finally {
      await server.close();
    }
  });
});
