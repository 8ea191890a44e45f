// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { contactCenter, fixture } from './harness';

const page = { url: 'https://shop.example/checkout?step=2', title: 'Checkout — Tandem Coffee' };
const request = { phone: '+33612345678', subject: 'billing', firstName: 'Grace', lastName: 'Hopper', page };
type Lease = {
  status: string;
  number?: string;
  accessCode?: string;
  expiresAt?: number;
  generalNumber?: string;
};

async function withCustomer(config: unknown = fixture) {
  const cc = contactCenter(config);
  const customer = await cc.customer();
  const ask = (input: object = request) =>
    cc.settled(customer.session.command<Lease>('call.requestNumber', input));
  return { cc, customer, ask };
}

describe('click-to-call (seed 001)', () => {
  it('takes a request that names no subject: the first with numbers of its own, and callbacks the first', async () => {
    const { cc, customer, ask } = await withCustomer();
    const { subject: _none, ...unnamed } = request;
    await expect(ask(unnamed)).resolves.toMatchObject({ status: 'leased' });
    const slots = await cc.settled(customer.session.command<number[]>('callback.slots', {}));
    expect(slots.length).toBeGreaterThan(0);
    const booking = cc.settled(
      customer.session.command('callback.request', { phone: request.phone, at: slots[0] }),
    );
    await expect(booking).resolves.toMatchObject({ state: 'scheduled' });
  });

  it('leases pool numbers per visit (locking order), then reports the pool exhausted with the general number', async () => {
    const cc = contactCenter();
    const ask = async (phone: string) => {
      const customer = await cc.customer();
      const lease = customer.session.command<Lease>('call.requestNumber', { ...request, phone });
      await cc.settle(8);
      return lease;
    };
    await expect(ask('+33600000001')).resolves.toEqual({
      status: 'leased',
      number: '+33 1 70 00 01 01',
      expiresAt: cc.clock.now() + 600_000,
    });
    await expect(ask('+33600000002')).resolves.toMatchObject({ number: '+33 1 70 00 01 02' });
    await expect(ask('+33600000003')).resolves.toEqual({
      status: 'exhausted',
      generalNumber: '+33 1 70 00 00 00',
    });
  });

  it('requires an E.164 phone number and names the field', async () => {
    const { ask } = await withCustomer();
    await expect(ask({ ...request, phone: '06 12 34 56 78' })).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('phone: expected a phone number in international format'),
    });
    await expect(ask({ ...request, page: { url: 'javascript:alert(1)', title: 'x' } })).rejects.toMatchObject(
      {
        message: expect.stringContaining('page.url: expected an http or https URL'),
      },
    );
  });

  it('matches the call to the lease, queues it with the web context, and the agent’s answer reaches the widget', async () => {
    const { cc, customer, ask } = await withCustomer();
    const ada = await cc.agent('ada');
    await ada.client.setState('Ready');
    const lease = await ask();
    const call = cc.server.voice.inboundCall({ dialed: lease.number ?? '', callerId: '+33612345678' });
    await cc.elapse(300);
    expect(call.state).toBe('queued');
    expect(customer.named('call.matched')).toEqual([{ number: lease.number }]);
    expect(ada.invites[0]).toMatchObject({
      media: 'voice',
      subject: 'billing',
      subjectName: 'Billing',
      customerId: customer.session.subject,
      fields: {
        firstName: 'Grace',
        lastName: 'Hopper',
        pageUrl: page.url,
        pageTitle: page.title,
        phone: '+33612345678',
      },
    });
    const id = ada.invites[0]?.interactionId ?? '';
    await ada.client.accept(id);
    await cc.settle(8);
    expect(call.state).toBe('connected');
    expect(customer.named('call.agentJoined')).toEqual([{ name: 'Ada' }]);
    cc.server.voice.hangUp(call.id);
    await cc.settle(8);
    expect(customer.named('call.ended')).toEqual([{ reason: 'customer' }]);
    expect(cc.factsOf(id)).toEqual(['ada: RoutedTo/Completed']);
    // The lease was released on match: the number is free again.
    const next = await ask({ ...request, phone: '+33600000009' });
    expect(next.number).toBe(lease.number);
  });

  it('with access codes, allows the configured attempts, then disconnects with a message', async () => {
    const config = {
      ...fixture,
      clickToCall: { ...fixture.clickToCall, accessCode: { digits: 4, attempts: 3 } },
    };
    const { cc, ask } = await withCustomer(config);
    const lease = await ask();
    expect(lease.accessCode).toMatch(/^\d{4}$/);
    const wrong = lease.accessCode === '0000' ? '1111' : '0000';
    const call = cc.server.voice.inboundCall({ dialed: lease.number ?? '', callerId: '+33699999999' });
    expect(call).toMatchObject({
      state: 'awaitingCode',
      prompt: 'Please enter the access code shown on the website.',
    });
    cc.server.voice.keyDigits(call.id, wrong);
    expect(call).toMatchObject({ state: 'awaitingCode', attemptsLeft: 2 });
    cc.server.voice.keyDigits(call.id, wrong);
    cc.server.voice.keyDigits(call.id, wrong);
    expect(call).toMatchObject({
      state: 'disconnected',
      prompt: 'Sorry, that code was not recognised. Goodbye.',
    });
    const second = cc.server.voice.inboundCall({ dialed: lease.number ?? '', callerId: '+33699999999' });
    cc.server.voice.keyDigits(second.id, lease.accessCode ?? '');
    expect(second).toMatchObject({ state: 'queued', matched: true });
  });

  it('RONA: an unanswered call goes back to the queue and the agent is set NotReady(RONA)', async () => {
    const cc = contactCenter();
    const ada = await cc.agent('ada');
    await ada.client.setState('Ready');
    const call = cc.server.voice.inboundCall({ dialed: '+33170000101', callerId: '+33612345678' });
    await cc.elapse(300 + 20_000, 500);
    expect(ada.states.at(-1)).toBe('NotReady(RONA)');
    expect(call.state).toBe('queued');
    expect(cc.factsOf(call.interactionId ?? '')).toEqual(['ada: RoutedTo/Redirected [Revoked]']);
    expect(cc.server.interactions.get(call.interactionId ?? '')?.request?.priority).toBe(30);
  });

  it('caps leases per shared number so a guessed code almost never reaches a stranger', async () => {
    const config = {
      ...fixture,
      clickToCall: {
        ...fixture.clickToCall,
        accessCode: { digits: 4, attempts: 3 },
        pools: [{ subject: 'billing', allocation: 'locking', numbers: ['+33 1 70 00 01 01'] }],
      },
    };
    const cc = contactCenter(config);
    const results: Lease[] = [];
    for (let i = 0; i < 11; i++) {
      const customer = await cc.customer();
      const lease = customer.session.command<Lease>('call.requestNumber', request);
      await cc.settle(8);
      results.push(await lease);
    }
    expect(results.slice(0, 10).every((r) => r.status === 'leased')).toBe(true);
    expect(new Set(results.slice(0, 10).map((r) => r.accessCode)).size).toBe(10);
    expect(results[10]).toEqual({ status: 'exhausted', generalNumber: '+33 1 70 00 00 00' });
  });

  it('keeps page attributes from overwriting the call’s own facts in the screen pop', async () => {
    const { cc, ask } = await withCustomer();
    const ada = await cc.agent('ada');
    await ada.client.setState('Ready');
    const lease = await ask({
      ...request,
      page: { ...page, attributes: { phone: '+10000000000', cart: '3 items' } },
    });
    cc.server.voice.inboundCall({ dialed: lease.number ?? '', callerId: '+33612345678' });
    await cc.elapse(300);
    expect(ada.invites[0]?.fields).toMatchObject({ phone: '+33612345678', cart: '3 items' });
  });

  it('routes an unmatched call by its DNIS subject, without web context', async () => {
    const cc = contactCenter();
    const ada = await cc.agent('ada');
    await ada.client.setState('Ready');
    const call = cc.server.voice.inboundCall({ dialed: '+33170000102', callerId: '+4930123456' });
    await cc.elapse(300);
    expect(call.matched).toBe(false);
    expect(ada.invites[0]).toMatchObject({
      subject: 'billing',
      customerId: 'caller:+4930123456',
      fields: { callerId: '+4930123456', dialedNumber: '+33170000102' },
    });
  });

  it('expires an unused lease, tells the widget, and frees the number', async () => {
    const { cc, customer, ask } = await withCustomer();
    const lease = await ask();
    await cc.elapse(600_000, 5_000);
    expect(customer.named('call.leaseExpired')).toEqual([{ number: lease.number }]);
    const call = cc.server.voice.inboundCall({ dialed: lease.number ?? '', callerId: '+33612345678' });
    expect(call.matched).toBe(false);
  }, 20_000);

  it('sends a call past its last target to the external overflow number, context lost', async () => {
    const pools = [
      ...fixture.clickToCall.pools,
      { subject: 'wholesale', allocation: 'locking', numbers: ['+33 1 70 00 03 01'] },
    ];
    const wholesaleCall = contactCenter({ ...fixture, clickToCall: { ...fixture.clickToCall, pools } });
    const wc = wholesaleCall.server.voice.inboundCall({ dialed: '+33170000301', callerId: '+33612345678' });
    await wholesaleCall.elapse(60_000, 1_000);
    expect(wc).toMatchObject({ state: 'redirected', prompt: 'Transferring you to +33 1 70 00 09 99.' });
    expect(wholesaleCall.factsOf(wc.interactionId ?? '')).toEqual([
      'wholesale: Received/Redirected [ExternalOverflow]',
    ]);
  }, 20_000);
});
