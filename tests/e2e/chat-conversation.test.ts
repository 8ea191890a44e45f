import type { Locator } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { watchPage } from '../support/browser';
import { chatWithAlice, cobrowsePages } from '../support/cobrowse';
import { readyAgent, useHost } from '../support/host';

const env = useHost();
const { open, agentDesk } = cobrowsePages(env);
const watchers: Array<{ problems: string[] }> = [];
afterEach(() => {
  for (const watched of watchers.splice(0)) expect(watched.problems).toEqual([]);
});

/** A visitor in a chat Alice (over WebSocket) has accepted; the log and a way to make Alice speak. */
async function chatting(viewport = { width: 1280, height: 800 }) {
  const { agent, invites } = await readyAgent(env.host);
  await agent.setState('Ready');
  const page = await (await env.browser.newContext({ viewport })).newPage();
  watchers.push(watchPage(page));
  await page.goto(`${env.host.url}/`);
  await page.getByRole('button', { name: 'Questions? Chat with us' }).click();
  const chat = page.getByRole('dialog', { name: 'Chat' });
  await chat.getByLabel('Your name').fill('Grace Hopper');
  await chat.getByRole('button', { name: 'Start chat' }).click();
  await page.getByRole('dialog', { name: 'Chat with Alice Martin' }).waitFor();
  const log = page.getByRole('log', { name: 'Conversation' });
  const say = async (text: string) => {
    await agent.send(invites[0] ?? '', text);
    await log.getByText(text).waitFor({ state: 'attached' });
  };
  return { page, log, say, agent };
}

/** Whether the element is wholly inside the log's visible box. */
async function inView(log: Locator, text: string): Promise<boolean> {
  return log.evaluate((element, wanted) => {
    const target = [...element.querySelectorAll('.msg, .note')].find((item) =>
      item.textContent?.includes(wanted),
    );
    if (!target) return false;
    const outer = element.getBoundingClientRect();
    const inner = target.getBoundingClientRect();
    return inner.top >= outer.top - 1 && inner.bottom <= outer.bottom + 1;
  }, text);
}

const scrollTop = (log: Locator) => log.evaluate((element) => element.scrollTop);

describe('the conversation view (real Chromium, reference server)', () => {
  it('stays at the newest message, and offers a button instead of jumping when the reader scrolled up', async () => {
    const { page, log, say, agent } = await chatting();
    // Notices and messages are the log's own children: no numbered list, no list items.
    expect(await log.locator('li, ol, ul').count()).toBe(0);
    await say(
      `A long answer: ${'Our beans are roasted every Tuesday and shipped the next morning. '.repeat(12)}`,
    );
    for (let i = 1; i <= 6; i++) await say(`Reply number ${i}`);
    await expect.poll(() => inView(log, 'Reply number 6')).toBe(true);

    await log.evaluate((element) => {
      element.scrollTop = 0;
    });
    await expect.poll(() => scrollTop(log)).toBe(0);
    await say('A reply while you read the history');
    const button = page.getByRole('button', { name: 'New messages' });
    await button.waitFor();
    expect(await scrollTop(log), 'nothing jumps').toBe(0);
    expect(await axeViolations(page), 'new messages waiting').toEqual([]);
    await button.click();
    await expect.poll(() => inView(log, 'A reply while you read the history')).toBe(true);
    await button.waitFor({ state: 'detached' });

    // The visitor's own message brings them to the bottom wherever they were.
    await log.evaluate((element) => {
      element.scrollTop = 0;
    });
    await page.getByRole('textbox', { name: 'Type your message' }).fill('Thanks, that helps');
    await page.keyboard.press('Enter');
    await expect.poll(() => inView(log, 'Thanks, that helps')).toBe(true);
    agent.stop();
  });

  it('opens at the newest message after a reload, on a phone', async () => {
    const { page, log, say, agent } = await chatting({ width: 390, height: 700 });
    for (let i = 1; i <= 12; i++) await say(`Line ${i} of a long exchange`);
    await page.reload();
    await log.getByText('Line 12 of a long exchange').waitFor();
    await expect.poll(() => inView(log, 'Line 12 of a long exchange')).toBe(true);
    agent.stop();
  });

  it('shows "Alice Martin is typing…" while the agent types on the desktop, once, until she sends', async () => {
    const desk = await agentDesk();
    const shop = await open('/');
    const chat = await chatWithAlice(desk, shop);
    const typing = chat.getByRole('status').filter({ hasText: 'Alice Martin is typing…' });
    await desk.getByLabel('Message').pressSequentially('Let me check', { delay: 20 });
    await typing.waitFor();
    expect(await typing.count(), 'announced in one place').toBe(1);
    expect(await axeViolations(shop), 'agent typing').toEqual([]);
    await desk.getByRole('button', { name: 'Send' }).click();
    await chat.getByRole('log', { name: 'Conversation' }).getByText('Let me check').waitFor();
    await typing.waitFor({ state: 'detached' });
  });
});
