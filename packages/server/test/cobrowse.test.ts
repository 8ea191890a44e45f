// @vitest-environment node

import { createSessionClient } from '@tandem/sdk-core';
import { describe, expect, it } from 'vitest';
import { contactCenter, fixture } from './harness';

async function setup(config: unknown = fixture) {
  const cc = contactCenter(config);
  const customer = await cc.customer();
  const cmd = async <T = unknown>(name: string, payload: unknown = {}) => {
    return cc.settled(customer.session.command<T>(name, payload));
  };
  const agentCall = cc.settled;
  /** The customer's chat, accepted by `agent`: its id. */
  const chatAcceptedBy = async (agent: Awaited<ReturnType<typeof cc.agent>>) => {
    await agent.client.setState('Ready');
    const { conversationId } = await customer.start('billing');
    await cc.elapse(300);
    await agentCall(agent.client.accept(conversationId));
    return conversationId;
  };
  return { cc, customer, cmd, agentCall, chatAcceptedBy };
}

describe('co-browse sessions (seeds 000 and CE27)', () => {
  it('gives the customer a 9-digit id that an agent joins, in pointer mode', async () => {
    const { cc, customer, cmd, agentCall } = await setup();
    const ada = await cc.agent('ada');
    const joined: unknown[] = [];
    ada.client.on('cobrowseJoined', (event) => joined.push(event));
    const { sessionId } = await cmd<{ sessionId: string }>('cobrowse.create');
    expect(sessionId).toMatch(/^[1-9]\d{8}$/);
    await agentCall(
      ada.client.joinCobrowse(`${sessionId.slice(0, 3)} ${sessionId.slice(3, 6)} ${sessionId.slice(6)}`),
    );
    expect(joined).toEqual([{ sessionId, customerId: customer.session.subject, mode: 'pointer' }]);
    expect(customer.named('cobrowse.joined')).toEqual([{ sessionId, agentName: 'Ada', mode: 'pointer' }]);
  });

  it('lets only customers create sessions, and only one agent join', async () => {
    const { cc, cmd, agentCall } = await setup();
    const ada = await cc.agent('ada');
    const bob = await cc.agent('bob');
    const { sessionId } = await cmd<{ sessionId: string }>('cobrowse.create');
    await agentCall(ada.client.joinCobrowse(sessionId));
    await expect(agentCall(bob.client.joinCobrowse(sessionId))).rejects.toMatchObject({ code: 'conflict' });
    // An agent's session has no way to start one.
    const asAgent = createSessionClient({
      transport: cc.transport(),
      role: 'agent',
      credentials: { username: 'bob', password: 'bob-pass' },
      clock: cc.clock,
    });
    asAgent.start();
    await expect(agentCall(asAgent.command('cobrowse.create', {}))).rejects.toMatchObject({
      code: 'unknown_command',
    });
  });

  it('expires a session no agent joins within 10 minutes', async () => {
    const { cc, customer, cmd } = await setup();
    const { sessionId } = await cmd<{ sessionId: string }>('cobrowse.create');
    await cc.elapse(600_000, 10_000);
    expect(customer.named('cobrowse.ended')).toEqual([{ sessionId, reason: 'no agent joined' }]);
  });

  it('arms no timer any more once the server is closed (a closed host lets its process exit)', async () => {
    const { cc, customer, cmd } = await setup();
    await cmd('cobrowse.create');
    cc.server.close();
    await cc.elapse(700_000, 100_000);
    expect(customer.named('cobrowse.ended')).toEqual([]);
  });

  it('locks an agent out for a minute after five wrong ids in a minute', async () => {
    const { cc, cmd, agentCall } = await setup();
    const ada = await cc.agent('ada');
    const { sessionId } = await cmd<{ sessionId: string }>('cobrowse.create');
    for (let i = 0; i < 5; i++) {
      await expect(agentCall(ada.client.joinCobrowse(`12345678${i}`))).rejects.toMatchObject({
        code: 'not_found',
      });
    }
    await expect(agentCall(ada.client.joinCobrowse(sessionId))).rejects.toMatchObject({
      code: 'locked_out',
      message: 'too many wrong session ids: try again in 60 s',
    });
    await cc.elapse(60_000, 5_000);
    await expect(agentCall(ada.client.joinCobrowse(sessionId))).resolves.toBeUndefined();
  });

  it('joins the chat’s agent automatically when started from a chat, and ends with the chat', async () => {
    const { cc, customer, cmd, chatAcceptedBy } = await setup();
    const ada = await cc.agent('ada');
    const conversationId = await chatAcceptedBy(ada);
    const joined: Array<{ interactionId?: string }> = [];
    ada.client.on('cobrowseJoined', (event) => joined.push(event));
    const { sessionId } = await cmd<{ sessionId: string }>('cobrowse.create');
    expect(joined[0]?.interactionId).toBe(conversationId);
    await customer.end();
    expect(customer.named('cobrowse.ended')).toEqual([{ sessionId, reason: 'interaction ended' }]);
  });

  it('ends when its chat is transferred, and the agent who handed it over can send it nothing more', async () => {
    const { cc, customer, cmd, agentCall, chatAcceptedBy } = await setup();
    const ada = await cc.agent('ada');
    const bob = await cc.agent('bob');
    const conversationId = await chatAcceptedBy(ada);
    const { sessionId } = await cmd<{ sessionId: string }>('cobrowse.create');
    await agentCall(bob.client.setState('Ready'));
    await agentCall(ada.client.transfer(conversationId, { toAgentId: 'bob' }));
    await agentCall(bob.client.accept(conversationId));
    expect(customer.named('cobrowse.ended')).toEqual([{ sessionId, reason: 'interaction transferred' }]);
    await expect(
      agentCall(ada.client.sendCobrowse(sessionId, 'pointer', { x: 1, y: 1 })),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('takes frames only from the session’s own agent', async () => {
    const { cc, customer, cmd, agentCall } = await setup();
    const ada = await cc.agent('ada');
    const bob = await cc.agent('bob');
    const { sessionId } = await cmd<{ sessionId: string }>('cobrowse.create');
    await agentCall(ada.client.joinCobrowse(sessionId));
    await agentCall(ada.client.requestWriteMode(sessionId));
    await cmd('cobrowse.consent', { allow: true });
    for (const kind of ['control', 'pointer', 'annotation', 'highlight', 'resync'] as const) {
      await expect(
        agentCall(bob.client.sendCobrowse(sessionId, kind, { type: 'click', id: 1, x: 0, y: 0, page: 'p' })),
        kind,
      ).rejects.toMatchObject({ code: 'forbidden' });
      await expect(agentCall(bob.client.requestWriteMode(sessionId))).rejects.toMatchObject({
        code: 'forbidden',
      });
    }
    await expect(agentCall(bob.client.endCobrowse(sessionId))).rejects.toMatchObject({ code: 'forbidden' });
    expect(customer.named('cobrowse.frame')).toEqual([]);
  });

  it('needs the customer’s yes for write mode, refuses control without it, and the customer can revoke', async () => {
    const { cc, customer, cmd, agentCall } = await setup();
    const ada = await cc.agent('ada');
    const { sessionId } = await cmd<{ sessionId: string }>('cobrowse.create');
    await agentCall(ada.client.joinCobrowse(sessionId));
    await expect(
      agentCall(ada.client.sendCobrowse(sessionId, 'control', { click: 1 })),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    const denied: unknown[] = [];
    ada.client.on('cobrowseWriteDenied', (event) => denied.push(event));
    await agentCall(ada.client.requestWriteMode(sessionId));
    expect(customer.named('cobrowse.writeRequested')).toEqual([{ sessionId, agentName: 'Ada' }]);
    await cmd('cobrowse.consent', { allow: false });
    expect(denied).toHaveLength(1);
    await expect(cmd('cobrowse.consent', { allow: true })).rejects.toMatchObject({ code: 'conflict' });
    await agentCall(ada.client.requestWriteMode(sessionId));
    await cmd('cobrowse.consent', { allow: true });
    expect(customer.named('cobrowse.mode').at(-1)).toEqual({ sessionId, mode: 'write' });
    await agentCall(ada.client.sendCobrowse(sessionId, 'control', { click: 1 }));
    expect(customer.named('cobrowse.frame').at(-1)).toEqual({ kind: 'control', data: { click: 1 } });
    await cmd('cobrowse.revoke');
    await expect(
      agentCall(ada.client.sendCobrowse(sessionId, 'control', { click: 2 })),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    const modes = cc.server.cobrowseSessions.get(sessionId)?.modes.map((m) => m.mode);
    expect(modes).toEqual(['pointer', 'write', 'pointer']);
  });

  it('relays frames in order both ways and records the pages co-browsed', async () => {
    const { cc, cmd, agentCall } = await setup();
    const ada = await cc.agent('ada');
    const frames: Array<{ kind: string; data?: unknown }> = [];
    ada.client.on('cobrowseFrame', (frame) => frames.push(frame));
    const { sessionId } = await cmd<{ sessionId: string }>('cobrowse.create');
    await agentCall(ada.client.joinCobrowse(sessionId));
    const sends = [];
    sends.push(
      cmd('cobrowse.frame', { kind: 'navigation', url: 'https://shop.example/', data: { title: 'Home' } }),
    );
    for (let i = 0; i < 20; i++) sends.push(cmd('cobrowse.frame', { kind: 'mutation', data: { n: i } }));
    sends.push(cmd('cobrowse.frame', { kind: 'navigation', url: 'https://shop.example/checkout' }));
    await Promise.all(sends);
    expect(frames.filter((f) => f.kind === 'mutation').map((f) => (f.data as { n: number }).n)).toEqual([
      ...Array(20).keys(),
    ]);
    expect(cc.server.cobrowseSessions.get(sessionId)?.pages).toEqual([
      'https://shop.example/',
      'https://shop.example/checkout',
    ]);
  });

  it('hands a view that subscribes after the join the frames that came before it (the snapshot)', async () => {
    const { cc, cmd, agentCall } = await setup();
    const ada = await cc.agent('ada');
    const { sessionId } = await cmd<{ sessionId: string }>('cobrowse.create');
    await agentCall(ada.client.joinCobrowse(sessionId));
    await cmd('cobrowse.frame', { kind: 'snapshot', data: { snapshot: true } });
    await cmd('cobrowse.frame', { kind: 'mutation', data: { n: 1 } });
    const seen: unknown[] = [];
    ada.client.cobrowseFrames(sessionId, (frame) => seen.push(frame.data));
    await cmd('cobrowse.frame', { kind: 'mutation', data: { n: 2 } });
    expect(seen).toEqual([{ snapshot: true }, { n: 1 }, { n: 2 }]);
  });

  it('survives the customer’s navigation: paused while away, resumed with agent and mode, control refused between pages', async () => {
    const { cc, cmd, agentCall } = await setup();
    const ada = await cc.agent('ada');
    const { sessionId } = await cmd<{ sessionId: string }>('cobrowse.create');
    await agentCall(ada.client.joinCobrowse(sessionId));
    await agentCall(ada.client.requestWriteMode(sessionId));
    await cmd('cobrowse.consent', { allow: true });
    await cmd('cobrowse.frame', { kind: 'navigation', url: 'https://shop.example/' });
    await cmd('cobrowse.frame', { kind: 'navigation', data: { leaving: true } });
    await expect(
      agentCall(ada.client.sendCobrowse(sessionId, 'control', { type: 'click', id: 4 })),
    ).rejects.toMatchObject({ code: 'conflict', message: 'the customer has left the page' });
    await expect(cmd('cobrowse.resume', { sessionId: '123456789' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await cc.elapse(60_000, 10_000);
    expect(await cmd('cobrowse.resume', { sessionId })).toEqual({
      sessionId,
      agentName: 'Ada',
      mode: 'write',
    });
    await cmd('cobrowse.frame', { kind: 'navigation', url: 'https://shop.example/checkout' });
    await agentCall(ada.client.sendCobrowse(sessionId, 'control', { type: 'click', id: 4 }));
    const session = cc.server.cobrowseSessions.get(sessionId);
    expect(session?.pages).toEqual(['https://shop.example/', 'https://shop.example/checkout']);
    expect(session?.endedAt).toBeUndefined();
  });

  it('ends a session whose customer went to a page without Tandem and did not come back in 5 minutes', async () => {
    const { cc, customer, cmd, agentCall } = await setup();
    const ada = await cc.agent('ada');
    const { sessionId } = await cmd<{ sessionId: string }>('cobrowse.create');
    await agentCall(ada.client.joinCobrowse(sessionId));
    await cmd('cobrowse.frame', { kind: 'navigation', data: { leaving: true } });
    await cc.elapse(299_000, 10_000);
    expect(customer.named('cobrowse.ended')).toEqual([]);
    await cc.elapse(2_000, 1_000);
    expect(customer.named('cobrowse.ended')).toEqual([{ sessionId, reason: 'customer left' }]);
    await expect(cmd('cobrowse.resume', { sessionId })).rejects.toMatchObject({ code: 'not_found' });
  }, 30_000);

  it('ends on inactivity per primary media (chat 15 min), and on either side’s stop with the reason', async () => {
    const { cc, cmd, chatAcceptedBy } = await setup();
    const ada = await cc.agent('ada');
    await chatAcceptedBy(ada);
    const ended: Array<{ reason: string }> = [];
    ada.client.on('cobrowseEnded', (event) => ended.push(event));
    await cmd('cobrowse.create');
    await cc.elapse(14 * 60_000, 30_000);
    expect(ended).toEqual([]);
    await cc.elapse(60_000, 30_000);
    expect(ended).toEqual([expect.objectContaining({ reason: 'inactivity' })]);
    const second = await cmd<{ sessionId: string }>('cobrowse.create');
    await cmd('cobrowse.end');
    expect(ended.at(-1)).toEqual({ sessionId: second.sessionId, reason: 'customer' });
  }, 30_000);
  it('ends after 2 minutes of inactivity when its primary is a messaging conversation', async () => {
    const { cc, cmd, agentCall } = await setup();
    const ada = await cc.agent('ada');
    await ada.client.setState('Ready');
    await cmd('messaging.send', { id: 'm1', text: 'Can you look at my basket?', subject: 'billing' });
    await cc.elapse(300);
    await agentCall(ada.client.accept(ada.invites[0]?.interactionId ?? ''));
    const ended: Array<{ reason: string }> = [];
    ada.client.on('cobrowseEnded', (event) => ended.push(event));
    const { sessionId } = await cmd<{ sessionId: string }>('cobrowse.create');
    expect(cc.server.cobrowseSessions.get(sessionId)?.media).toBe('messaging');
    await cc.elapse(119_000, 10_000);
    expect(ended).toEqual([]);
    await cc.elapse(2_000, 1_000);
    expect(ended).toEqual([{ sessionId, reason: 'inactivity' }]);
  }, 30_000);
});

describe('co-browse authorisation (review regressions)', () => {
  it('does not bind a session joined by id to the agent’s call with another customer', async () => {
    const { cc, cmd, agentCall } = await setup();
    const ada = await cc.agent('ada');
    await ada.client.setState('Ready');
    const call = cc.server.voice.inboundCall({ dialed: '+33170000101', callerId: '+4930111111' });
    await cc.elapse(300);
    await agentCall(ada.client.accept(call.interactionId ?? ''));
    const { sessionId } = await cmd<{ sessionId: string }>('cobrowse.create');
    await agentCall(ada.client.joinCobrowse(sessionId));
    expect(cc.server.cobrowseSessions.get(sessionId)?.interactionId).toBeUndefined();
  });

  it('ends the co-browse of an agent who leaves the chat, while the chat goes on', async () => {
    const { cc, customer, cmd, agentCall, chatAcceptedBy } = await setup();
    const ada = await cc.agent('ada');
    const bob = await cc.agent('bob');
    const conversationId = await chatAcceptedBy(ada);
    await bob.client.setState('Ready');
    const { sessionId } = await cmd<{ sessionId: string }>('cobrowse.create');
    await agentCall(ada.client.conference(conversationId, { toAgentId: 'bob' }));
    await agentCall(bob.client.accept(conversationId));
    await agentCall(ada.client.leave(conversationId));
    expect(customer.named('cobrowse.ended')).toEqual([{ sessionId, reason: 'agent left' }]);
    expect(cc.server.interactions.get(conversationId)?.state).toBe('connected');
  });
});

describe('agent sessions (review regressions)', () => {
  it('a fresh login retires the older session without logging the agent out', async () => {
    const cc = contactCenter();
    const first = await cc.agent('ada');
    await first.client.setState('Ready');
    const second = await cc.agent('ada');
    await cc.elapse(60_000, 1_000);
    expect(cc.server.agents.get('ada')?.status).toBe('Ready');
    // The retired desktop stands down instead of logging in again and retiring the new one.
    expect(first.client.connection).toBe('closed');
    expect(second.client.connection).toBe('online');
    await expect(second.client.setState('NotReady', 'Pause')).resolves.toBeUndefined();
  });
});
