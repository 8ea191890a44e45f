// @vitest-environment node
import { createMemoryTransport, createSessionClient, protocolBackend } from '@tandem/sdk-core';
import { describe, expect, it } from 'vitest';
import { contactCenter, fixture } from '../../server/test/harness';
import { type CallState, createCallController } from '../src/call/controller';

const page = { url: 'https://shop.example/checkout', title: 'Checkout', attributes: { cart: '42.50' } };
const form = { phone: '+33612345678', subject: 'billing', firstName: 'Grace', lastName: 'Hopper' };

// Access codes on: a number is shared, and the code tells whose visit a call belongs to.
const withCodes = {
  ...fixture,
  clickToCall: { ...fixture.clickToCall, accessCode: { digits: 4, attempts: 3 } },
};

async function setup() {
  const cc = contactCenter(withCodes);
  const ada = await cc.agent('ada');
  const backend = protocolBackend(
    createSessionClient({
      transport: createMemoryTransport({ accept: (peer) => cc.server.accept(peer) }),
      role: 'customer',
      clock: cc.clock,
    }),
  );
  const events: string[] = [];
  const controller = createCallController({
    backend,
    clock: cc.clock,
    page: () => page,
    notify: {
      submitted: () => events.push('submitted'),
      numberAssigned: ({ number }) => events.push(`numberAssigned ${number}`),
      connected: () => events.push('connected'),
      answered: (name) => events.push(`answered ${name}`),
      ended: (reason) => events.push(`ended ${reason}`),
      changed: () => undefined,
    },
  });
  return { cc, ada, controller, events };
}

describe('click-to-call controller against the reference server', () => {
  it('leases a number with a code, follows the call to an agent, and passes the page context on', async () => {
    const { cc, ada, controller, events } = await setup();
    const leased: CallState = await cc.settled(controller.request(form));
    expect(leased).toMatchObject({ phase: 'leased', accessCode: expect.stringMatching(/^\d{4}$/) });
    const call = cc.server.voice.inboundCall({ dialed: leased.number ?? '', callerId: '+33698765432' });
    cc.server.voice.keyDigits(call.id, leased.accessCode ?? '');
    await cc.settle(10);
    expect(controller.state.phase).toBe('connected');
    await ada.client.setState('Ready');
    await cc.elapse(500);
    const invite = ada.invites.at(-1);
    expect(cc.server.interactions.get(invite?.interactionId ?? '')?.fields).toMatchObject({
      pageUrl: page.url,
      pageTitle: page.title,
      cart: '42.50',
      firstName: 'Grace',
    });
    await cc.settled(ada.client.accept(invite?.interactionId ?? ''));
    expect(controller.state).toMatchObject({ phase: 'answered', agentName: 'Ada' });
    await cc.settled(ada.client.end(invite?.interactionId ?? ''));
    expect(controller.state.phase).toBe('ended');
    expect(events).toEqual([
      'submitted',
      `numberAssigned ${leased.number}`,
      'connected',
      'answered Ada',
      'ended agent',
    ]);
  });

  it('says when the lease has run out, and renews it with the same details', async () => {
    const { cc, controller } = await setup();
    const first = await cc.settled(controller.request(form));
    await cc.elapse(600_000 + 1000, 60_000);
    expect(controller.state.phase).toBe('expired');
    const renewed = await cc.settled(controller.renew());
    expect(renewed).toMatchObject({ phase: 'leased' });
    expect(renewed.expiresAt).toBeGreaterThan(first.expiresAt ?? 0);
  }, 30_000);

  it('stays on the number while a caller gets the code wrong', async () => {
    const { cc, controller } = await setup();
    const leased = await cc.settled(controller.request(form));
    const call = cc.server.voice.inboundCall({ dialed: leased.number ?? '', callerId: '+33698765432' });
    const wrong = leased.accessCode === '0000' ? '1111' : '0000';
    for (let i = 0; i < 3; i++) cc.server.voice.keyDigits(call.id, wrong);
    await cc.settle(10);
    expect(call.state).toBe('disconnected');
    expect(controller.state.phase).toBe('leased');
  });
});
