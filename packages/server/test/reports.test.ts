// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { contactCenter } from './harness';

describe('reports (seed 000)', () => {
  it('reports co-browse detail, summary and real-time counts', async () => {
    const cc = contactCenter();
    const ada = await cc.agent('ada');
    await ada.client.setState('Ready');
    const first = await cc.customer();
    const second = await cc.customer();
    const a = await first.start('billing');
    const b = await second.start('billing');
    await cc.elapse(300);
    await cc.settled(ada.client.accept(a.conversationId));
    await cc.settled(ada.client.accept(b.conversationId));
    await cc.elapse(60_000, 5_000);
    const { sessionId } = await cc.settled(
      first.session.command<{ sessionId: string }>('cobrowse.create', {}),
    );
    await cc.settled(
      first.session.command('cobrowse.frame', { kind: 'navigation', url: 'https://shop.example/checkout' }),
    );
    await cc.settled(ada.client.requestWriteMode(sessionId));
    await cc.settled(first.session.command('cobrowse.consent', { allow: true }));

    expect(cc.server.reports.realtime()).toMatchObject({
      agents: { chat: 1, chatWithCobrowse: 1, inboundVoice: 0, inboundVoiceWithCobrowse: 0, loggedIn: 1 },
      chat: { current: 2, withCobrowse: 1, ratioPercent: 50 },
      cobrowseSessions: { alive: 1 },
    });

    await cc.elapse(120_000, 5_000);
    await first.end();
    await second.end();
    const [detail] = cc.server.reports.cobrowseDetail();
    expect(detail).toMatchObject({
      sessionId,
      state: 'finished',
      agentId: 'ada',
      queue: 'billing',
      media: 'chat',
      interactionId: a.conversationId,
      pages: ['https://shop.example/checkout'],
      endReason: 'interaction ended',
    });
    expect(detail?.modes.map((m) => m.mode)).toEqual(['pointer', 'write']);
    expect(detail?.modes.every((m) => typeof m.start === 'number' && typeof m.end === 'number')).toBe(true);
    expect(cc.server.reports.cobrowseSummary()).toEqual([
      expect.objectContaining({
        agentId: 'ada',
        queue: 'billing',
        media: 'chat',
        interactionsWithCobrowse: 1,
        interactionsWithoutCobrowse: 1,
        cobrowseSessions: 1,
        sessionsWithWriteMode: 1,
        averageSecBeforeCobrowse: 60,
      }),
    ]);
  }, 20_000);
});

describe('retention', () => {
  it('forgets ended interactions and their facts after retentionHours, keeping live ones', async () => {
    const cc = contactCenter();
    const ada = await cc.agent('ada');
    await ada.client.setState('Ready');
    const done = await cc.customer();
    const { conversationId: ended } = await done.start('billing');
    await cc.elapse(300);
    await ada.client.accept(ended);
    await done.end();
    const waiting = await cc.customer();
    await ada.client.setState('NotReady', 'Lunch');
    const { conversationId: live } = await waiting.start('billing');
    expect(cc.server.reports.interactions().some((f) => f.interactionId === ended)).toBe(true);
    await cc.elapse(25 * 3600_000, 600_000);
    expect(cc.server.interactions.has(ended)).toBe(false);
    expect(cc.server.reports.interactions().some((f) => f.interactionId === ended)).toBe(false);
    expect(cc.server.interactions.has(live)).toBe(true);
  }, 30_000);
});

describe('chat ratings', () => {
  it('takes a rating only once the chat has ended, checks it, and lets a second one replace the first', async () => {
    const cc = contactCenter();
    const ada = await cc.agent('ada');
    await ada.client.setState('Ready');
    const customer = await cc.customer();
    const rate = (payload: object) => cc.settled(customer.session.command('chat.rate', payload));
    await expect(rate({ score: 5 })).rejects.toMatchObject({ code: 'not_found' });
    const { conversationId } = await customer.start('billing');
    await cc.elapse(300);
    await cc.settled(ada.client.accept(conversationId));
    await expect(rate({ score: 5 })).rejects.toMatchObject({ code: 'conflict' });
    await customer.end();
    await expect(rate({ score: 6 })).rejects.toMatchObject({ code: 'invalid_argument' });
    await expect(rate({ score: 2.5 })).rejects.toMatchObject({ code: 'invalid_argument' });
    await rate({ score: 2 });
    await rate({ score: 4, comment: 'Kind and quick' });
    expect(cc.server.reports.ratings()).toMatchObject([
      { interactionId: conversationId, queue: 'billing', score: 4, comment: 'Kind and quick' },
    ]);
  });
});
