// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { contactCenter } from './harness';

// The eleven chat flows of seed 004 (Genesys Info Mart "Chat Interactions"), each with exactly the
// role/result [reason] descriptors the seed lists.

async function connected() {
  const cc = contactCenter();
  const ada = await cc.agent('ada');
  const bob = await cc.agent('bob');
  const customer = await cc.customer();
  await ada.client.setState('Ready');
  await bob.client.setState('NotReady', 'Lunch');
  const { conversationId } = await customer.start('billing', { name: 'Grace' });
  await cc.elapse(300);
  expect(ada.invites.map((i) => i.purpose)).toEqual(['route']);
  await cc.settle();
  const accepted = ada.client.accept(conversationId);
  await cc.settle(8);
  await accepted;
  await bob.client.setState('Ready');
  return { cc, ada, bob, customer, id: conversationId };
}

describe('chat flows (seed 004)', () => {
  it('1. strategy delivers the chat, the agent replies: RoutedTo/Completed', async () => {
    const { cc, ada, customer, id } = await connected();
    expect(customer.named('chat.message')[0]).toMatchObject({
      from: 'system',
      text: 'Welcome to Tandem Coffee! An agent will be with you shortly.',
    });
    expect(customer.named('chat.agentJoined')).toEqual([{ name: 'Ada' }]);
    await customer.say('Where is my order?');
    await ada.client.send(id, 'Let me check.');
    await cc.settle(8);
    expect(ada.messages).toContain('customer:Where is my order?');
    expect(customer.named('chat.message').map((m) => m.text)).toContain('Let me check.');
    await customer.end();
    expect(cc.factsOf(id)).toEqual(['ada: RoutedTo/Completed']);
  });

  it('2. agent invited, invitation revoked (RONA): RoutedTo/Redirected [Revoked], agent NotReady(RONA)', async () => {
    const cc = contactCenter();
    const ada = await cc.agent('ada');
    const customer = await cc.customer();
    await ada.client.setState('Ready');
    const { conversationId: id } = await customer.start();
    await cc.elapse(300 + 20_000, 500);
    expect(cc.factsOf(id)).toEqual(['ada: RoutedTo/Redirected [Revoked]']);
    expect(ada.states.at(-1)).toBe('NotReady(RONA)');
    const request = cc.server.interactions.get(id)?.request;
    expect(request?.state).toBe('queued');
    expect(request?.priority).toBe(30);
  });

  it('3. agent transfers the chat: RoutedTo/Transferred, ReceivedTransfer/Completed', async () => {
    const { cc, ada, bob, customer, id } = await connected();
    await ada.client.transfer(id, { toAgentId: 'bob' });
    await cc.settle(8);
    expect(bob.invites.at(-1)).toMatchObject({ interactionId: id, purpose: 'transfer', fromName: 'Ada' });
    await bob.client.accept(id);
    await cc.settle(8);
    expect(customer.named('chat.agentLeft')).toEqual([{ name: 'Ada', transferredTo: 'Bob' }]);
    expect(customer.named('chat.agentJoined')).toEqual([{ name: 'Ada' }, { name: 'Bob' }]);
    await bob.client.end(id);
    await cc.settle(8);
    expect(cc.factsOf(id)).toEqual(['ada: RoutedTo/Transferred', 'bob: ReceivedTransfer/Completed']);
    expect(customer.named('chat.ended')).toEqual([{ reason: 'agent' }]);
  });

  it('4. transfer fails: RoutedTo/Completed, ReceivedTransfer/Abandoned [Revoked]', async () => {
    const { cc, ada, bob, customer, id } = await connected();
    const failed: unknown[] = [];
    ada.client.on('inviteFailed', (event) => failed.push(event));
    await ada.client.transfer(id, { toAgentId: 'bob' });
    await cc.settle(8);
    await bob.client.decline(id);
    await cc.settle(8);
    expect(failed).toEqual([{ interactionId: id, purpose: 'transfer', cause: 'declined' }]);
    await ada.client.send(id, 'Still with you.');
    await customer.end();
    expect(cc.factsOf(id)).toEqual(['ada: RoutedTo/Completed', 'bob: ReceivedTransfer/Abandoned [Revoked]']);
  });

  it('5. agent conferences in another agent: RoutedTo/Completed, InConference/Completed', async () => {
    const { cc, ada, bob, customer, id } = await connected();
    await ada.client.conference(id, { toAgentId: 'bob' });
    await cc.settle(8);
    await bob.client.accept(id);
    await bob.client.send(id, 'Bob here too.');
    await cc.settle(8);
    expect(customer.named('chat.agentJoined')).toEqual([{ name: 'Ada' }, { name: 'Bob' }]);
    expect(ada.messages).toContain('agent:Bob here too.');
    await customer.end();
    expect(cc.factsOf(id)).toEqual(['ada: RoutedTo/Completed', 'bob: InConference/Completed']);
  });

  it('6. conference fails: RoutedTo/Completed, InConference/Abandoned [Revoked]', async () => {
    const { cc, ada, customer, id } = await connected();
    await ada.client.conference(id, { toAgentId: 'bob' });
    await cc.elapse(20_000, 500);
    await customer.end();
    expect(cc.factsOf(id)).toEqual(['ada: RoutedTo/Completed', 'bob: InConference/Abandoned [Revoked]']);
  });

  it('7. consultation: RoutedTo/Completed, ReceivedConsult/Completed; the customer never sees it', async () => {
    const { cc, ada, bob, customer, id } = await connected();
    await ada.client.consult(id, { toAgentId: 'bob' });
    await cc.settle(8);
    await bob.client.accept(id);
    await ada.client.send(id, 'Bob, is a refund possible here?', 'agents');
    await bob.client.send(id, 'Yes, within 30 days.');
    await cc.settle(8);
    expect(ada.messages).toContain('agent:Yes, within 30 days.');
    expect(bob.messages).toContain('agent:Bob, is a refund possible here?');
    await bob.client.leave(id);
    await ada.client.send(id, 'Good news: you will get a refund.');
    await customer.end();
    const seen = JSON.stringify(customer.events);
    expect(seen).not.toContain('Bob');
    expect(seen).not.toContain('30 days');
    expect(seen).toContain('Good news');
    expect(cc.factsOf(id)).toEqual(['ada: RoutedTo/Completed', 'bob: ReceivedConsult/Completed']);
  });

  it('8. conference through a queue: RoutedTo/Completed, InConference/Completed', async () => {
    const { cc, ada, bob, customer, id } = await connected();
    await ada.client.conference(id, { toSubject: 'billing' });
    // Ada is excluded; Bob (level 5) qualifies once the first target (level 8) expires.
    await cc.elapse(30_000 + 300, 500);
    expect(bob.invites.at(-1)).toMatchObject({ interactionId: id, purpose: 'conference' });
    await bob.client.accept(id);
    await customer.end();
    expect(cc.factsOf(id)).toEqual(['ada: RoutedTo/Completed', 'bob: InConference/Completed']);
  });

  it('9. customer abandons in queue: Received/CustomerAbandoned [AbandonedWhileQueued]', async () => {
    const cc = contactCenter();
    const customer = await cc.customer();
    const { conversationId: id } = await customer.start();
    await cc.elapse(5_000);
    // Nobody is logged in: the visitor is told no one could answer yet.
    expect(customer.named('chat.queued')[0]).toEqual({ position: 1, staffed: false });
    await customer.end();
    expect(cc.factsOf(id)).toEqual(['billing: Received/CustomerAbandoned [AbandonedWhileQueued]']);
  });

  it('10. customer abandons during routing: Puller/CustomerAbandoned', async () => {
    const cc = contactCenter();
    const ada = await cc.agent('ada');
    const customer = await cc.customer();
    await ada.client.setState('Ready');
    const { conversationId: id } = await customer.start();
    expect(cc.server.interactions.get(id)?.state).toBe('routing');
    await customer.end();
    await cc.elapse(1_000);
    expect(ada.invites).toEqual([]);
    expect(cc.factsOf(id)).toEqual(['strategy:billing: Puller/CustomerAbandoned']);
    expect(cc.server.agents.get('ada')?.load.chat).toBe(0);
  });

  it('11. customer abandons during alerting: RoutedTo/CustomerAbandoned [AbandonedWhileRinging]', async () => {
    const cc = contactCenter();
    const ada = await cc.agent('ada');
    const customer = await cc.customer();
    await ada.client.setState('Ready');
    const { conversationId: id } = await customer.start();
    await cc.elapse(300);
    expect(ada.invites).toHaveLength(1);
    await customer.end();
    await cc.elapse(25_000, 500);
    expect(cc.factsOf(id)).toEqual(['ada: RoutedTo/CustomerAbandoned [AbandonedWhileRinging]']);
    expect(ada.states.at(-1)).toBe('Ready');
  });
});

