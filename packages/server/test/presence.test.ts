// @vitest-environment node
import { createSessionClient } from '@tandem/sdk-core';
import { createAgentClient } from '@tandem/sdk-core/agent';
import { describe, expect, it } from 'vitest';
import { contactCenter, fixture } from './harness';

// Presence (issue 18): whoever has had no connection for the grace (60 s by default) is gone.
function visitor(cc: ReturnType<typeof contactCenter>) {
  let saved: { token: string; lastSeq: number } | undefined;
  const session = createSessionClient({
    transport: cc.transport(),
    role: 'customer',
    clock: cc.clock,
    onResumeState: (state) => {
      saved = state;
    },
  });
  session.start();
  return { session, saved: () => saved };
}

describe('presence', () => {
  it('abandons a queued chat whose customer closed every tab 60 s ago, not one whose customer came back', async () => {
    const cc = contactCenter();
    const gone = visitor(cc);
    const back = visitor(cc);
    await cc.settle();
    const { conversationId } = await cc.settled(
      gone.session.command<{ conversationId: string }>('chat.start', {}),
    );
    const kept = await cc.settled(back.session.command<{ conversationId: string }>('chat.start', {}));
    gone.session.stop();
    back.session.stop();
    await cc.settle();
    await cc.elapse(30_000, 5_000);
    // A reload: the same session resumes within the grace.
    const resumed = createSessionClient({
      transport: cc.transport(),
      role: 'customer',
      clock: cc.clock,
      ...(back.saved() ? { resume: back.saved() } : {}),
    });
    resumed.start();
    await cc.elapse(31_000, 1_000);
    expect(cc.factsOf(conversationId)).toEqual([
      'billing: Received/CustomerAbandoned [AbandonedWhileQueued]',
    ]);
    expect(cc.server.interactions.get(conversationId)?.state).toBe('ended');
    expect(cc.server.interactions.get(kept.conversationId)?.state).toBe('queued');
  });

  it('abandons a chat ringing an agent when its customer is gone, and tells the agent', async () => {
    const cc = contactCenter({ ...fixture, routing: { ...fixture.routing, ronaTimeoutSec: 300 } });
    const ada = await cc.agent('ada');
    await ada.client.setState('Ready');
    const customer = visitor(cc);
    await cc.settle();
    const { conversationId } = await cc.settled(
      customer.session.command<{ conversationId: string }>('chat.start', {}),
    );
    await cc.elapse(500);
    expect(ada.invites.map((invite) => invite.interactionId)).toEqual([conversationId]);
    const revoked: unknown[] = [];
    ada.client.on('inviteRevoked', (event) => revoked.push(event));
    customer.session.stop();
    await cc.elapse(61_000, 1_000);
    expect(cc.factsOf(conversationId)).toContain('ada: RoutedTo/CustomerAbandoned [AbandonedWhileRinging]');
    expect(revoked).toEqual([{ interactionId: conversationId, reason: 'ended' }]);
  });

  it('offers nothing to an agent without a connection, and makes them Not Ready (disconnected) after the grace', async () => {
    const cc = contactCenter();
    const transport = cc.transport();
    const ada = createAgentClient({ transport, username: 'ada', password: 'ada-pass', clock: cc.clock });
    await cc.settled(ada.start());
    await cc.settled(ada.setState('Ready'));
    ada.stop();
    await cc.settle();
    const customer = visitor(cc);
    await cc.settle();
    const { conversationId } = await cc.settled(
      customer.session.command<{ conversationId: string }>('chat.start', {}),
    );
    await cc.elapse(10_000, 1_000);
    // The empty seat is not rung: the chat waits.
    expect(cc.server.interactions.get(conversationId)?.state).toBe('queued');
    expect(cc.server.agents.get('ada')?.status).toBe('Ready');
    await cc.elapse(51_000, 1_000);
    expect(cc.server.agents.get('ada')).toMatchObject({ status: 'NotReady', reason: 'disconnected' });
  });

  it('lets an agent who reloads within the grace stay Ready and take the next chat', async () => {
    const cc = contactCenter();
    const first = createAgentClient({
      transport: cc.transport(),
      username: 'ada',
      password: 'ada-pass',
      clock: cc.clock,
    });
    await cc.settled(first.start());
    await cc.settled(first.setState('Ready'));
    first.stop();
    await cc.elapse(5_000, 1_000);
    const again = await cc.agent('ada');
    const customer = visitor(cc);
    await cc.settle();
    const { conversationId } = await cc.settled(
      customer.session.command<{ conversationId: string }>('chat.start', {}),
    );
    await cc.elapse(60_000, 1_000);
    expect(again.invites.map((invite) => invite.interactionId)).toEqual([conversationId]);
  });
});
