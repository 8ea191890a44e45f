import { channelSelector } from '@tandem/channel-selector';
import { createMemoryTransport, createSessionClient, createTandem, protocolBackend } from '@tandem/sdk-core';
import { within } from '@testing-library/preact';
import { afterEach } from 'vitest';
import { memoryStore } from '../../sdk-core/test/fake-clock';
import { contactCenter } from '../../server/test/harness';
import { cobrowse } from '../src/index';

// The test files mock '../src/capture/recorder' (rrweb does not record in happy-dom); this sets up the rest.

export const instances: Array<{ destroy(): void }> = [];
afterEach(() => {
  for (const instance of instances.splice(0)) instance.destroy();
  document.body.innerHTML = '';
});

/** A customer page with Tandem and co-browse against the in-memory reference server, and agent Ada. */
export async function setup(
  body = '<main><h1>Shop</h1><input id="card" autocomplete="cc-number" value="4111"></main>',
) {
  const cc = contactCenter();
  const ada = await cc.agent('ada');
  const frames: Array<{ kind: string; data?: unknown }> = [];
  ada.client.on('cobrowseFrame', (frame) => frames.push(frame));
  const ended: string[] = [];
  ada.client.on('cobrowseEnded', ({ reason }) => ended.push(reason));
  const session = createSessionClient({
    transport: createMemoryTransport({ accept: (peer) => cc.server.accept(peer) }),
    role: 'customer',
    clock: cc.clock,
  });
  const store = memoryStore();
  // Seeded (Park–Miller), so that each page draws its own id and every run draws the same ones.
  let seed = 42;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const pump = async () => {
    await cc.settle(10);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await cc.settle(10);
  };
  /** Tandem on a page of the site: the same tab (connection and session storage) across pages. */
  async function openPage(html: string) {
    document.body.innerHTML = html;
    const tandem = createTandem({
      backend: protocolBackend(session),
      plugins: [channelSelector(), cobrowse()],
      channels: { cobrowse: {} },
      clock: cc.clock,
      random,
      storage: store,
    });
    instances.push(tandem);
    await new Promise<void>((resolve) => tandem.on('Tandem.ready', () => resolve()));
    const root = document.querySelector('[data-tandem-host]')?.shadowRoot as unknown as HTMLElement;
    const events: string[] = [];
    for (const name of [
      'Cobrowse.started',
      'Cobrowse.joined',
      'Cobrowse.modeChanged',
      'Cobrowse.ended',
    ] as const)
      tandem.on(name, () => events.push(name));
    return { tandem, root, view: within(root), events };
  }
  const page = await openPage(body);
  return { cc, ada, frames, ended, pump, openPage, ...page };
}
