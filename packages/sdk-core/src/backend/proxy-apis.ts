import type { Unsubscribe } from '../bus';
import type { BackendAdapter, BackendFeatures } from './adapter';
import { type Capability, capabilityNames } from './capabilities';

/** The domain APIs of a BackendAdapter, in one place for the adapters that stand in front of another. */
export const apiNames = ['availability', ...capabilityNames] as const;
export type ApiName = (typeof apiNames)[number];

export interface ProxyHandlers {
  subscribe(api: ApiName, method: string, listener: unknown): Unsubscribe;
  call(api: ApiName, method: string, args: unknown[]): unknown;
}

/**
 * Every API as a Proxy: its subscription methods (`onEvent`, `subscribe`) go to `subscribe`, every other
 * method to `call`. The lazy and the tab-shared backends differ only in those two. Only the features in
 * `offered` are there, so that a backend standing in front of another offers what that one does.
 */
export function proxyApis(handlers: ProxyHandlers): Pick<BackendAdapter, 'availability'> & BackendFeatures;
export function proxyApis(
  handlers: ProxyHandlers,
  offered: readonly Capability[],
): Pick<BackendAdapter, ApiName>;
export function proxyApis(
  handlers: ProxyHandlers,
  offered: readonly Capability[] = capabilityNames,
): Pick<BackendAdapter, ApiName> {
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
  const names: readonly ApiName[] = ['availability', ...capabilityNames.filter((c) => offered.includes(c))];
  return Object.fromEntries(names.map((api) => [api, proxy(api)])) as Pick<BackendAdapter, ApiName>;
}
