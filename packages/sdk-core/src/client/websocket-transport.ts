import { listeners } from '../backend/listeners';
import type { CloseInfo, Transport, TransportState } from '../backend/transport';
import { getWebSocket } from '../globals';

/** The parts of the WebSocket API the transport uses: the browser's, or the `ws` package's in Node. */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type WebSocketConstructor = new (url: string) => WebSocketLike;

const OPEN = 1;

/**
 * A Transport over WebSocket. Each open() is a new socket; close() reports at once and ignores anything
 * more from the old socket, so a dead connection (whose close handshake may never finish) cannot stall a
 * reconnect.
 */
export function websocketTransport(options: { url: string; WebSocket?: WebSocketConstructor }): Transport {
  const message = listeners<string>();
  const opened = listeners<void>();
  const closed = listeners<CloseInfo>();
  let socket: WebSocketLike | null = null;
  let state: TransportState = 'idle';

  function detach(target: WebSocketLike): void {
    target.onopen = target.onmessage = target.onclose = target.onerror = null;
  }

  function finish(target: WebSocketLike, info: CloseInfo): void {
    if (socket !== target) return;
    detach(target);
    socket = null;
    state = 'closed';
    closed.emit(info);
  }

  return {
    get state() {
      return state;
    },
    open() {
      if (socket) return;
      const Constructor =
        options.WebSocket ?? (getWebSocket() as unknown as WebSocketConstructor | undefined);
      if (!Constructor) {
        state = 'closed';
        queueMicrotask(() => closed.emit({ code: 1006, reason: 'WebSocket is not available here' }));
        return;
      }
      state = 'connecting';
      const target = new Constructor(options.url);
      socket = target;
      target.onopen = () => {
        state = 'open';
        opened.emit();
      };
      target.onmessage = (event) => {
        if (typeof event.data === 'string') message.emit(event.data);
      };
      target.onclose = (event) => finish(target, { code: event.code, reason: event.reason });
      target.onerror = () => undefined; // a close event always follows
    },
    send(data) {
      if (!socket || socket.readyState !== OPEN) return false;
      socket.send(data);
      return true;
    },
    close(code = 1000, reason = '') {
      const target = socket;
      if (!target) return;
      finish(target, { code, reason });
      // Closing while connecting errors afterwards; Node's ws throws an error nobody listens to.
      target.onerror = () => undefined;
      try {
        target.close(code, reason);
      } catch {
        target.close();
      }
    },
    onMessage: message.add,
    onOpen: opened.add,
    onClose: closed.add,
  };
}
