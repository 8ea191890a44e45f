import type { Unsubscribe } from '../bus';
import type { BackendAdapter, ConnectionState, FullBackendAdapter } from './adapter';
import { listeners } from './listeners';
import { type ApiName, proxyApis } from './proxy-apis';

/**
 * A BackendAdapter whose code is fetched on first use: the launcher stays small, and the connection
 * loads when the visitor opens the selector or a feature. Subscriptions made before that are kept.
 */
export function lazyBackend(load: () => Promise<FullBackendAdapter>): FullBackendAdapter {
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

  const invoke = (adapter: BackendAdapter, api: ApiName, method: string, args: unknown[]) =>
    (adapter[api] as unknown as Record<string, (...a: unknown[]) => unknown> | undefined)?.[method]?.(
      ...args,
    );

  return {
    connect: () => real().then(() => undefined),
    disconnect: () => void loading?.then((adapter) => adapter.disconnect()),
    get state() {
      return state;
    },
    onStateChange: stateChanged.add,
    // Subscriptions register at once and attach on load; every other method loads first.
    ...proxyApis({
      subscribe(api, method, listener) {
        let detach: Unsubscribe | undefined;
        const attach = (adapter: BackendAdapter) => {
          detach = invoke(adapter, api, method, [listener]) as Unsubscribe;
        };
        if (loaded) attach(loaded);
        else pending.add(attach);
        return () => {
          pending.delete(attach);
          detach?.();
        };
      },
      call: (api, method, args) => real().then((adapter) => invoke(adapter, api, method, args)),
    }),
  };
}
