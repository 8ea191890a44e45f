import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { watchPage } from '../support/browser';
import { agentOverWebSocket, customerOverWebSocket, useHost } from '../support/host';

const env = useHost();

let watched: { problems: string[] };
afterEach(() => {
  expect(watched.problems).toEqual([]);
});

type Lease = { status: string; number: string; accessCode: string };

describe('phone simulator at /phone/ (real Chromium, reference server)', () => {
  it('dials a leased number: three wrong codes hang up, the right one reaches an agent with the web context', async () => {
    const alice = agentOverWebSocket(env.host, 'alice');
    const invites: string[] = [];
    alice.on('invite', (invite) => invites.push(invite.interactionId));
    await alice.start();
    await alice.setState('Ready');
    const customer = customerOverWebSocket(env.host);
    const matched: unknown[] = [];
    customer.onEvent(({ name, data }) => {
      if (name === 'call.matched') matched.push(data);
    });
    customer.start();
    const lease = await customer.command<Lease>('call.requestNumber', {
      phone: '+33612345678',
      subject: 'orders',
      firstName: 'Grace',
      lastName: 'Hopper',
      page: { url: 'https://shop.example/checkout', title: 'Checkout' },
    });
    expect(lease).toMatchObject({ status: 'leased' });
    const wrong = lease.accessCode === '1111' ? '2222' : '1111';

    const page = await (await env.browser.newContext()).newPage();
    watched = watchPage(page);
    await page.goto(`${env.host.url}/phone/`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Number to dial').fill(lease.number);
    await page.getByRole('button', { name: 'Call' }).click();
    const prompt = page.getByRole('status');
    await expect.poll(() => prompt.textContent()).toBe('Please enter the access code shown on the website.');
    for (let attempt = 0; attempt < 3; attempt++) {
      await page.getByLabel('Digits').fill(wrong);
      await page.getByRole('button', { name: 'Send digits' }).click();
    }
    await expect.poll(() => prompt.textContent()).toBe('Sorry, that code was not recognised. Goodbye.');
    expect(invites).toEqual([]);

    await page.getByRole('button', { name: 'Call' }).click();
    await expect.poll(() => prompt.textContent()).toBe('Please enter the access code shown on the website.');
    const keypad = page.getByRole('group', { name: 'Keypad' });
    for (const digit of `${lease.accessCode}#`) {
      await keypad.getByRole('button', { name: digit, exact: true }).click();
    }
    await expect
      .poll(() => prompt.textContent())
      .toBe('Thank you. Please hold: an agent will be with you shortly.');
    await expect.poll(() => invites.length).toBe(1);
    expect(env.host.contactCenter.interactions.get(invites[0] ?? '')?.fields).toMatchObject({
      pageUrl: 'https://shop.example/checkout',
      firstName: 'Grace',
      lastName: 'Hopper',
    });
    await expect.poll(() => matched.length).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    customer.stop();
    alice.stop();
  });
});
