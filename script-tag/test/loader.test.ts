import { describe, expect, it, vi } from 'vitest';
import {
  type AppModule,
  appFileName,
  type GlobalApi,
  holdEarlyLaunches,
  installLoader,
  type LoaderHost,
} from '../loader-core';

/** The snippet site owners paste, as a function of a host object. */
function stub(host: LoaderHost) {
  const tandem = ((...args: unknown[]) => {
    tandem.q = tandem.q ?? [];
    (tandem.q as unknown[][]).push(args);
  }) as NonNullable<LoaderHost['Tandem']>;
  host.Tandem = tandem;
  return tandem;
}

function deferredApp() {
  const calls: unknown[][] = [];
  let finish!: (module: AppModule) => void;
  let fail!: (error: unknown) => void;
  const loaded = new Promise<AppModule>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const api: GlobalApi = (...args) => {
    calls.push(args);
    if (args[0] === 'subscribe') return () => calls.push(['unsubscribed', args[1]]);
    return Promise.resolve(`done ${String(args[1])}`);
  };
  const boot = vi.fn(() => api);
  return { calls, boot, loaded, ready: () => finish({ boot }), fail };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('script-tag loader', () => {
  it('loads the app from its own base URL and replays queued calls in order', async () => {
    const host: LoaderHost = {};
    const tandem = stub(host);
    tandem('command', 'Chat.open', { subject: 'billing' });
    tandem('subscribe', 'Chat.messageReceived', () => undefined);
    const app = deferredApp();
    const load = vi.fn(() => app.loaded);
    installLoader(host, 'https://cdn.example.com/tandem/1.0/tandem.js?v=3', load);
    expect(load).toHaveBeenCalledWith(`https://cdn.example.com/tandem/1.0/${appFileName}`);
    const during = host.Tandem?.('command', 'ChannelSelector.open');
    app.ready();
    await settle();
    expect(app.calls.map((c) => c.slice(0, 2))).toEqual([
      ['command', 'Chat.open'],
      ['subscribe', 'Chat.messageReceived'],
      ['command', 'ChannelSelector.open'],
    ]);
    await expect(during).resolves.toBe('done ChannelSelector.open');
    await expect(host.Tandem?.('command', 'Chat.close')).resolves.toBe('done Chat.close');
  });

  it('takes config from window.TandemConfig, else from a queued init call', async () => {
    const fromGlobal = deferredApp();
    installLoader({ TandemConfig: { locale: 'fr' } }, '/sdk/tandem.js', () => fromGlobal.loaded);
    fromGlobal.ready();
    await settle();
    expect(fromGlobal.boot).toHaveBeenCalledWith({ config: { locale: 'fr' }, base: '/sdk/' });

    const host: LoaderHost = {};
    stub(host)('init', { locale: 'ar' });
    const fromQueue = deferredApp();
    installLoader(host, '/sdk/tandem.js', () => fromQueue.loaded);
    fromQueue.ready();
    await settle();
    expect(fromQueue.boot).toHaveBeenCalledWith({ config: { locale: 'ar' }, base: '/sdk/' });
    expect(fromQueue.calls).toEqual([]);
  });

  it('returns an unsubscribe before load that works before and after load', async () => {
    const host: LoaderHost = {};
    const app = deferredApp();
    installLoader(host, '/tandem.js', () => app.loaded);
    const cancelledEarly = host.Tandem?.('subscribe', 'A.happened', () => undefined) as () => void;
    const cancelledLater = host.Tandem?.('subscribe', 'B.happened', () => undefined) as () => void;
    cancelledEarly();
    app.ready();
    await settle();
    cancelledLater();
    expect(app.calls.map((c) => c.slice(0, 2))).toEqual([
      ['subscribe', 'B.happened'],
      ['unsubscribed', 'B.happened'],
    ]);
  });

  it('rejects queued and later calls with load_failed when the app cannot load, without throwing', async () => {
    const host: LoaderHost = {};
    const app = deferredApp();
    installLoader(host, '/tandem.js', () => app.loaded);
    const pending = host.Tandem?.('command', 'Chat.open');
    app.fail(new Error('404'));
    await expect(pending).rejects.toMatchObject({ code: 'load_failed' });
    await expect(host.Tandem?.('command', 'Chat.open')).rejects.toMatchObject({ code: 'load_failed' });
    expect(vi.mocked(console.error).mock.calls[0]?.[0]).toBe('Tandem could not load from /: Error: 404');
    vi.mocked(console.error).mockClear();
  });

  it('does nothing when included twice', () => {
    const host: LoaderHost = {};
    const load = vi.fn(() => new Promise<AppModule>(() => undefined));
    installLoader(host, '/tandem.js', load);
    const first = host.Tandem;
    installLoader(host, '/tandem.js', load);
    expect(host.Tandem).toBe(first);
    expect(load).toHaveBeenCalledTimes(1);
  });
});

describe('clicks on custom launchers before Tandem is ready', () => {
  it('keeps the last one and hands it on when Tandem is ready, then lets clicks through', () => {
    document.body.innerHTML =
      '<a href="#help" data-tandem-open="selector">Help</a><button data-tandem-open="chat"><span>Chat</span></button>';
    const release = holdEarlyLaunches(document);
    const early = new MouseEvent('click', { bubbles: true, cancelable: true });
    document.querySelector('a')?.dispatchEvent(early);
    expect(early.defaultPrevented).toBe(true);
    document
      .querySelector('span')
      ?.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    const replayed: Element[] = [];
    document.addEventListener('tandem:open', (event) => replayed.push(event.target as Element));
    let ready = () => undefined as unknown;
    release(((action: unknown, name: unknown, handler: () => void) => {
      if (action === 'subscribe' && name === 'Tandem.ready') ready = handler;
      return () => undefined;
    }) as never);
    expect(replayed).toEqual([]);
    ready();
    expect(replayed).toEqual([document.querySelector('button')]);
    const later = new MouseEvent('click', { bubbles: true, cancelable: true });
    document.querySelector('a')?.dispatchEvent(later);
    expect(later.defaultPrevented).toBe(false);
    document.body.innerHTML = '';
  });
});
