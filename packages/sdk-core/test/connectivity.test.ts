import { describe, expect, it } from 'vitest';
import { createMemoryTransport } from '../src/backend/memory-transport';
import { createSessionClient } from '../src/client/session-client';
import { fakeClock } from './fake-clock';
import { settle } from './session-harness';

describe('reconnecting at once', () => {
  it('reconnects immediately on "online" and when the tab becomes visible, not after the backoff', async () => {
    const clock = fakeClock();
    let accepted = 0;
    const transport = createMemoryTransport({
      accept(peer) {
        accepted++;
        peer.onMessage(() =>
          peer.send(
            JSON.stringify({ type: 'welcome', version: 1, token: 't', resumed: true, subject: 'c', seq: 0 }),
          ),
        );
      },
    });
    const client = createSessionClient({ transport, role: 'customer', clock, random: () => 0.99 });
    client.start();
    await settle();
    expect(client.state).toBe('online');
    transport.drop();
    await settle();
    expect(client.state).toBe('offline');
    window.dispatchEvent(new Event('online'));
    await settle();
    expect(client.state).toBe('online');
    expect(accepted).toBe(2);

    transport.drop();
    await settle();
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(client.state).toBe('online');
    expect(accepted).toBe(3);

    client.stop();
    window.dispatchEvent(new Event('online'));
    await settle();
    expect(accepted).toBe(3);
  });
});
