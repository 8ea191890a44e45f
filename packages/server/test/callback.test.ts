// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { contactCenter } from './harness';

// The harness starts on Monday 23 November 2026, 10:00 UTC: 11:00 in Paris, within the voice hours
// (Monday to Thursday 09:00–18:00, Friday 09:00–17:00) that callbacks follow when they have none of their own.
const page = { url: 'https://shop.example/checkout', title: 'Checkout — Tandem Coffee' };
const request = { phone: '+33612345678', subject: 'billing', firstName: 'Grace', page };
type Booked = { callbackId: string; at: number; state: string };

async function setup() {
  const cc = contactCenter();
  const ada = await cc.agent('ada');
  const customer = await cc.customer();
  const book = (input: object = request) =>
    cc.settled(customer.session.command<Booked>('callback.request', input));
  return { cc, ada, customer, book };
}

describe('callback (seed 001)', () => {
  it('calls back now: queued with the web context, taken by an agent, completed', async () => {
    const { cc, ada, customer, book } = await setup();
    await expect(book()).resolves.toMatchObject({ state: 'queued', at: cc.clock.now() });
    await ada.client.setState('Ready');
    await cc.elapse(500);
    const invite = ada.invites.at(-1);
    expect(invite).toMatchObject({ media: 'voice', subject: 'billing' });
    await cc.settled(ada.client.accept(invite?.interactionId ?? ''));
    expect(customer.named('callback.connected').at(-1)).toMatchObject({
      state: 'connected',
      agentName: 'Ada',
    });
    const call = cc.server.interactions.get(invite?.interactionId ?? '');
    expect(call?.fields).toMatchObject({ phone: '+33612345678', firstName: 'Grace', pageUrl: page.url });
    await cc.settled(ada.client.end(invite?.interactionId ?? ''));
    expect(customer.named('callback.completed')).toHaveLength(1);
  });

  it('calls back at a chosen time within the hours, not before', async () => {
    const { cc, ada, customer, book } = await setup();
    await ada.client.setState('Ready');
    const tomorrowTen = Date.UTC(2026, 10, 24, 9, 0); // 10:00 in Paris
    await expect(book({ ...request, at: tomorrowTen })).resolves.toMatchObject({ state: 'scheduled' });
    await cc.elapse(3600_000, 60_000);
    expect(ada.invites).toHaveLength(0);
    await cc.elapse(tomorrowTen - cc.clock.now() + 1000, 600_000);
    expect(customer.named('callback.queued')).toHaveLength(1);
    expect(ada.invites.at(-1)).toMatchObject({ media: 'voice', subject: 'billing' });
  }, 30_000);

  it('refuses a time outside the hours, in the past or too far ahead, and a second booking', async () => {
    const { cc, book } = await setup();
    const sundayNoon = Date.UTC(2026, 10, 29, 11, 0);
    await expect(book({ ...request, at: sundayNoon })).rejects.toMatchObject({
      code: 'outside_hours',
      message: 'at: expected a time within callback hours; the next opening is 2026-11-30T08:00:00.000Z',
    });
    await expect(book({ ...request, at: cc.clock.now() - 60_000 })).rejects.toMatchObject({
      code: 'invalid_argument',
    });
    await expect(book({ ...request, at: cc.clock.now() + 8 * 24 * 3600_000 })).rejects.toMatchObject({
      code: 'invalid_argument',
    });
    await expect(book({ ...request, phone: '0612345678' })).rejects.toMatchObject({
      code: 'invalid_argument',
    });
    await book({ ...request, at: Date.UTC(2026, 10, 24, 9, 0) });
    await expect(book()).rejects.toMatchObject({ code: 'conflict' });
  });

  it('cancels a scheduled callback (it never rings) and a queued one (its invitation is withdrawn)', async () => {
    const { cc, ada, customer, book } = await setup();
    const at = Date.UTC(2026, 10, 23, 14, 0);
    await book({ ...request, at });
    await cc.settled(customer.session.command('callback.cancel', {}));
    expect(customer.named('callback.cancelled')).toHaveLength(1);
    await ada.client.setState('Ready');
    await cc.elapse(at - cc.clock.now() + 1000, 600_000);
    expect(ada.invites).toHaveLength(0);

    await ada.client.setState('NotReady', 'Lunch');
    await book();
    const [queued] = [...cc.server.callbacks.values()].filter((c) => c.state === 'queued');
    await cc.settled(customer.session.command('callback.cancel', {}));
    expect(cc.server.interactions.get(queued?.interactionId ?? '')?.state).toBe('ended');
    await expect(cc.settled(customer.session.command('callback.current', {}))).resolves.toBeNull();
  }, 30_000);

  it('offers half-hour slots within the hours only', async () => {
    const { cc, customer } = await setup();
    const slots = await cc.settled(
      customer.session.command<number[]>('callback.slots', { subject: 'billing' }),
    );
    expect(slots.length).toBeGreaterThan(10);
    for (const at of slots) {
      expect(at % 1_800_000).toBe(0);
      const paris = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Paris',
        weekday: 'short',
        hour: '2-digit',
        hourCycle: 'h23',
      }).formatToParts(at);
      const hour = Number(paris.find((p) => p.type === 'hour')?.value);
      expect(hour).toBeGreaterThanOrEqual(9);
      expect(hour).toBeLessThan(18);
    }
    expect(slots[0]).toBe(Date.UTC(2026, 10, 23, 10, 30));
  });
});
