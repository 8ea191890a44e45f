import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfigPath } from '../../examples/host/server';
import { axeViolations } from '../support/axe';
import { watchPage } from '../support/browser';
import { agentOverWebSocket, useHost } from '../support/host';

// The demo contact center, open around the clock (tests run on any day), with leases short enough to see
// one expire, a short RONA timeout, and a long handle time so that one busy agent makes the wait exceed
// the shop's threshold.
const config = JSON.parse(readFileSync(defaultConfigPath, 'utf8'));
delete config.hours;
config.clickToCall.leaseTtlSec = 12;
config.routing = { ...config.routing, defaultHandleTimeSec: 1300, ronaTimeoutSec: 4 };
const env = useHost({ config });

const pages: Array<{ page: Page; problems: string[] }> = [];
afterEach(async () => {
  for (const { page, problems } of pages.splice(0)) {
    expect(problems).toEqual([]);
    await page.context().close();
  }
});

async function open(path: string): Promise<Page> {
  const page = await (await env.browser.newContext()).newPage();
  pages.push({ page, problems: watchPage(page).problems });
  await page.goto(`${env.host.url}${path}`);
  return page;
}

/** The click-to-call window on the product page, opened by the page's own "Call a coffee expert" link. */
async function callWindow(page: Page, name = 'Call us') {
  await page.getByRole('button', { name: 'Contact us' }).waitFor();
  await page.getByRole('button', { name: 'Call a coffee expert' }).click();
  const dialog = page.getByRole('dialog', { name });
  await dialog.waitFor();
  return dialog;
}

