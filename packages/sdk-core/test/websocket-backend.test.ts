import { describe, expect, it } from 'vitest';
import { websocket } from '../src/client/protocol-backend';
import type { WebSocketLike } from '../src/client/websocket-transport';
import { createStorage } from '../src/storage';
import { fakeClock, memoryStore } from './fake-clock';
import { settle } from './session-harness';

/** A WebSocket that answers hello with a welcome, and remembers what it was asked. */
function fakeSocketClass(log: { urls: string[]; hellos: unknown[] }) {
  return class implements WebSocketLike {
    readyState = 0;
    onopen: ((event: unknown) => void) | null = null;
    onmessage: ((event: { data: unknown }) => void) | null = null;
    onclose: ((event: { code: number; reason: string }) => void) | null = null;
    onerror: ((event: unknown) => void) | null = null;
    constructor(url: string) {
      log.urls.push(url);
      queueMicrotask(() => {
        this.readyState = 1;
        this.onopen?.({});
      });
    }
    send(data: string) {
      const frame = JSON.parse(data);
      if (frame.type !== 'hello') return;
      log.hellos.push(frame.resume ?? null);
      const welcome = {
        type: 'welcome',
        version: 1,
        token: 'tok-1',
        resumed: Boolean(frame.resume),
        subject: 'c',
        seq: 0,
      };
      queueMicrotask(() => this.onmessage?.({ data: JSON.stringify(welcome) }));
    }
    close() {
      this.readyState = 3;
    }
  };
}

describe('websocket() backend', () => {
  it('resolves a path against the page, and keeps the resume token per tab for the next page', async () => {
    const log = { urls: [] as string[], hellos: [] as unknown[] };
    const backing = memoryStore();
    const storage = createStorage({ clock: fakeClock(), area: 'session', backing });
    const first = websocket({ url: '/tandem', storage, WebSocket: fakeSocketClass(log) });
    await first.connect();
    await settle();
    expect(log.urls).toEqual([`ws://${location.host}/tandem`]);
    expect(first.state).toBe('online');
    first.disconnect();

    const reloaded = websocket({ url: '/tandem', storage, WebSocket: fakeSocketClass(log) });
    await reloaded.connect();
    await settle();
    expect(log.hellos).toEqual([null, { token: 'tok-1', lastSeq: 0 }]);
  });
});
