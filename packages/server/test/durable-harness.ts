import { createMemoryTransport, createSessionClient } from '@tandem/sdk-core';
import { createAgentClient } from '@tandem/sdk-core/agent';
import { fakeClock } from '../../sdk-core/test/fake-clock';
import { settle } from '../../sdk-core/test/session-harness';
import { openReferenceServer, type ReferenceServer } from '../src/contact-center/reference-server';
import type { Store } from '../src/storage/store';
import { fixture } from './harness';

/**
 * A store that can "crash": from then on its writes never land, as when the process is killed while a
 * write is on its way; what it had committed before stays for the next run.
 */
export function crashable(inner: Store): Store & { crash(): void } {
  let crashed = false;
  return {
    description: inner.description,
    load: () => inner.load(),
    write: (changes) => (crashed ? new Promise<void>(() => {}) : inner.write(changes)),
    close: () => inner.close(),
    crash() {
      crashed = true;
    },
  };
}

/**
 * A contact center on a store, with clients over memory transports that it can crash (SIGKILL: nothing
 * more is written, every connection drops) or stop cleanly (SIGTERM: drain), then start again on the same
 * store while the clients reconnect and resume.
 */
export async function durableCenter(store: Store, config: unknown = fixture) {
  const clock = fakeClock(Date.UTC(2026, 10, 23, 10, 0));
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const errors: unknown[] = [];
  let disk = crashable(store);
  // Tracking is checked after every turn here too, restored state included.
  const open = (on: Store) =>
    openReferenceServer({
      config,
      clock,
      random,
      store: on,
      onError: (e) => errors.push(e),
      verify: (problem) => errors.push(new Error(problem)),
    });
  let server: ReferenceServer = await open(disk);
  const transports: Array<ReturnType<typeof createMemoryTransport>> = [];
  const transport = () => {
    const created = createMemoryTransport({ accept: (peer) => server.accept(peer) });
    transports.push(created);
    return created;
  };

  /** Waits (on real time: storage is real I/O) until `check` holds. */
  async function until(check: () => boolean, what = 'a condition'): Promise<void> {
    for (let i = 0; i < 2000; i++) {
      if (check()) return;
      await settle(2);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  /** A command's answer: waited for on real time, since it leaves only once storage has its effects. */
  async function done<T>(promise: Promise<T>): Promise<T> {
    let over = false;
    promise.then(
      () => {
        over = true;
      },
      () => {
        over = true;
      },
    );
    await until(() => over, 'an answer');
    return promise;
  }

  async function restart(how: 'crash' | 'drain'): Promise<void> {
    if (how === 'crash') {
      disk.crash();
      void server.close();
    } else await server.close();
    for (const t of transports) t.drop();
    await settle();
    disk = crashable(store);
    server = await open(disk);
  }

  function customer() {
    const session = createSessionClient({ transport: transport(), role: 'customer', clock, random });
    const messages: string[] = [];
    const events: Array<{ name: string; data: Record<string, unknown> }> = [];
    session.onEvent((event) => {
      events.push(event as (typeof events)[number]);
      if (event.name === 'chat.message') {
        const message = event.data as { from: string; text: string };
        messages.push(`${message.from}:${message.text}`);
      }
    });
    session.start();
    const named = (name: string) => events.filter((e) => e.name === name).map((e) => e.data);
    return { session, messages, named };
  }

  async function agent(username: string) {
    const client = createAgentClient({
      transport: transport(),
      username,
      password: `${username}-pass`,
      clock,
      random,
    });
    const messages: string[] = [];
    const invites: string[] = [];
    client.on('message', ({ message }) => messages.push(`${message.from}:${message.text}`));
    client.on('invite', (invite) => invites.push(invite.interactionId));
    await done(client.start());
    return { client, messages, invites };
  }

  return {
    clock,
    errors,
    get server() {
      return server;
    },
    until,
    done,
    /** The store stops taking writes (the process is about to die). */
    crashStore: () => disk.crash(),
    restart,
    customer,
    agent,
    /** Moves the fake clock in steps, with real time for storage between them. */
    async elapse(ms: number, step = 1000) {
      for (let done = 0; done < ms; done += step) {
        clock.advance(Math.min(step, ms - done));
        await settle(3);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    },
  };
}
