import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfigPath, startHost } from '../../examples/host/server';
import { axeViolations } from '../support/axe';
import { watchPage } from '../support/browser';
import { chatWithAlice, cobrowsePages } from '../support/cobrowse';
import { customerOverWebSocket, readyAgent, useHost } from '../support/host';

// The demo contact center with Alice alone able to take one chat at a time: a line forms at once.
const config = JSON.parse(readFileSync(defaultConfigPath, 'utf8'));
config.agents[0].capacity = { chat: 1 };
const env = useHost({ config });
const { open, agentDesk } = cobrowsePages(env);
const watchers: Array<{ problems: string[]; allowed?: RegExp }> = [];
// Whatever a test leaves connected goes, pass or fail: the next test starts with an empty line.
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await Promise.resolve(cleanup()).catch(() => undefined);
  for (const { problems, allowed } of watchers.splice(0))
    expect(problems.filter((problem) => !allowed?.test(problem))).toEqual([]);
});

async function agentReady(host = env.host, ready = true) {
  const { agent } = await readyAgent(host);
  cleanups.push(() => agent.stop());
  // A session left by an earlier test may have kept her Ready: say which state this test wants.
  await agent.setState(ready ? 'Ready' : 'NotReady');
  return agent;
}

async function shop(url = env.host.url, allowed?: RegExp): Promise<Page> {
  const page = await (await env.browser.newContext()).newPage();
  watchers.push({ problems: watchPage(page).problems, ...(allowed ? { allowed } : {}) });
  cleanups.push(() => page.context().close());
  await page.goto(`${url}/`);
  return page;
}

/** A visitor from Node who asks for a chat about orders; ends it on demand. */
async function nodeVisitor() {
  const customer = customerOverWebSocket(env.host);
  customer.start();
  cleanups.push(async () => {
    await customer.command('chat.end', {});
    customer.stop();
  });
  await customer.command('chat.start', { subject: 'orders' });
  return { end: () => customer.command('chat.end', {}) };
}

