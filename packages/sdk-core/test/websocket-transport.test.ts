// @vitest-environment node
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import WebSocket from 'ws';
import { websocketTransport } from '../src/client/websocket-transport';

it('closes a socket that is still connecting without an error event nobody handles (Node ws)', async () => {
  // A server that takes the upgrade and never answers: the socket stays connecting.
  const server = createServer();
  server.on('upgrade', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const transport = websocketTransport({ url: `ws://127.0.0.1:${port}/`, WebSocket: WebSocket as never });
  const closes: Array<{ code: number }> = [];
  transport.onClose((info) => closes.push(info));
  transport.open();
  expect(transport.state).toBe('connecting');
  transport.close(1000, 'bye');
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(transport.state).toBe('closed');
  expect(closes).toEqual([{ code: 1000, reason: 'bye' }]);
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
