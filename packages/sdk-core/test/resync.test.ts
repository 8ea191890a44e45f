import { describe, expect, it } from 'vitest';
import { createMemoryTransport } from '../src/backend/memory-transport';
import { createSessionClient } from '../src/client/session-client';
import { fakeClock } from './fake-clock';
import { elapse, settle } from './session-harness';

const welcome = (resumed: boolean) =>
  JSON.stringify({ type: 'welcome', version: 1, token: 'tok', resumed, subject: 'c', seq: 3 });
const event = (seq: number) => JSON.stringify({ type: 'event', seq, name: 'n', data: seq });

describe('the client never skips a frame', () => {
  it('resumes from the last frame it processed when one is missing, and gets it replayed', async () => {
    const clock = fakeClock();
    const hellos: unknown[] = [];
    const transport = createMemoryTransport({
      accept(peer) {
        peer.onMessage((data) => {
          const frame = JSON.parse(data);
          if (frame.type !== 'hello') return;
          hellos.push(frame.resume ?? null);
          if (!frame.resume) {
            peer.send(welcome(false));
            peer.send(event(1));
            peer.send(event(3)); // 2 was lost on the way
          } else {
            peer.send(welcome(true));
            for (let seq = frame.resume.lastSeq + 1; seq <= 3; seq++) peer.send(event(seq));
          }
        });
      },
    });
    const client = createSessionClient({ transport, role: 'customer', clock, random: () => 0 });
    const seen: unknown[] = [];
    client.onEvent(({ data }) => seen.push(data));
    client.start();
    await elapse(clock, 2_000, 100);
    expect(hellos).toEqual([null, { token: 'tok', lastSeq: 1 }]);
    expect(seen).toEqual([1, 2, 3]);
  });

  it('gives up with an error after three resumes that bring the same unreadable frame', async () => {
    const clock = fakeClock();
    const transport = createMemoryTransport({
      accept(peer) {
        peer.onMessage((data) => {
          if (JSON.parse(data).type !== 'hello') return;
          peer.send(welcome(true));
          peer.send('{"type":"event","seq":"not a number"}');
        });
      },
    });
    const client = createSessionClient({ transport, role: 'customer', clock, random: () => 0 });
    const pending = client.command('anything', {});
    pending.catch(() => undefined); // asserted below, after the clock has run
    client.start();
    await elapse(clock, 30_000, 100);
    await settle();
    expect(client.state).toBe('closed');
    await expect(pending).rejects.toMatchObject({ code: 'malformed_frame' });
  });
});
