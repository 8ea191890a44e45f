// @vitest-environment node
import { describe, expect, it } from 'vitest';

describe('importing in Node (SSR)', () => {
  it('touches no browser global', async () => {
    expect(typeof window).toBe('undefined');
    const modules = await Promise.all([
      import('@tandem/sdk-core'),
      import('@tandem/channel-selector'),
      import('@tandem/widgets'),
      import('@tandem/cobrowse'),
    ]);
    expect(modules).toHaveLength(4);
  });

  it('runs headless in Node: commands work, no UI is attempted', async () => {
    const { createTandem, definePlugin } = await import('@tandem/sdk-core');
    const { channelSelector } = await import('@tandem/channel-selector');
    const tandem = createTandem({
      plugins: [
        channelSelector(),
        definePlugin({ name: 'Ping', setup: (c) => void c.register('Ping.now', { run: () => 'pong' }) }),
      ],
    });
    await expect(tandem.command('Ping.now')).resolves.toBe('pong');
    await expect(tandem.command('ChannelSelector.open')).resolves.toBeUndefined();
    tandem.destroy();
  });
});