describe('waits, read receipts and restarts as the visitor sees them (real Chromium)', () => {
  it('shows the visitor when the agent has read, and the agent when the visitor has', async () => {
    const desk = await agentDesk();
    const page = await open('/');
    const chat = await chatWithAlice(desk, page);
    await page.getByRole('textbox', { name: 'Type your message' }).fill('Do you have decaf?');
    await page.keyboard.press('Enter');
    // Alice's desktop shows the message on a visible screen: the visitor sees it read.
    await chat.getByText(/· Read$/).waitFor();
    expect(await axeViolations(page), 'read').toEqual([]);
    await desk.getByLabel('Message').fill('We do: the Colombia Huila.');
    await desk.getByRole('button', { name: 'Send' }).click();
    await desk.getByText('· Read by the customer').waitFor();
    expect(await axeViolations(desk), 'desktop with read receipts').toEqual([]);
    await desk.getByRole('button', { name: 'End chat' }).click();
  });

  it('shows the estimated wait in the selector and in the line, refreshed as the line moves', async () => {
    await agentReady();
    const first = await nodeVisitor(); // Alice's one slot
    const second = await nodeVisitor(); // first in line
    const page = await shop();
    await page.getByRole('button', { name: 'Contact us' }).click();
    const selector = page.getByRole('dialog', { name: 'How would you like to reach us?' });
    // The shortest wait of the subjects Alice serves, from the handle times measured so far.
    const offer = selector.getByRole('button', {
      name: /Chat with us\s*Wait (about \d+ min|under a minute)/,
    });
    await offer.waitFor();
    expect(await axeViolations(page), 'selector with a wait').toEqual([]);
    await offer.click();
    const chat = page.getByRole('dialog', { name: 'Chat' });
    await chat.getByLabel('Your name').fill('Grace Hopper');
    await chat.getByLabel('What is it about?').selectOption('orders');
    await chat.getByRole('button', { name: 'Start chat' }).click();
    await chat.getByText(/^You are number 2 in line · (about \d+ min|under a minute)$/).waitFor();
    expect(await axeViolations(page), 'in line with a wait').toEqual([]);
    // Said to a screen reader once, without the estimate that is refreshed all the time.
    const said = chat.getByRole('status').filter({ hasText: /^You are number 2 in line$/ });
    expect(await said.count()).toBe(1);

    await first.end(); // the visitor ahead is taken: the line moves
    // The estimate follows the handle times just measured: the first chat lasted seconds.
    await chat.getByText(/^You are number 1 in line · (about \d+ min|under a minute)$/).waitFor();
    await second.end();
    const connected = page.getByRole('dialog', { name: 'Chat with Alice Martin' });
    await connected.getByRole('button', { name: 'More actions' }).click();
    await connected.getByRole('button', { name: 'End chat' }).click();
    await connected.getByRole('alertdialog').getByRole('button', { name: 'End chat' }).click();
    await page.getByText('The chat has ended.').waitFor();
  });

  it('tells a visitor in line when the last agent logs out, and takes their message instead, by keyboard', async () => {
    const agent = await agentReady(env.host, false);
    const first = await nodeVisitor();
    const page = await shop();
    await page.getByRole('button', { name: 'Questions? Chat with us' }).click();
    const chat = page.getByRole('dialog', { name: 'Chat' });
    await chat.getByLabel('Your name').fill('Ada');
    await chat.getByLabel('What is it about?').selectOption('orders');
    await chat.getByRole('button', { name: 'Start chat' }).click();
    // Alice is logged in but not Ready: no estimate, the place in line only (shown, and said).
    await chat
      .getByText(/^You are number 2 in line$/)
      .first()
      .waitFor();
    await page.getByRole('textbox', { name: 'Type your message' }).fill('Is my parcel lost?');
    await page.keyboard.press('Enter');
    await chat.getByRole('log').getByText('Is my parcel lost?').waitFor();

    await first.end();
    await agent.logOut();
    const leave = chat.getByRole('button', { name: 'Leave a message' });
    await leave.waitFor();
    expect(await chat.getByText('No one is available to chat right now.').count()).toBeGreaterThan(0);
    expect(await axeViolations(page), 'no one left').toEqual([]);
    // Keyboard only: from the message box, Tab reaches "Leave a message".
    await page.getByRole('textbox', { name: 'Type your message' }).focus();
    for (let i = 0; i < 12; i++) {
      if (await leave.evaluate((element) => element.matches(':focus'))) break;
      await page.keyboard.press('Shift+Tab');
    }
    await page.keyboard.press('Enter');
    await expect.poll(() => chat.getByLabel(/Your message/).inputValue()).toBe('Is my parcel lost?');
    expect(await axeViolations(page), 'leaving a message').toEqual([]);
    await chat.getByLabel(/Email/).fill('ada@example.com');
    await chat.getByRole('button', { name: 'Send message' }).click();
    await chat.getByText('Thank you. We will get back to you soon.').waitFor();
  });

  it('after a restart that lost the chat, says plainly it ended, and a new one works', async () => {
    const host = await startHost({ port: 0, config, notice: () => undefined });
    const port = new URL(host.url).port;
    const first = await agentReady(host);
    // While the server is down, the browser itself logs each refused connection: expected here.
    const page = await shop(host.url, /WebSocket connection to .* failed/);
    await page.getByRole('button', { name: 'Questions? Chat with us' }).click();
    const chat = page.getByRole('dialog', { name: 'Chat' });
    await chat.getByLabel('Your name').fill('Grace Hopper');
    await chat.getByRole('button', { name: 'Start chat' }).click();
    await page.getByRole('dialog', { name: 'Chat with Alice Martin' }).waitFor();
    first.stop();
    await host.close();

    const again = await startHost({ port: Number(port), config, notice: () => undefined });
    try {
      const restarted = page.getByRole('dialog', { name: 'Chat' });
      await restarted
        .getByText('This chat was interrupted on our side and could not continue.')
        .waitFor({ timeout: 20_000 });
      expect(await axeViolations(page), 'lost').toEqual([]);
      await agentReady(again);
      // Keyboard only: focus is on "Start a new chat" (no rating for a chat that was lost).
      expect(await restarted.getByText('How was your chat?').count()).toBe(0);
      const newChat = restarted.getByRole('button', { name: 'Start a new chat' });
      await expect.poll(() => newChat.evaluate((element) => element.matches(':focus'))).toBe(true);
      await page.keyboard.press('Enter');
      await restarted.getByLabel('Your name').fill('Grace Hopper');
      await restarted.getByRole('button', { name: 'Start chat' }).click();
      await page.getByRole('dialog', { name: 'Chat with Alice Martin' }).waitFor();
    } finally {
      await again.close();
    }
  });
});
