// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { contactCenter } from '../../server/test/harness';
import type { ChatEvent, FullBackendAdapter } from '../src/backend/adapter';
import { createMemoryTransport } from '../src/backend/memory-transport';
import { protocolBackend } from '../src/client/protocol-backend';
import { createSessionClient } from '../src/client/session-client';
import { type ChannelLike, type LockManagerLike, sharedBackend } from '../src/client/shared-backend';

/** Web Locks for one browser: exclusive, queued, released when the holder "closes its tab". */
function fakeLocks() {
  const held = new Map<string, { release(): void }>();
  const queues = new Map<string, Array<() => void>>();
  const manager = (tab: { closed: boolean; releases: Array<() => void> }): LockManagerLike => ({
    request(name, options, callback) {
      const grant = () => {
        let release: () => void = () => undefined;
        const done = new Promise<void>((resolve) => {
          release = resolve;
        });
        held.set(name, { release });
        tab.releases.push(() => {
          held.delete(name);
          release();
          queues.get(name)?.shift()?.();
        });
        void callback({ name });
        return done;
      };
      if (!held.has(name)) return Promise.resolve(grant());
      if (options.ifAvailable) return Promise.resolve(callback(null));
      return new Promise((resolve) => {
        const queue = queues.get(name) ?? [];
        queue.push(() => resolve(grant()));
        queues.set(name, queue);
      });
    },
  });
  return manager;
}

const channels: BroadcastChannel[] = [];
afterEach(() => {
  for (const channel of channels.splice(0)) channel.close();
});

const flush = async (cc: ReturnType<typeof contactCenter>) => {
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    await cc.settle(5);
  }
};

describe('one connection shared by the tabs of a site', () => {
  it('connects once, shows every tab the same events, takes calls from any tab, and survives the leader closing', async () => {
    const cc = contactCenter();
    const ada = await cc.agent('ada');
    await ada.client.setState('Ready');
    const locksFor = fakeLocks();
    let connections = 0;
    let resume: { token: string; lastSeq: number } | undefined;
    const create = (): FullBackendAdapter => {
      connections++;
      return protocolBackend(
        createSessionClient({
          transport: createMemoryTransport({ accept: (peer) => cc.server.accept(peer) }),
          role: 'customer',
          clock: cc.clock,
          ...(resume ? { resume } : {}),
          onResumeState: (state) => {
            resume = state;
          },
        }),
      );
    };
    const tab = () => {
      const life = { closed: false, releases: [] as Array<() => void> };
      const backend = sharedBackend({
        name: 'ws://shop.test/tandem',
        create,
        locks: locksFor(life),
        openChannel: (name) => {
          const channel = new BroadcastChannel(name);
          channels.push(channel);
          return channel as unknown as ChannelLike;
        },
        random: Math.random,
      });
      const events: ChatEvent[] = [];
      backend.chat.onEvent((event) => events.push(event));
      return {
        backend,
        events,
        close: () => {
          for (const release of life.releases) release();
        },
      };
    };

    const first = tab();
    const second = tab();
    await first.backend.connect();
    await flush(cc);
    const started = second.backend.chat.start({ subject: 'billing' });
    await flush(cc);
    const { conversationId } = await started;
    expect(connections).toBe(1);
    await cc.elapse(300);
    await cc.settled(ada.client.accept(conversationId));
    await second.backend.chat.send({ id: 'c1', text: 'From the second tab' });
    await cc.settled(ada.client.send(conversationId, 'Seen by both'));
    await flush(cc);
    const texts = (events: ChatEvent[]) =>
      events.flatMap((e) => (e.type === 'message' && e.message.from !== 'system' ? [e.message.text] : []));
    expect(texts(first.events)).toEqual(['From the second tab', 'Seen by both']);
    expect(texts(second.events)).toEqual(texts(first.events));
    expect(second.backend.state).toBe('online');

    // The leader's tab closes: the second tab takes the connection over and resumes the same session.
    first.close();
    await flush(cc);
    await cc.elapse(1000);
    await flush(cc);
    expect(connections).toBe(2);
    await cc.settled(ada.client.send(conversationId, 'After the handover'));
    await flush(cc);
    expect(texts(second.events).at(-1)).toBe('After the handover');
    const history = await second.backend.chat.history();
    expect(history.conversationId).toBe(conversationId);
    expect(history.messages.filter((m) => m.from !== 'system').map((m) => m.text)).toEqual([
      'From the second tab',
      'Seen by both',
      'After the handover',
    ]);
  });
});
