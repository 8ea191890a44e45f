// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isOpen, nextOpening } from '../src/contact-center/hours';
import { createReferenceServer, ServerConfigError } from '../src/contact-center/reference-server';
import { contactCenter, fixture } from './harness';

describe('routing rules', () => {
  it('offers only the first target’s skill level until its timeout, then widens with overflow priority', async () => {
    const cc = contactCenter();
    const bob = await cc.agent('bob'); // billing 5: below the first target (8)
    await bob.client.setState('Ready');
    const customer = await cc.customer();
    const { conversationId: id } = await customer.start('billing');
    await cc.elapse(29_000);
    expect(bob.invites).toEqual([]);
    await cc.elapse(1_000 + 300);
    expect(bob.invites.map((i) => i.interactionId)).toEqual([id]);
  });

  it('serves higher priority first, then first come first served', async () => {
    const cc = contactCenter();
    const ada = await cc.agent('ada'); // billing 8, sales 3
    const first = await cc.customer();
    const second = await cc.customer();
    const sales = await cc.customer();
    const a = await first.start('billing');
    const b = await second.start('billing');
    const c = await sales.start('sales'); // priority 50 beats billing's 10
    await ada.client.setState('Ready');
    await cc.elapse(300);
    expect(ada.invites.map((i) => i.interactionId)).toEqual([
      c.conversationId,
      a.conversationId,
      b.conversationId,
    ]);
  });

  it('offers the longest-idle eligible agent first and respects chat capacity', async () => {
    const cc = contactCenter();
    const cy = await cc.agent('cy'); // sales 7, capacity 1
    const ada = await cc.agent('ada'); // sales 3
    await cy.client.setState('Ready');
    await cc.elapse(1_000);
    await ada.client.setState('Ready');
    const one = await cc.customer();
    const two = await cc.customer();
    await one.start('sales');
    await cc.elapse(300);
    expect(cy.invites).toHaveLength(1);
    await two.start('sales');
    await cc.elapse(300);
    expect(cy.invites).toHaveLength(1); // full: one chat at a time
    expect(ada.invites).toHaveLength(1);
  });

  it('requeues with RONA priority ahead of older interactions after a missed invitation', async () => {
    const cc = contactCenter();
    const ada = await cc.agent('ada');
    const bob = await cc.agent('bob');
    await ada.client.setState('Ready');
    const late = await cc.customer();
    const { conversationId: missed } = await late.start('billing');
    await cc.elapse(300 + 20_000, 500); // Ada lets it ring: RONA
    expect(ada.states.at(-1)).toBe('NotReady(RONA)');
    await bob.client.setState('Ready');
    await cc.elapse(120_000, 1_000);
    expect(bob.invites[0]?.interactionId).toBe(missed);
  });

  it('offers a rung-out interaction to another agent first, and back to the same agent once she alone can take it', async () => {
    const cc = contactCenter();
    const ada = await cc.agent('ada');
    const cy = await cc.agent('cy');
    await ada.client.setState('Ready');
    const customer = await cc.customer();
    const { conversationId } = await customer.start('sales');
    await cc.elapse(300 + 20_000, 500); // RONA
    await cy.client.setState('Ready');
    await cc.elapse(1_000);
    await ada.client.setState('Ready'); // she would be next by idle time alone, but she let it ring
    await cc.elapse(5_000, 500);
    expect(cy.invites.map((invite) => invite.interactionId)).toEqual([conversationId]);
    expect(ada.invites).toHaveLength(1);

    const alone = contactCenter();
    const solo = await alone.agent('ada');
    await solo.client.setState('Ready');
    const visitor = await alone.customer();
    const started = await visitor.start('billing');
    await alone.elapse(300 + 20_000, 500);
    expect(solo.states.at(-1)).toBe('NotReady(RONA)');
    await solo.client.setState('Ready');
    await alone.elapse(1_000, 100);
    expect(solo.invites.map((invite) => invite.interactionId)).toEqual([
      started.conversationId,
      started.conversationId,
    ]);
  });

  it('validates NotReady reasons and wrap-up codes', async () => {
    const cc = contactCenter();
    const ada = await cc.agent('ada');
    await expect(ada.client.setState('NotReady', 'Nap')).rejects.toMatchObject({
      code: 'invalid_argument',
      message: 'reason: expected one of Admin Work, Lunch, Meeting, Pause, RONA, Training',
    });
    await expect(ada.client.setState('NotReady', 'Lunch')).resolves.toBeUndefined();
    await expect(ada.client.wrapUp('chat-x', 'Whatever')).rejects.toMatchObject({ code: 'invalid_argument' });
  });

  it('records a wrap-up code on the agent’s fact', async () => {
    const cc = contactCenter();
    const ada = await cc.agent('ada');
    await ada.client.setState('Ready');
    const customer = await cc.customer();
    const { conversationId: id } = await customer.start();
    await cc.elapse(300);
    await ada.client.accept(id);
    await ada.client.end(id);
    await ada.client.wrapUp(id, 'Resolved');
    expect(cc.server.facts.of(id)[0]?.wrapUpCode).toBe('Resolved');
  });

  it('searches standard responses by keyword', async () => {
    const cc = contactCenter();
    const ada = await cc.agent('ada');
    const found = cc.settle(8).then(() => undefined);
    await found;
    const results = await Promise.all([ada.client.searchResponses('money'), cc.settle(8)]);
    expect(results[0].map((r) => r.id)).toEqual(['refund']);
  });

  it('rejects a bad server config, naming each field', () => {
    expect(() => createReferenceServer({ config: { ...fixture, subjects: [{ id: 'x' }] } })).toThrow(
      ServerConfigError,
    );
    expect(() =>
      createReferenceServer({ config: { agents: 'nobody', subjects: [] } }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [Error: Tandem server config: agents: expected an array, got "nobody"
      Tandem server config: subjects: expected at least one subject, got an array]
    `);
  });
});

describe('business hours', () => {
  const schedule = fixture.hours.voice;

  it('opens and closes in the schedule’s time zone, with holidays', () => {
    // Monday 23 Nov 2026, 08:30 in Paris is 07:30 UTC.
    expect(isOpen(schedule, Date.UTC(2026, 10, 23, 7, 59))).toBe(false);
    expect(isOpen(schedule, Date.UTC(2026, 10, 23, 8, 0))).toBe(true);
    expect(isOpen(schedule, Date.UTC(2026, 10, 27, 16, 0))).toBe(false); // Friday closes at 17:00
    expect(isOpen(schedule, Date.UTC(2026, 11, 25, 10, 0))).toBe(false); // holiday
  });

  it('finds the next opening across a weekend and a holiday', () => {
    expect(nextOpening(schedule, Date.UTC(2026, 10, 27, 17, 0))).toBe(Date.UTC(2026, 10, 30, 8, 0));
    expect(nextOpening(schedule, Date.UTC(2026, 11, 24, 20, 0))).toBe(Date.UTC(2026, 11, 28, 8, 0));
  });

  it('reports channels closed with their next opening, open ones with EWT', async () => {
    const cc = contactCenter(fixture, Date.UTC(2026, 10, 28, 12, 0)); // a Saturday
    const voice = cc.server.availability().find((a) => a.channel === 'voice' && a.subject === 'billing');
    expect(voice).toEqual({
      channel: 'voice',
      subject: 'billing',
      open: false,
      nextOpenAt: Date.UTC(2026, 10, 30, 8, 0),
      staffed: false,
    });
    const chat = cc.server.availability().find((a) => a.channel === 'chat' && a.subject === 'billing');
    expect(chat).toEqual({ channel: 'chat', subject: 'billing', open: true, staffed: false });
  });
});

describe('estimated wait time', () => {
  it('follows the documented formula and is pushed at most every 10 s', async () => {
    const cc = contactCenter();
    const ada = await cc.agent('ada');
    const watcher = await cc.customer();
    const initial = watcher.session.command<Array<{ channel: string; subject: string; ewtSeconds?: number }>>(
      'availability.subscribe',
      {},
    );
    await cc.settle(8);
    // No agent able to serve: EWT unknown.
    expect(
      (await initial).find((a) => a.channel === 'chat' && a.subject === 'billing')?.ewtSeconds,
    ).toBeUndefined();
    await ada.client.setState('Ready'); // 3 free slots, AHT 120 s
    await cc.elapse(10_000);
    const billing = () =>
      watcher
        .named('availability')
        .map((list) => list as unknown as Array<{ channel: string; subject: string; ewtSeconds?: number }>)
        .map((list) => list.find((a) => a.channel === 'chat' && a.subject === 'billing')?.ewtSeconds);
    expect(billing().at(-1)).toBe(0);
    const waiting = await Promise.all([1, 2, 3, 4, 5].map(() => cc.customer()));
    for (const customer of waiting) await customer.start('billing');
    // Three of the five fill Ada's three slots and two wait: the next would wait (2 + 1 − 0) × 120 ÷ 3 s.
    await cc.elapse(10_000);
    const pushes = billing();
    expect(pushes.at(-1)).toBe(120);
    // Pushes are spaced at least 10 s apart however often the queue changed.
    expect(pushes.length).toBeLessThanOrEqual(3);
  });
});
