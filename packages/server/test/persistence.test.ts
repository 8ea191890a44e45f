// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createPersistence } from '../src/storage/persistence';
import { emptyState, type Store } from '../src/storage/store';

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('persistence while the store is down', () => {
  it('tries again after its wait, however many turns come meanwhile, and sends the held frames then', async () => {
    let attempts = 0;
    let up = false;
    const store: Store = {
      description: 'flaky',
      load: async () => emptyState(),
      write: async () => {
        attempts++;
        if (!up) throw new Error('down');
      },
      close: async () => {},
    };
    let version = 0;
    const errors: unknown[] = [];
    const persistence = createPersistence({
      store,
      restored: emptyState(),
      sources: [{ kind: 'agents', all: () => [['ada', { version }]] }],
      logs: [],
      onError: (error) => errors.push(error),
      retryMs: 200,
    });
    const sent: string[] = [];
    const peer = persistence.gate({
      send: (data) => sent.push(data),
      close: () => {},
      onMessage: () => () => {},
      onClose: () => () => {},
    });
    peer.send('frame 1');
    await turn();
    await turn();
    expect(attempts).toBe(1);
    for (let i = 0; i < 20; i++) {
      version++;
      persistence.schedule();
      await turn();
    }
    expect(attempts).toBe(1); // no attempt per turn while it waits
    expect(sent).toEqual([]); // nothing leaves that the store does not have
    up = true;
    await expect.poll(() => sent, { timeout: 5000 }).toEqual(['frame 1']);
    expect(attempts).toBe(2);
    expect(errors).toHaveLength(1);
  });
});