describe('click-to-call on the demo shop (real Chromium, reference server, phone simulator, agent desktop)', () => {
  it('leases a number and code; the simulator dials it; the agent sees the screen pop and answers', async () => {
    const desk = await open('/agent/');
    await desk.getByLabel('Username').fill('alice');
    await desk.getByLabel('Password').fill('alice');
    await desk.getByRole('button', { name: 'Log in' }).click();
    await desk.getByLabel('My state').selectOption('Ready');
    await desk.getByRole('status').filter({ hasText: 'Ready' }).waitFor();

    const shop = await open('/product.html');
    const dialog = await callWindow(shop);
    const status = dialog.getByRole('status').first();
    await expect.poll(() => status.textContent()).toBe('An agent is available now.');
    expect(await axeViolations(shop), 'form').toEqual([]);
    await dialog.getByLabel('Your phone number').fill('06 12 34');
    await dialog.getByRole('button', { name: 'Get a number to call' }).click();
    await dialog.getByText('Enter a phone number such as +33 6 12 34 56 78.').waitFor();
    expect(await axeViolations(shop), 'phone error').toEqual([]);
    await dialog.getByLabel('Your phone number').fill('06 12 34 56 78');
    await dialog.getByLabel(/First name/).fill('Grace');
    await dialog.getByLabel(/Last name/).fill('Hopper');
    await dialog.getByRole('button', { name: 'Get a number to call' }).click();
    const number = dialog.getByRole('link', { name: /^\+33 1 70 00 10 0\d$/ });
    await number.waitFor();
    expect(await number.getAttribute('href')).toMatch(/^tel:\+3317000100\d$/);
    const code = (await dialog.locator('.code').textContent()) ?? '';
    expect(code).toMatch(/^\d{4}$/);
    await dialog.getByText(/This number is yours for 0:1\d\./).waitFor();
    expect(await axeViolations(shop), 'number').toEqual([]);

    const phone = await open('/phone/');
    await phone.getByLabel('Number to dial').fill((await number.textContent()) ?? '');
    await phone.getByRole('button', { name: 'Call' }).click();
    const keypad = phone.getByRole('group', { name: 'Keypad' });
    for (const digit of `${code}#`) await keypad.getByRole('button', { name: digit, exact: true }).click();
    await expect.poll(() => status.textContent()).toMatch(/^Your call is connected\. Waiting for an agent…/);
    expect(await axeViolations(shop), 'connected').toEqual([]);

    // Alice lets the first invitation ring out: RONA sets her Not Ready and the call waits in the queue.
    const invitation = desk.getByRole('region', { name: 'Invitations' });
    await invitation.getByText('Grace Hopper').waitFor();
    await desk.getByRole('alert').filter({ hasText: 'you were set Not Ready (RONA)' }).waitFor();
    await desk.getByRole('status').filter({ hasText: 'Not Ready' }).waitFor();
    expect(await invitation.getByText('Grace Hopper').count()).toBe(0);
    expect(await status.textContent()).toMatch(/^Your call is connected\. Waiting for an agent…/);
    await desk.getByLabel('My state').selectOption('Ready');
    await invitation.getByText('Grace Hopper').waitFor();
    await invitation.getByRole('link', { name: 'Tandem Coffee Co. — Ethiopia Guji' }).waitFor();
    expect(await invitation.getByText(`${env.host.url}/product.html`).count()).toBe(1);
    expect(await invitation.getByText('Tandem Coffee demo shop').count()).toBe(1);
    await invitation.getByRole('button', { name: 'Accept' }).click();
    const call = desk.getByRole('article');
    await call.getByRole('heading', { name: /^Call — Orders and delivery/ }).waitFor();
    await call.getByText('Grace Hopper').waitFor();
    await call.getByText('+33612345678').waitFor();
    expect(await axeViolations(desk), 'screen pop').toEqual([]);
    await expect.poll(() => status.textContent()).toMatch(/^Alice.* has answered your call\.$/);
    expect(await axeViolations(shop), 'answered').toEqual([]);

    await call.getByRole('button', { name: 'End call' }).click();
    await expect.poll(() => status.textContent()).toBe('Your call has ended.');
    expect(await axeViolations(shop), 'ended').toEqual([]);
    await call.getByRole('button', { name: 'Wrap up' }).click();
    await call.getByText(/^Wrapped up: /).waitFor();
    await desk.getByLabel('My state').selectOption({ label: 'Not Ready' });
  });

  it('offers a new number once the lease has expired', async () => {
    const shop = await open('/product.html');
    const dialog = await callWindow(shop);
    await dialog.getByLabel('Your phone number').fill('+44 20 7946 0000');
    await dialog.getByRole('button', { name: 'Get a number to call' }).click();
    const first = (await dialog.getByRole('link', { name: /^\+33/ }).textContent()) ?? '';
    await dialog
      .getByRole('alert')
      .filter({ hasText: 'This number has expired.' })
      .waitFor({ timeout: 20_000 });
    expect(await dialog.getByRole('link', { name: first }).count()).toBe(0);
    expect(await axeViolations(shop), 'expired').toEqual([]);
    await dialog.getByRole('button', { name: 'Get a new number' }).click();
    await dialog.getByRole('link', { name: /^\+33 1 70 00 10 0\d$/ }).waitFor();
    await dialog.getByText(/This number is yours for 0:1\d\./).waitFor();
  });

  it('with the wait above the threshold offers a callback instead, which is booked and then cancelled', async () => {
    // Bruno takes a billing call: the next caller for billing would wait about 22 minutes, over the shop's 20.
    const bruno = agentOverWebSocket(env.host, 'bruno');
    const invites: string[] = [];
    bruno.on('invite', ({ interactionId }) => invites.push(interactionId));
    await bruno.start();
    await bruno.setState('Ready');
    env.host.contactCenter.voice.inboundCall({ dialed: '+33 1 70 00 30 01', callerId: '+33600000001' });
    await expect.poll(() => invites.length).toBe(1);
    await bruno.accept(invites[0] ?? '');

    const shop = await open('/product.html');
    const call = await callWindow(shop);
    await call.getByLabel('Subject').selectOption({ label: 'Billing' });
    const dialog = shop.getByRole('dialog', { name: 'Request a callback' });
    await dialog.waitFor();
    const status = dialog.getByRole('status').first();
    await expect.poll(() => status.textContent()).toBe('The wait on the phone is long right now.');
    expect(await dialog.getByRole('button', { name: 'Get a number to call' }).count()).toBe(0);
    expect(await axeViolations(shop), 'callback form').toEqual([]);
    await dialog.getByLabel('Your phone number').fill('06 12 34 56 78');
    await dialog.getByRole('radio', { name: 'At a time I choose' }).check();
    const time = dialog.getByRole('combobox', { name: 'Time' });
    await expect.poll(() => time.isEnabled()).toBe(true);
    const slot = await time.locator('option').nth(2).getAttribute('value');
    await time.selectOption(slot ?? '');
    await dialog.getByRole('button', { name: 'Call me back' }).click();
    await expect.poll(() => status.textContent()).toMatch(/^We will call you /);
    const [booked] = [...env.host.contactCenter.callbacks.values()];
    expect(booked).toMatchObject({ phone: '+33612345678', state: 'scheduled', at: Number(slot) });
    expect(await axeViolations(shop), 'callback booked').toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel callback' }).click();
    await expect.poll(() => status.textContent()).toBe('Your callback is cancelled.');
    expect(booked?.state).toBe('cancelled');
    expect(await axeViolations(shop), 'callback cancelled').toEqual([]);
    bruno.stop();
  });

  it('lays out right to left in Arabic and passes axe in the dark theme, number included', async () => {
    const shop = await open('/product.html?lang=ar&theme=dark');
    await shop.emulateMedia({ colorScheme: 'dark' });
    await shop.getByRole('button', { name: 'Call a coffee expert' }).click();
    const dialog = shop.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    expect(await axeViolations(shop), 'form').toEqual([]);
    await dialog.getByRole('textbox').first().fill('+44 20 7946 0000');
    await dialog.locator('button[type="submit"]').click();
    const number = dialog.getByRole('link', { name: /^\+33/ });
    await number.waitFor();
    // A phone number reads left to right inside right-to-left text.
    expect(await number.evaluate((element) => getComputedStyle(element).direction)).toBe('ltr');
    expect(await axeViolations(shop), 'number').toEqual([]);
  });
});
