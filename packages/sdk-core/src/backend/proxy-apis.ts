import type { Unsubscribe } from '../bus';
import type { BackendAdapter, BackendFeatures } from './adapter';
import { capabilityNames } from './capabilities';

/** The domain APIs of a BackendAdapter, in one place for the adapters that stand in front of another. */
export const apiNames = ['availability', ...capabilityNames] as const;
export type ApiName = (typeof apiNames)[number];

/**
 * Every API as a Proxy: its subscription methods (`onEvent`, `subscribe`) go to `subscribe`, every other
 * method to `call`. The lazy and the tab-shared backends differ only in those two; both stand in front of
 * protocol v1, which offers every feature.
 */
export function proxyApis(handlers: {
  subscribe(api: ApiName, method: string, listener: unknown): Unsubscribe;
  call(api: ApiName, method: string, args: unknown[]): unknown;
}): Pick<BackendAdapter, 'availability'> & BackendFeatures {
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
  return Object.fromEntries(apiNames.map((api) => [api, proxy(api)])) as Pick<
    BackendAdapter,
    'availability'
  > &
    BackendFeatures;
}
