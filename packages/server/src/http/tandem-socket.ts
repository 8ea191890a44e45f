import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { CloseCode, type Peer } from '@tandem/sdk-core';
import { type WebSocket, WebSocketServer } from 'ws';

export interface SocketOptions {
  path: string;
  /** Browser origins allowed to connect; '*' allows any. Clients that send no Origin (not browsers) pass. */
  allowedOrigins: readonly string[] | '*';
  maxFrameBytes: number;
  /** Open connections allowed per remote address, and in all; past them an upgrade gets 429/503. */
  limits?: ConnectionLimits;
  accept(peer: Peer): void;
}

export interface ConnectionLimits {
  readonly perAddress: number;
  readonly total: number;
  /** Addresses without a per-address cap: loopback by default (a local proxy, the bench, the tests). */
  readonly exempt: readonly string[];
}

export const defaultConnectionLimits: ConnectionLimits = {
  perAddress: 64,
  total: 10_000,
  exempt: ['127.0.0.1', '::1', '::ffff:127.0.0.1'],
};

/** Serves protocol v1 over WebSocket on one path of an HTTP server; returns a graceful shutdown. */
export function attachTandemSocket(server: Server, options: SocketOptions) {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxFrameBytes,
    perMessageDeflate: false,
  });
  const sockets = new Set<WebSocket>();
  const limits = options.limits ?? defaultConnectionLimits;
  const perAddress = new Map<string, number>();

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(request.url ?? '/', 'http://host').pathname;
    if (path !== options.path) return refuse(socket, 404, 'Not Found');
    const origin = request.headers.origin;
    if (origin && options.allowedOrigins !== '*' && !options.allowedOrigins.includes(origin)) {
      return refuse(socket, 403, 'Forbidden');
    }
    const address = request.socket.remoteAddress ?? '';
    if (sockets.size >= limits.total) return refuse(socket, 503, 'Service Unavailable');
    const open = perAddress.get(address) ?? 0;
    if (open >= limits.perAddress && !limits.exempt.includes(address))
      return refuse(socket, 429, 'Too Many Requests');
    wss.handleUpgrade(request, socket, head, (ws) => {
      // Counted once open: a handshake ws refuses never reaches here, and must not count.
      perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
      sockets.add(ws);
      ws.on('close', () => {
        sockets.delete(ws);
        const left = (perAddress.get(address) ?? 1) - 1;
        if (left > 0) perAddress.set(address, left);
        else perAddress.delete(address);
      });
      // Protocol errors (oversized or invalid frames) are followed by a close; unhandled they would crash.
      ws.on('error', () => undefined);
      options.accept(toPeer(ws, address || undefined));
    });
  });

  return {
    sockets,
    close(): void {
      for (const ws of sockets) ws.close(CloseCode.GoingAway, 'server shutting down');
      wss.close();
    },
  };
}

const maxBufferedBytes = 16 * 1024 * 1024;

function toPeer(ws: WebSocket, address: string | undefined): Peer {
  return {
    ...(address ? { address } : {}),
    send(data) {
      if (ws.readyState !== ws.OPEN) return;
      // A peer that cannot keep up is cut loose (it resumes later) rather than buffered without end.
      if (ws.bufferedAmount > maxBufferedBytes) ws.close(1008, 'too slow');
      else ws.send(data);
    },
    close(code, reason) {
      ws.close(code, reason);
    },
    onMessage(listener) {
      const handler = (data: Buffer, isBinary: boolean) => {
        if (isBinary) ws.close(1003, 'text frames only');
        else listener(data.toString('utf8'));
      };
      ws.on('message', handler);
      return () => ws.off('message', handler);
    },
    onClose(listener) {
      const handler = (code: number, reason: Buffer) => listener({ code, reason: reason.toString('utf8') });
      ws.on('close', handler);
      return () => ws.off('close', handler);
    },
  };
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.write(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\n\r\n`);
  socket.destroy();
}
