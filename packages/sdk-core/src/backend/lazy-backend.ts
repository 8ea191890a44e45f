import type { Unsubscribe } from '../bus';
import type { BackendAdapter, ConnectionState } from './adapter';
import { listeners } from './listeners';

type Api = 'availability' | 'chat' | 'messaging' | 'clickToCall' | 'callback' | 'cobrowse';
const subscriptions = new Set(['onEvent', 'subscribe']);

/**
 * A BackendAdapter whose code is fetched on first use: the launcher stays small, and the connection
 * loads when the visitor opens the selector or a feature. Subscriptions made before that are kept.
 */
export function lazyBackend(load: () => Promise<BackendAdapter>): BackendAdapter {
  let loading: Promise<BackendAdapter> | undefined;
  let loaded: BackendAdapter | undefined;
  let state: ConnectionState = 'idle';
  const stateChanged = listeners<ConnectionState>();
  const pending = new Set<(adapter: BackendAdapter) => void>();

  function real(): Promise<BackendAdapter> {
    loading ??= load().then(async (adapter) => {
      adapter.onStateChange((next) => {
        state = next;
        stateChanged.emit(next);
      });
      // Subscriptions made before loading attach before connecting, so no event slips past them.
      loaded = adapter;
      for (const attach of pending) attach(adapter);
      pending.clear();
      await adapter.connect();
      return adapter;
    });
    loading.catch(() => {
      loading = undefined; // a failed fetch is retried on the next use
    });
    return loading;
  }

  // Every method of every API: subscriptions register at once and attach on load, the rest load first.
  const api = (name: Api) =>
    new Proxy(
      {},
      {
        get: (_target, method: string) => {
          const call = (adapter: BackendAdapter, args: unknown[]) =>
            (adapter[name] as unknown as Record<string, (...a: unknown[]) => unknown>)[method]?.(...args);
          if (!subscriptions.has(method))
            return (...args: unknown[]) => real().then((adapter) => call(adapter, args));
          return (listener: unknown): Unsubscribe => {
            let detach: Unsubscribe | undefined;
            const attach = (adapter: BackendAdapter) => {
              detach = call(adapter, [listener]) as Unsubscribe;
            };
            if (loaded) attach(loaded);
            else pending.add(attach);
            return () => {
              pending.delete(attach);
              detach?.();
            };
          };
        },
      },
    );

  return {
    connect: () => real().then(() => undefined),
    disconnect: () => void loading?.then((adapter) => adapter.disconnect()),
    get state() {
      return state;
    },
    onStateChange: stateChanged.add,
    availability: api('availability'),
    chat: api('chat'),
    messaging: api('messaging'),
    clickToCall: api('clickToCall'),
    callback: api('callback'),
    cobrowse: api('cobrowse'),
  } as BackendAdapter;
}