describe('hand-ons through a queue (review regressions)', () => {
  it('a transfer through a queue removes the transferring agent when accepted', async () => {
    const { cc, ada, bob, customer, id } = await connected();
    await ada.client.transfer(id, { toSubject: 'billing' });
    await cc.elapse(30_000 + 300, 500);
    expect(bob.invites.at(-1)).toMatchObject({ interactionId: id, purpose: 'transfer', fromName: 'Ada' });
    await bob.client.accept(id);
    await cc.settle(8);
    expect(customer.named('chat.agentLeft')).toEqual([{ name: 'Ada', transferredTo: 'Bob' }]);
    await customer.end();
    expect(cc.factsOf(id)).toEqual(['ada: RoutedTo/Transferred', 'bob: ReceivedTransfer/Completed']);
  });

  it('ending the chat withdraws a hand-on still waiting in the queue, and only one may wait', async () => {
    const { cc, ada, bob, customer, id } = await connected();
    await bob.client.setState('NotReady', 'Lunch');
    await ada.client.conference(id, { toSubject: 'billing' });
    await expect(
      cc.settle(8).then(() => ada.client.conference(id, { toSubject: 'billing' })),
    ).rejects.toMatchObject({ code: 'conflict' });
    await customer.end();
    await bob.client.setState('Ready');
    await cc.elapse(60_000, 1_000);
    expect(bob.invites.filter((i) => i.purpose === 'conference')).toEqual([]);
    expect(cc.server.agents.get('bob')?.load.chat).toBe(0);
  });

  it('does not offer a declined chat to the same agent again', async () => {
    const cc = contactCenter();
    const ada = await cc.agent('ada');
    await ada.client.setState('Ready');
    const customer = await cc.customer();
    const { conversationId: id } = await customer.start();
    await cc.elapse(300);
    await ada.client.decline(id);
    await cc.elapse(5_000, 500);
    expect(ada.invites).toHaveLength(1);
  });
});
