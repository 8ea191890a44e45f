// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { contactCenter } from './harness';

async function chatting() {
  const cc = contactCenter();
  const ada = await cc.agent('ada');
  await cc.settled(ada.client.setState('Ready'));
  const customer = await cc.customer();
  const { conversationId: id } = await customer.start('billing', { name: 'Grace' });
  await cc.elapse(1_000);
  await cc.settled(ada.client.accept(id));
  const reads: string[] = [];
  ada.client.on('read', ({ interactionId, upTo, by }) => reads.push(`${interactionId}:${by}:${upTo}`));
  return { cc, ada, customer, id, reads };
}

describe('read receipts (protocol v1: chat.read, messaging.read, agent.read)', () => {
  it('tells the agents what the customer has read, and the customer what the agent has read', async () => {
    const { cc, ada, customer, id, reads } = await chatting();
    await customer.say('Hello?');
    await cc.settled(ada.client.send(id, 'Hi Grace'));
    const reply = customer.named('chat.message').find((m) => m.text === 'Hi Grace');
    await cc.settled(customer.session.command('chat.read', { upTo: reply?.id }));
    expect(reads).toEqual([`${id}:customer:${reply?.id}`]);

    await cc.settled(ada.client.read(id, 'm1'));
    expect(customer.named('chat.read')).toEqual([{ upTo: 'm1' }]);
    const history = await cc.settled(customer.session.command<{ readUpTo?: string }>('chat.history', {}));
    expect(history.readUpTo).toBe('m1');
  });

  it('only moves a mark forward, and ignores ids the reader could not have seen', async () => {
    const { cc, ada, customer, id, reads } = await chatting();
    await customer.say('one');
    await customer.say('two');
    await cc.settled(ada.client.read(id, 'm2'));
    await cc.settled(ada.client.read(id, 'm1'));
    await cc.settled(ada.client.read(id, 'nobody-said-this'));
    expect(customer.named('chat.read')).toEqual([{ upTo: 'm2' }]);
    await cc.settled(ada.client.send(id, 'note to self', 'agents'));
    const internal = cc.server.interactions.get(id)?.transcript.at(-1)?.id ?? '';
    await cc.settled(customer.session.command('chat.read', { upTo: internal }));
    expect(reads).toEqual([]);
    // Nor does the agents' mark ever name a note the customer must not know of.
    await cc.settled(ada.client.read(id, internal));
    expect(customer.named('chat.read')).toEqual([{ upTo: 'm2' }]);
  });

  it('refuses a read mark from an agent outside the conversation', async () => {
    const { cc, id } = await chatting();
    const bob = await cc.agent('bob');
    await expect(cc.settled(bob.client.read(id, 'm1'))).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('works for a messaging thread too', async () => {
    const cc = contactCenter();
    const ada = await cc.agent('ada');
    await cc.settled(ada.client.setState('Ready'));
    const customer = await cc.customer();
    await cc.settled(customer.session.command('messaging.send', { id: 'q1', text: 'Are you open Sunday?' }));
    await cc.elapse(1_000);
    const invite = ada.invites[0];
    if (!invite) throw new Error('no invitation');
    await cc.settled(ada.client.accept(invite.interactionId));
    const reads: string[] = [];
    ada.client.on('read', ({ upTo }) => reads.push(upTo));
    await cc.settled(ada.client.read(invite.interactionId, 'q1'));
    expect(customer.named('messaging.read')).toEqual([{ upTo: 'q1' }]);
    await cc.settled(ada.client.send(invite.interactionId, 'Yes, 9 to 5.'));
    const reply = customer.named('messaging.message').find((m) => m.text === 'Yes, 9 to 5.');
    await cc.settled(customer.session.command('messaging.read', { upTo: reply?.id }));
    expect(reads).toEqual([reply?.id]);
  });
});
