import type { Unsubscribe } from '../bus';
import type { BackendAdapter } from './adapter';

/** The domain APIs of a BackendAdapter, in one place for the adapters that stand in front of another. */
export const apiNames = ['availability', 'chat', 'messaging', 'clickToCall', 'callback', 'cobrowse'] as const;
export type ApiName = (typeof apiNames)[number];

/**
 * Every API as a Proxy: its subscription methods (`onEvent`, `subscribe`) go to `subscribe`, every other
 * method to `call`. The lazy and the tab-shared backends differ only in those two.
 */
export function proxyApis(handlers: {
  subscribe(api: ApiName, method: string, listener: unknown): Unsubscribe;
  call(api: ApiName, method: string, args: unknown[]): unknown;
}): Pick<BackendAdapter, ApiName> {
  const proxy = (api: ApiName) =>
    new Proxy(
      {},
      {
        get: (_target, method: string) =>
          method === 'onEvent' || method === 'subscribe'
            ? (listener: unknown) => handlers.subscribe(api, method, listener)
            : (...args: unknown[]) => handlers.call(api, method, args),
      },
    );
  return Object.fromEntries(apiNames.map((api) => [api, proxy(api)])) as Pick<BackendAdapter, ApiName>;
}
