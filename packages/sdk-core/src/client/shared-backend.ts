import type { ConnectionState, FullBackendAdapter } from '../backend/adapter';
import { listeners } from '../backend/listeners';
import { type ApiName, apiNames, proxyApis } from '../backend/proxy-apis';
import type { Unsubscribe } from '../bus';
import type { Random } from '../clock';
import { getWindow } from '../globals';

/** The parts of the Web Locks API used here (navigator.locks). */
export interface LockManagerLike {
  request(
    name: string,
    options: { ifAvailable?: boolean },
    callback: (lock: unknown) => Promise<unknown> | unknown,
  ): Promise<unknown>;
}

/** The parts of BroadcastChannel used here. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  close(): void;
}

export interface SharedBackendOptions {
  /** One connection per name: the same backend URL on the same site shares one. */
  name: string;
  /** Makes the real backend, in the tab that holds the connection. */
  create(): FullBackendAdapter;
  locks: LockManagerLike;
  openChannel(name: string): ChannelLike;
  random: Random;
}

type Message =
  | { k: 'call'; id: string; from: string; api: ApiName | 'root'; method: string; args: unknown[] }
  | { k: 'reply'; id: string; to: string; ok: boolean; value?: unknown }
  | { k: 'event'; api: ApiName; event: unknown }
  | { k: 'state'; state: ConnectionState }
  | { k: 'leader' }
  | { k: 'hello' };

/** Web Locks and BroadcastChannel where the browser has both; otherwise each tab keeps its own connection. */
export function browserSharing(): Pick<SharedBackendOptions, 'locks' | 'openChannel'> | undefined {
  const win = getWindow() as (Window & { BroadcastChannel?: typeof BroadcastChannel }) | undefined;
  const locks = win?.navigator.locks as LockManagerLike | undefined;
  const Channel = win?.BroadcastChannel;
  if (!locks || !Channel) return undefined;
  return { locks, openChannel: (name) => new Channel(name) as ChannelLike };
}

/**
 * One connection for all the tabs of a site. The tab holding a Web Lock runs the real backend and relays
 * its events over a BroadcastChannel; the others forward their calls to it. When that tab goes, the next
 * one in the lock's queue takes over and resumes the same session (its resume state is shared storage).
 */
export function sharedBackend(options: SharedBackendOptions): FullBackendAdapter {
  const tab = Math.floor(options.random() * 2 ** 48).toString(36);
  const channel = options.openChannel(`tandem:${options.name}`);
  const events = new Map(apiNames.map((api) => [api, listeners<unknown>()]));
  const stateChanged = listeners<ConnectionState>();
  const pending = new Map<string, { resolve(v: unknown): void; reject(e: unknown): void; call: Message }>();
  let real: FullBackendAdapter | undefined;
  let state: ConnectionState = 'idle';
  let counter = 0;

  const post = (message: Message) => channel.postMessage(message);
  const setState = (next: ConnectionState) => {
    state = next;
    stateChanged.emit(next);
  };

  function lead(): void {
    const adapter = options.create();
    real = adapter;
    for (const api of apiNames) {
      const relay = (event: unknown) => {
        events.get(api)?.emit(event);
        post({ k: 'event', api, event });
      };
      const target = adapter[api] as unknown as Record<string, (listener: unknown) => Unsubscribe>;
      (api === 'availability' ? target.subscribe : target.onEvent)?.(relay);
    }
    adapter.onStateChange((next) => {
      setState(next);
      post({ k: 'state', state: next });
    });
    post({ k: 'leader' });
    // Calls this tab made while it was following run here now.
    for (const [id, entry] of pending) {
      pending.delete(id);
      run(entry.call).then(entry.resolve, entry.reject);
    }
    adapter.connect().catch(() => undefined);
  }

  function run(call: Message): Promise<unknown> {
    if (call.k !== 'call' || !real) return Promise.reject(new Error('not connected'));
    if (call.api === 'root') return call.method === 'connect' ? real.connect() : Promise.resolve();
    const target = real[call.api] as unknown as Record<string, (...args: unknown[]) => unknown>;
    const method = target[call.method];
    if (typeof method !== 'function') return Promise.reject(new Error(`no method ${call.method}`));
    return Promise.resolve(method(...call.args));
  }

  channel.addEventListener('message', ({ data }) => {
    const message = data as Message;
    if (typeof message !== 'object' || message === null) return;
    if (real) {
      if (message.k === 'hello') post({ k: 'state', state });
      if (message.k !== 'call') return;
      run(message).then(
        (value) => post({ k: 'reply', id: message.id, to: message.from, ok: true, value }),
        (error: unknown) => post({ k: 'reply', id: message.id, to: message.from, ok: false, value: error }),
      );
      return;
    }
    if (message.k === 'event') events.get(message.api)?.emit(message.event);
    else if (message.k === 'state') setState(message.state);
    else if (message.k === 'leader') {
      // A new leader may not have seen what was sent to the one before: send it again (calls are idempotent).
      for (const entry of pending.values()) post(entry.call);
    } else if (message.k === 'reply' && message.to === tab) {
      const entry = pending.get(message.id);
      pending.delete(message.id);
      if (message.ok) entry?.resolve(message.value);
      else entry?.reject(message.value);
    }
  });

  function call(api: ApiName | 'root', method: string, args: unknown[]): Promise<unknown> {
    const message: Message = { k: 'call', id: `${tab}.${counter++}`, from: tab, api, method, args };
    const result = real
      ? run(message)
      : new Promise((resolve, reject) => {
          pending.set(message.id, { resolve, reject, call: message });
          post(message);
        });
    // Fire-and-forget methods (typing) are not awaited: their failure must not surface as unhandled.
    result.catch(() => undefined);
    return result;
  }

  // The first tab to ask leads; the others queue for the lock and take over when the leader goes.
  let started = false;
  function start(): void {
    if (started) return;
    started = true;
    options.locks
      .request(`tandem:${options.name}`, { ifAvailable: true }, (lock) => {
        if (!lock) {
          post({ k: 'hello' });
          options.locks.request(`tandem:${options.name}`, {}, () => {
            lead();
            return new Promise(() => undefined); // held for the life of the tab
          });
          return undefined;
        }
        lead();
        return new Promise(() => undefined);
      })
      .catch(() => undefined);
  }

  return {
    connect() {
      start();
      return call('root', 'connect', []).then(() => undefined);
    },
    disconnect: () => real?.disconnect(),
    get state() {
      return state;
    },
    onStateChange: stateChanged.add,
    ...proxyApis({
      subscribe: (api, _method, listener) =>
        events.get(api)?.add(listener as (value: unknown) => void) ?? (() => undefined),
      call(api, method, args) {
        start();
        return call(api, method, args);
      },
    }),
  };
}
