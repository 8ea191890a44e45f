// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createReferenceServer } from '../src/contact-center/reference-server';
import { contactCenter, fixture } from './harness';

async function messagingSetup(config: unknown = fixture) {
  const cc = contactCenter(config);
  const customer = await cc.customer();
  let n = 0;
  const write = (text: string) =>
    cc.settled(customer.session.command('messaging.send', { id: `w${++n}`, text, subject: 'billing' }));
  const history = () =>
    cc.settled(
      customer.session.command<{ threadId: string | null; messages: Array<{ text: string }> }>(
        'messaging.history',
        {},
      ),
    );
  return { cc, customer, write, history };
}

describe('async messaging (seed 003)', () => {
  it('threads messages, routes them to an agent, and both sides see the history', async () => {
    const { cc, customer, write, history } = await messagingSetup();
    const ada = await cc.agent('ada');
    await write('Hello, my order is late.');
    await ada.client.setState('Ready');
    await cc.elapse(300);
    const invite = ada.invites[0];
    expect(invite).toMatchObject({ media: 'messaging', subject: 'billing' });
    const connected: Array<{ transcript: unknown[] }> = [];
    ada.client.on('connected', (event) => connected.push(event));
    await ada.client.accept(invite?.interactionId ?? '');
    await cc.settle(8);
    expect(connected[0]?.transcript).toMatchObject([{ from: 'customer', text: 'Hello, my order is late.' }]);
    await ada.client.send(invite?.interactionId ?? '', 'It ships tomorrow.');
    await cc.settle(8);
    expect(customer.named('messaging.message').map((m) => m.text)).toEqual([
      'Hello, my order is late.',
      'It ships tomorrow.',
    ]);
    expect((await history()).messages.map((m) => m.text)).toEqual([
      'Hello, my order is late.',
      'It ships tomorrow.',
    ]);
  });

  it('sends a later message in the window to the last agent, who sees the whole thread', async () => {
    const { cc, customer, write } = await messagingSetup();
    const ada = await cc.agent('ada');
    const bob = await cc.agent('bob');
    await ada.client.setState('Ready');
    await write('First question');
    await cc.elapse(300);
    const first = ada.invites[0]?.interactionId ?? '';
    await ada.client.accept(first);
    await ada.client.send(first, 'Answered.');
    await ada.client.end(first);
    await cc.settle(8);
    expect(customer.named('messaging.ended')).toEqual([{ reason: 'agent' }]);
    // Bob has been idle longer, but the thread goes back to Ada.
    await bob.client.setState('Ready');
    await cc.elapse(3 * 3600_000, 60_000);
    await write('A follow-up, three hours later');
    const connected: Array<{ transcript: Array<{ text: string }> }> = [];
    ada.client.on('connected', (event) => connected.push(event));
    expect(ada.invites).toHaveLength(2);
    expect(bob.invites).toHaveLength(0);
    await ada.client.accept(ada.invites[1]?.interactionId ?? '');
    await cc.settle(8);
    expect(connected[0]?.transcript.map((m) => m.text)).toEqual([
      'First question',
      'Answered.',
      'A follow-up, three hours later',
    ]);
  }, 30_000);

  it('goes through the queue when the last agent is not available', async () => {
    const { cc, write } = await messagingSetup();
    const ada = await cc.agent('ada');
    const cy = await cc.agent('cy');
    await ada.client.setState('Ready');
    await write('Question');
    await cc.elapse(300);
    const first = ada.invites[0]?.interactionId ?? '';
    await ada.client.accept(first);
    await ada.client.end(first);
    await ada.client.setState('NotReady', 'Lunch');
    const bob = await cc.agent('bob');
    await bob.client.setState('Ready');
    await write('Another question');
    await cc.elapse(30_000 + 300, 1_000);
    expect(ada.invites).toHaveLength(1);
    expect(bob.invites).toHaveLength(1);
    expect(cy.invites).toHaveLength(0);
  });

  it('starts a new thread after the window of inactivity; the old one is no longer shown', async () => {
    const config = { ...fixture, messaging: { threadWindowHours: 1 } };
    const { cc, write, history } = await messagingSetup(config);
    const ada = await cc.agent('ada');
    await ada.client.setState('Ready');
    await write('Old message');
    await cc.elapse(300);
    const first = ada.invites[0]?.interactionId ?? '';
    await ada.client.accept(first);
    await ada.client.end(first); // wrapped up; then no activity for longer than the window
    const before = await history();
    expect(before.messages.map((m) => m.text)).toEqual(['Old message']);
    await cc.elapse(3600_000 + 1_000, 60_000);
    expect((await history()).threadId).toBeNull();
    await write('New message');
    const after = await history();
    expect(after.threadId).not.toBe(before.threadId);
    expect(after.messages.map((m) => m.text)).toEqual(['New message']);
  }, 30_000);

  it('caps the threading window at 72 hours', () => {
    expect(() =>
      createReferenceServer({ config: { ...fixture, messaging: { threadWindowHours: 100 } } }),
    ).toThrow('messaging.threadWindowHours: expected a number >= 0.01 and <= 72, got 100');
  });
});
