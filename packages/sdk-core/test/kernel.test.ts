import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type BackendAdapter,
  createTandem,
  definePlugin,
  lazyPlugin,
  type PluginContext,
} from '../src/index';
import { fakeClock, memoryStore } from './fake-clock';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('createTandem and the plugin contract', () => {
  it('gives a plugin the bus, its config slice, storage, i18n, the UI host and the injected clock', async () => {
    const clock = fakeClock();
    let seen: PluginContext<unknown> | undefined;
    const probe = definePlugin({
      name: 'Probe',
      select: (config) => config.channels?.chat,
      setup(context) {
        seen = context;
        context.register('Probe.echo', { run: (payload: never) => payload });
      },
    });
    const tandem = createTandem({
      plugins: [probe],
      clock,
      random: () => 0.5,
      locale: 'fr',
      channels: { chat: { label: 'Parler' } },
      storage: memoryStore(),
    });
    await expect(tandem.command('Probe.echo', 42)).resolves.toBe(42);
    expect(seen?.config).toEqual({ label: 'Parler' });
    expect(seen?.clock.now()).toBe(clock.now());
    expect(seen?.random()).toBe(0.5);
    expect(seen?.i18n.t('common.close')).toBe('Fermer');
    expect(seen?.storage.set('k', 1)).toBe(true);
    expect(seen?.backend).toBeNull();
    expect(seen?.ui.mount('probe')).toBeInstanceOf(HTMLElement);
    tandem.destroy();
  });

  it('gives plugins a per-tab store (sessionStorage) beside the persistent one (localStorage)', async () => {
    let context: PluginContext<unknown> | undefined;
    const tandem = createTandem({
      plugins: [
        definePlugin({
          name: 'Probe',
          setup(c) {
            context = c;
          },
        }),
      ],
    });
    await tandem.command('Probe.none').catch(() => undefined);
    context?.tabStorage.set('conversation', 'c-1');
    context?.storage.set('preference', 'dark');
    expect(sessionStorage.getItem('tandem:v1:conversation')).toBe('{"d":"c-1"}');
    expect(localStorage.getItem('tandem:v1:preference')).toBe('{"d":"dark"}');
    expect(localStorage.getItem('tandem:v1:conversation')).toBeNull();
    sessionStorage.clear();
    localStorage.clear();
    tandem.destroy();
  });

  it('emits Tandem.ready after every plugin is set up', async () => {
    const order: string[] = [];
    const tandem = createTandem({
      plugins: [
        definePlugin({
          name: 'Slow',
          async setup() {
            await Promise.resolve();
            order.push('setup');
          },
        }),
      ],
    });
    await new Promise<void>((resolve) => tandem.on('Tandem.ready', () => resolve()));
    order.push('ready');
    expect(order).toEqual(['setup', 'ready']);
    tandem.destroy();
  });

  it('keeps a plugin inside its namespaces', async () => {
    const tandem = createTandem({
      plugins: [
        definePlugin({
          name: 'Chat',
          setup(context) {
            context.register('Cobrowse.wave', { run: () => 1 });
          },
        }),
      ],
    });
    await expect(tandem.command('Cobrowse.wave')).rejects.toMatchObject({ code: 'unknown_command' });
    expect(String(vi.mocked(console.error).mock.calls[0]?.[0])).toContain('the Chat plugin failed to start');
    vi.mocked(console.error).mockClear();
    tandem.destroy();
  });

  it('disables a plugin whose setup throws, and the others carry on', async () => {
    const tandem = createTandem({
      plugins: [
        definePlugin({
          name: 'Broken',
          setup(context) {
            context.register('Broken.run', { run: () => 1 });
            throw new Error('boom');
          },
        }),
        definePlugin({
          name: 'Fine',
          setup: (context) => void context.register('Fine.run', { run: () => 2 }),
        }),
      ],
    });
    await expect(tandem.command('Fine.run')).resolves.toBe(2);
    await expect(tandem.command('Broken.run')).rejects.toMatchObject({ code: 'unknown_command' });
    expect(vi.mocked(console.error)).toHaveBeenCalledTimes(1);
    vi.mocked(console.error).mockClear();
    tandem.destroy();
  });

  /** A plugin with two namespaces, as click-to-call has. */
  const callPlugin = () =>
    definePlugin({
      name: 'ClickToCall',
      namespaces: ['Callback'],
      setup(context) {
        context.register('ClickToCall.open', { run: () => undefined });
        context.register('ClickToCall.ping', { run: () => 'c2c' });
        context.register('Callback.ping', { run: () => 'cb' });
      },
    });

  it('loads a lazy plugin once, on the first command in its namespaces', async () => {
    const load = vi.fn(async () => callPlugin());
    const tandem = createTandem({ plugins: [lazyPlugin('ClickToCall', load, ['Callback'])] });
    await Promise.resolve();
    expect(load).not.toHaveBeenCalled();
    const results = await Promise.all([tandem.command('ClickToCall.ping'), tandem.command('Callback.ping')]);
    expect(results).toEqual(['c2c', 'cb']);
    expect(load).toHaveBeenCalledTimes(1);
    tandem.destroy();
  });

  it('refuses a feature the backend leaves out as unsupported, without loading its code', async () => {
    const load = vi.fn(async () => callPlugin());
    const backend = {
      connect: async () => undefined,
      disconnect: () => undefined,
      state: 'idle',
      onStateChange: () => () => undefined,
      availability: { get: async () => [], subscribe: () => () => undefined },
      callback: {},
    } as unknown as BackendAdapter;
    const tandem = createTandem({ backend, plugins: [lazyPlugin('ClickToCall', load, ['Callback'])] });
    await expect(tandem.command('ClickToCall.open')).rejects.toEqual({
      code: 'unsupported',
      message: "ClickToCall.open: this site's backend does not offer clickToCall.",
    });
    await expect(tandem.command('Chat.open')).rejects.toMatchObject({ code: 'unsupported' });
    expect(load).not.toHaveBeenCalled();
    // The call window serves callbacks too: its other commands need either half.
    await expect(tandem.command('ClickToCall.ping')).resolves.toBe('c2c');
    await expect(tandem.command('Callback.ping')).resolves.toBe('cb');
    tandem.destroy();
  });

  it('rejects with load_failed when a lazy plugin cannot load, and may retry later', async () => {
    let fail = true;
    const tandem = createTandem({
      plugins: [
        lazyPlugin('Flaky', async () => {
          if (fail) throw new Error('offline');
          return definePlugin({
            name: 'Flaky',
            setup: (c) => void c.register('Flaky.open', { run: () => 'ok' }),
          });
        }),
      ],
    });
    await expect(tandem.command('Flaky.open')).rejects.toEqual({
      code: 'load_failed',
      message: 'Could not load the Flaky feature: offline',
    });
    fail = false;
    await expect(tandem.command('Flaky.open')).resolves.toBe('ok');
    tandem.destroy();
  });

  it('tears down in reverse order on destroy, removes the UI, and then rejects with destroyed', async () => {
    const order: string[] = [];
    const plugin = (name: string) =>
      definePlugin({
        name,
        setup(context) {
          context.ui.mount(name);
          return () => order.push(name);
        },
      });
    const tandem = createTandem({ plugins: [plugin('First'), plugin('Second')] });
    await tandem.command('First.x').catch(() => undefined);
    expect(document.querySelectorAll('[data-tandem-host]')).toHaveLength(1);
    tandem.destroy();
    expect(order).toEqual(['Second', 'First']);
    expect(document.querySelectorAll('[data-tandem-host]')).toHaveLength(0);
    await expect(tandem.command('First.x')).rejects.toMatchObject({ code: 'destroyed' });
  });

  it('reports a subscriber that throws without breaking the emitter', async () => {
    let emit: ((name: string) => void) | undefined;
    const tandem = createTandem({
      plugins: [
        definePlugin({
          name: 'Src',
          setup(context) {
            emit = (name) => context.bus.emit(name, undefined);
          },
        }),
      ],
    });
    await tandem.command('Src.none').catch(() => undefined);
    const good = vi.fn();
    tandem.on('Src.fired', () => {
      throw new Error('host handler bug');
    });
    tandem.on('Src.fired', good);
    expect(() => emit?.('Src.fired')).not.toThrow();
    expect(good).toHaveBeenCalled();
    expect(String(vi.mocked(console.error).mock.calls[0]?.[0])).toContain(
      'a subscriber to "Src.fired" threw',
    );
    vi.mocked(console.error).mockClear();
    tandem.destroy();
  });

  it('refuses plugin names that are not PascalCase', () => {
    expect(() => definePlugin({ name: 'chat', setup: () => undefined })).toThrow(/PascalCase/);
  });
});
