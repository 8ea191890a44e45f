import { describe, expect, it, vi } from 'vitest';
import { CloseCode, createMemoryTransport, type Peer } from '../src/index';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('memory transport', () => {
  it('connects to the accepting side and carries text both ways, in order', async () => {
    const peers: Peer[] = [];
    const serverGot: string[] = [];
    const transport = createMemoryTransport({
      accept(peer) {
        peers.push(peer);
        peer.onMessage((data) => {
          serverGot.push(data);
          peer.send(`echo ${data}`);
        });
      },
    });
    const clientGot: string[] = [];
    transport.onMessage((data) => clientGot.push(data));
    const opened = vi.fn();
    transport.onOpen(opened);
    expect(transport.send('too early')).toBe(false);
    transport.open();
    await flush();
    expect(opened).toHaveBeenCalledTimes(1);
    expect(transport.state).toBe('open');
    transport.send('1');
    transport.send('2');
    await flush();
    expect(serverGot).toEqual(['1', '2']);
    expect(clientGot).toEqual(['echo 1', 'echo 2']);
    expect(peers).toHaveLength(1);
  });

  it('drop() cuts both ends with 1006 and loses frames in flight', async () => {
    const serverGot: string[] = [];
    const serverClosed = vi.fn();
    const transport = createMemoryTransport({
      accept(peer) {
        peer.onMessage((data) => serverGot.push(data));
        peer.onClose(serverClosed);
      },
    });
    const clientClosed = vi.fn();
    transport.onClose(clientClosed);
    transport.open();
    await flush();
    transport.send('lost');
    transport.drop();
    await flush();
    expect(serverGot).toEqual([]);
    expect(clientClosed).toHaveBeenCalledWith({ code: CloseCode.Abnormal, reason: 'connection lost' });
    expect(serverClosed).toHaveBeenCalledTimes(1);
    expect(transport.state).toBe('closed');
    expect(transport.send('after')).toBe(false);
  });

  it('opens a fresh connection after a close', async () => {
    const accept = vi.fn();
    const transport = createMemoryTransport({ accept });
    transport.open();
    await flush();
    transport.close();
    await flush();
    transport.open();
    await flush();
    expect(accept).toHaveBeenCalledTimes(2);
    expect(transport.state).toBe('open');
  });
});
