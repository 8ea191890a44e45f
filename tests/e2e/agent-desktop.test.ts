import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { watchPage } from '../support/browser';
import { agentOverWebSocket, customerOverWebSocket, useHost } from '../support/host';

const env = useHost();

let page: Page;
let watched: { problems: string[] };

afterEach(() => {
  expect(watched.problems).toEqual([]);
});

async function customerChat(fields: Record<string, string>) {
  const customer = customerOverWebSocket(env.host);
  const received: string[] = [];
  customer.onEvent(({ name, data }) => {
    if (name === 'chat.message') received.push((data as { text: string }).text);
  });
  customer.start();
  const { conversationId } = await customer.command<{ conversationId: string }>('chat.start', {
    subject: 'orders',
    fields,
  });
  return { customer, received, conversationId };
}

describe('agent desktop at /agent/ (real Chromium, reference server over WebSocket)', () => {
  it('logs in, goes Ready, accepts a chat, chats, transfers, and wraps up another', async () => {
    page = await (await env.browser.newContext()).newPage();
    watched = watchPage(page);
    await page.goto(`${env.host.url}/agent/`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Username').fill('alice');
    await page.getByLabel('Password').fill('alice');
    await page.getByRole('button', { name: 'Log in' }).click();
    // States and invitations in words, not identifiers; Decline is the secondary choice.
    await page
      .getByRole('status')
      .filter({ hasText: /^Not Ready$/ })
      .waitFor();
    await page.getByText('Go Ready to receive chats and calls.').waitFor();
    await page.getByLabel('My state').selectOption('Ready');
    await page
      .getByRole('status')
      .filter({ hasText: /^Ready$/ })
      .waitFor();
    await page.getByText('You are Ready: new chats and calls appear under Invitations.').waitFor();

    const first = await customerChat({ name: 'Grace Hopper', order: 'TC-1042' });
    const invitations = page.getByRole('region', { name: 'Invitations' });
    await invitations.getByText('Grace Hopper').waitFor();
    await invitations.getByText('New chat', { exact: true }).waitFor();
    // A visible countdown to ring-out, which counts down.
    const ringOut = invitations.getByText(/^Rings out in \d+ s$/);
    const secondsLeft = async () => Number((await ringOut.textContent())?.match(/\d+/)?.[0]);
    const atFirst = await secondsLeft();
    expect(atFirst).toBeGreaterThan(0);
    await expect.poll(secondsLeft, { timeout: 5000 }).toBeLessThan(atFirst);
    const [accept, decline] = await Promise.all(
      ['Accept', 'Decline'].map((name) =>
        invitations
          .getByRole('button', { name })
          .evaluate((button) => getComputedStyle(button).backgroundColor),
      ),
    );
    expect(accept, 'Accept filled, Decline outlined').not.toBe(decline);
    await invitations.getByRole('button', { name: 'Accept' }).click();
    const transcript = page.getByRole('log', { name: 'Transcript' });
    await transcript.getByText('Welcome to Tandem Coffee Co.!').waitFor();

    await first.customer.command('chat.send', { id: 'q1', text: 'Where is my order <b>TC-1042</b>?' });
    await transcript.getByText('Where is my order <b>TC-1042</b>?').waitFor();
    await page.getByLabel('Search standard responses').fill('delivery');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('button', { name: 'Use “Delivery times”' }).click();
    await expect(page.getByLabel('Message').inputValue()).resolves.toContain(
      'Orders ship within one working day',
    );
    await page.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => first.received.at(-1)).toContain('Orders ship within one working day');
    expect(await axeViolations(page)).toEqual([]);

    const bruno = agentOverWebSocket(env.host, 'bruno');
    bruno.on('invite', (invite) => void bruno.accept(invite.interactionId));
    await bruno.start();
    await bruno.setState('Ready');
    const target = page.getByLabel('To', { exact: true });
    await target.focus(); // the roster refreshes on focus: Bruno logged in after the chat opened
    await target.getByRole('option', { name: 'Bruno Costa (Ready)' }).waitFor({ state: 'attached' });
    await target.selectOption('bruno');
    await page.getByRole('button', { name: 'Transfer' }).click();
    await page.getByRole('heading', { name: /· transferred/ }).waitFor();
    await expect
      .poll(() =>
        env.host.contactCenter.reports
          .interactions()
          .filter((f) => f.interactionId === first.conversationId)
          .map((f) => `${f.resource.id}:${f.role}/${f.result ?? ''}`),
      )
      .toEqual(['alice:RoutedTo/Transferred', 'bruno:ReceivedTransfer/']);

    const second = await customerChat({ name: 'Ada Lovelace' });
    await invitations.getByText('Ada Lovelace').waitFor();
    await invitations.getByRole('button', { name: 'Accept' }).click();
    await page.getByRole('button', { name: 'End chat' }).click();
    await page.getByLabel('Wrap-up code').selectOption('Resolved');
    await page.getByRole('button', { name: 'Wrap up' }).click();
    await page.getByText('Wrapped up: Resolved').waitFor();
    // Wrapped-up work leaves the list of open interactions for a collapsed group.
    await page.getByText('Wrapped up (1)').waitFor();
    const fact = env.host.contactCenter.reports
      .interactions()
      .find((f) => f.interactionId === second.conversationId);
    expect(fact).toMatchObject({ role: 'RoutedTo', result: 'Completed', wrapUpCode: 'Resolved' });
    expect(await axeViolations(page)).toEqual([]);
    first.customer.stop();
    second.customer.stop();
    bruno.stop();
  });

  it('says why a login failed', async () => {
    page = await (await env.browser.newContext()).newPage();
    watched = watchPage(page);
    await page.goto(`${env.host.url}/agent/`);
    await page.getByLabel('Username').fill('alice');
    await page.getByLabel('Password').fill('wrong');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe('unknown username or wrong password');
  });
});
