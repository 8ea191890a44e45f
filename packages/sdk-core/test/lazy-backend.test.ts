import { describe, expect, it, vi } from 'vitest';
import type { BackendAdapter, ChatEvent, FullBackendAdapter } from '../src/backend/adapter';
import { lazyBackend } from '../src/backend/lazy-backend';
import { createTandem, definePlugin } from '../src/index';

function fakeAdapter() {
  const chatListeners = new Set<(event: ChatEvent) => void>();
  const adapter = {
    connect: vi.fn(async () => undefined),
    disconnect: vi.fn(),
    state: 'online',
    onStateChange: () => () => undefined,
    availability: { get: vi.fn(async () => []), subscribe: () => () => undefined },
    chat: {
      start: vi.fn(async () => ({ conversationId: 'c1' })),
      send: vi.fn(async () => undefined),
      typing: vi.fn(),
      end: vi.fn(async () => undefined),
      history: vi.fn(async () => []),
      onEvent: (listener: (event: ChatEvent) => void) => {
        chatListeners.add(listener);
        return () => chatListeners.delete(listener);
      },
    },
  } as unknown as FullBackendAdapter;
  const emit = (event: ChatEvent) => {
    for (const listener of [...chatListeners]) listener(event);
  };
  return { adapter, emit };
}

describe('lazy backend', () => {
  it('loads once, on first use, and keeps subscriptions made before', async () => {
    const fake = fakeAdapter();
    const load = vi.fn(async () => fake.adapter);
    const backend = lazyBackend(load);
    const events: ChatEvent[] = [];
    const unsubscribe = backend.chat.onEvent((event) => events.push(event));
    expect(load).not.toHaveBeenCalled();
    expect(backend.state).toBe('idle');
    await Promise.all([backend.chat.start({ subject: 'billing' }), backend.chat.history()]);
    expect(load).toHaveBeenCalledTimes(1);
    expect(fake.adapter.connect).toHaveBeenCalledTimes(1);
    fake.emit({ type: 'agentJoined', name: 'Ada' });
    unsubscribe();
    fake.emit({ type: 'agentLeft', name: 'Ada' });
    expect(events).toEqual([{ type: 'agentJoined', name: 'Ada' }]);
  });

  it('retries a load that failed', async () => {
    const fake = fakeAdapter();
    const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(fake.adapter);
    const backend = lazyBackend(load);
    await expect(backend.chat.history()).rejects.toThrow('offline');
    await expect(backend.chat.history()).resolves.toEqual([]);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('is what plugins get for { url }: nothing is fetched or opened until a plugin uses it', async () => {
    let seen: BackendAdapter | null = null;
    const tandem = createTandem({
      backend: { url: 'wss://contact.example/tandem' },
      plugins: [
        definePlugin({
          name: 'Probe',
          setup(context) {
            seen = context.backend;
          },
        }),
      ],
    });
    await tandem.command('Probe.none').catch(() => undefined);
    expect(seen).not.toBeNull();
    expect((seen as unknown as BackendAdapter).state).toBe('idle');
    tandem.destroy();
  });
});
