import { describe, expect, it } from 'vitest';
import { contactCenter } from './harness';

const chatFor = (list: ReturnType<ReturnType<typeof contactCenter>['server']['availability']>) =>
  list.find((a) => a.channel === 'chat' && a.subject === 'billing');

describe('who is there to answer', () => {
  it('says a chat is unstaffed until an agent who could take it logs in, Ready or not', async () => {
    const cc = contactCenter();
    expect(chatFor(cc.server.availability())).toMatchObject({ open: true, staffed: false });
    const ada = await cc.agent('ada');
    expect(ada.profile.state).toBe('NotReady');
    expect(chatFor(cc.server.availability())).toMatchObject({ open: true, staffed: true });
  });

  it('tells a waiting visitor when the last agent who could take the chat logs out, and when one is back', async () => {
    const cc = contactCenter();
    const ada = await cc.agent('ada');
    const customer = await cc.customer();
    await customer.start();
    await cc.elapse(1_000);
    expect(customer.named('chat.queued').at(-1)).toEqual({ position: 1 });

    await cc.settled(ada.client.logOut());
    await cc.elapse(1_000);
    expect(customer.named('chat.queued').at(-1)).toEqual({ position: 1, staffed: false });
    expect(chatFor(cc.server.availability())).toMatchObject({ staffed: false });

    const again = await cc.agent('ada');
    await cc.elapse(1_000);
    expect(customer.named('chat.queued').at(-1)).toEqual({ position: 1 });
    await cc.settled(again.client.setState('Ready'));
    await cc.elapse(1_000);
    expect(again.invites).toHaveLength(1);
  });

  it('ends the co-browse sessions of an agent who logs out', async () => {
    const cc = contactCenter();
    const ada = await cc.agent('ada');
    const customer = await cc.customer();
    const { sessionId } = await cc.settled(
      customer.session.command<{ sessionId: string }>('cobrowse.create', {}),
    );
    await cc.settled(ada.client.joinCobrowse(sessionId));
    await cc.settled(ada.client.logOut());
    expect(customer.named('cobrowse.ended')).toEqual([{ sessionId, reason: 'agent logged out' }]);
  });

  it('refuses to log out an agent who still holds a conversation', async () => {
    const cc = contactCenter();
    const ada = await cc.agent('ada');
    await cc.settled(ada.client.setState('Ready'));
    const customer = await cc.customer();
    const { conversationId } = await customer.start();
    await cc.elapse(1_000);
    await cc.settled(ada.client.accept(conversationId));
    await expect(cc.settled(ada.client.logOut())).rejects.toMatchObject({ code: 'conflict' });
    expect(cc.server.agents.get('ada')?.status).toBe('Ready');
  });
});
