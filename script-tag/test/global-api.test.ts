import { createTandem, definePlugin } from '@tandem/sdk-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { boot } from '../app';
import { createGlobalApi } from '../global-api';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('global Tandem(...) API', () => {
  const echo = definePlugin({
    name: 'Echo',
    setup: (c) => void c.register('Echo.say', { run: (p: never) => p }),
  });

  it('runs commands, subscribes and unsubscribes', async () => {
    const tandem = createTandem({ plugins: [echo] });
    const api = createGlobalApi(tandem);
    await expect(api('command', 'Echo.say', 'hi')).resolves.toBe('hi');
    await expect(api('command', 'Nope.x')).rejects.toMatchObject({ code: 'unknown_command' });
    await expect(api('command', 42)).rejects.toMatchObject({ code: 'invalid_argument' });
    const handler = vi.fn();
    const unsubscribe = api('subscribe', 'Tandem.ready', handler);
    expect(unsubscribe).toBeTypeOf('function');
    api('unsubscribe', 'Tandem.ready', handler);
    await expect(api('fly')).rejects.toMatchObject({ code: 'unknown_action' });
    tandem.destroy();
  });

  it('boot() builds the launcher from a script-tag config, and an invalid one stays inert', async () => {
    const api = boot({ config: { launcher: { label: 'Help' } }, base: '/sdk/' });
    await api('command', 'ChannelSelector.open');
    expect(
      document.querySelector('[data-tandem-host]')?.shadowRoot?.querySelector('.launcher')?.textContent,
    ).toBe('Help');
    await api('destroy');
    const inert = boot({ config: { zIndex: 'top' }, base: '/sdk/' });
    await expect(inert('command', 'ChannelSelector.open')).rejects.toMatchObject({ code: 'invalid_config' });
    expect(vi.mocked(console.error).mock.calls[0]?.[0]).toBe(
      'Tandem config: zIndex: expected a whole number >= 0 and <= 2147483647, got "top"',
    );
    vi.mocked(console.error).mockClear();
    expect(document.querySelector('[data-tandem-host]')).toBeNull();
  });
});
