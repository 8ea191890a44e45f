import { listeners } from './listeners';
import { CloseCode, type CloseInfo, type Peer, type Transport, type TransportState } from './transport';

export interface MemoryTransportOptions {
  /** Called with the server's end of each new connection (what a WebSocket server's 'connection' is). */
  accept(peer: Peer): void;
  /** Defers delivery; defaults to a microtask, so sends never re-enter the sender. */
  schedule?(task: () => void): void;
}

/**
 * A transport whose other end is in the same process: tests and the in-memory reference server use it.
 * Data crosses as strings, exactly as over a socket, so nothing shares object identity across the link.
 */
export function createMemoryTransport(options: MemoryTransportOptions): Transport & { drop(): void } {
  const schedule = options.schedule ?? queueMicrotask;
  const clientMessage = listeners<string>();
  const clientOpen = listeners<void>();
  const clientClose = listeners<CloseInfo>();
  let state: TransportState = 'idle';
  let link: {
    serverMessage: ReturnType<typeof listeners<string>>;
    end(info: CloseInfo): void;
    isDropped(): boolean;
  } | null = null;

  function open(): void {
    if (state === 'open' || state === 'connecting') return;
    state = 'connecting';
    const serverMessage = listeners<string>();
    const serverClose = listeners<CloseInfo>();
    let ended = false;
    // A graceful close still delivers what was sent before it, as a socket does; a drop loses it.
    let dropped = false;
    const end = (info: CloseInfo) => {
      if (ended) return;
      ended = true;
      dropped = info.code === CloseCode.Abnormal;
      if (link?.serverMessage === serverMessage) link = null;
      state = 'closed';
      schedule(() => {
        serverClose.emit(info);
        clientClose.emit(info);
      });
    };
    const current = { serverMessage, end, isDropped: () => dropped };
    link = current;
    const peer: Peer = {
      send: (data) => {
        if (!ended) schedule(() => !dropped && clientMessage.emit(String(data)));
      },
      close: (code = CloseCode.Normal, reason = '') => end({ code, reason }),
      onMessage: serverMessage.add,
      onClose: serverClose.add,
    };
    schedule(() => {
      if (ended) return;
      state = 'open';
      options.accept(peer);
      clientOpen.emit();
    });
  }

  return {
    get state() {
      return state;
    },
    open,
    send(data) {
      const current = link;
      if (state !== 'open' || !current) return false;
      schedule(() => !current.isDropped() && current.serverMessage.emit(String(data)));
      return true;
    },
    close(code = CloseCode.Normal, reason = '') {
      link?.end({ code, reason });
    },
    /** Simulates a network cut: both ends see an abnormal close. */
    drop() {
      link?.end({ code: CloseCode.Abnormal, reason: 'connection lost' });
    },
    onMessage: clientMessage.add,
    onOpen: clientOpen.add,
    onClose: clientClose.add,
  };
}
