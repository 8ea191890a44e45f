import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfigPath, startHost } from '../../examples/host/server';
import { axeViolations } from '../support/axe';
import { watchPage } from '../support/browser';
import { agentOverWebSocket, useHost } from '../support/host';

// The demo contact center with chat closed all week: the shop's chat link offers the offline form.
const config = JSON.parse(readFileSync(defaultConfigPath, 'utf8'));
config.hours = { ...config.hours, chat: { timeZone: 'UTC', weekly: {} } };
const env = useHost({ config });
const watchers: Array<{ problems: string[] }> = [];
afterEach(() => {
  for (const watched of watchers.splice(0)) expect(watched.problems).toEqual([]);
});

describe('the offline form on the demo shop (real Chromium, reference server)', () => {
  it('sends the message to the contact center when chat is closed, with a subject it has', async () => {
    const page = await (await env.browser.newContext()).newPage();
    watchers.push(watchPage(page));
    await page.goto(`${env.host.url}/`);
    await page.getByRole('button', { name: 'Questions? Chat with us' }).click();
    const chat = page.getByRole('dialog', { name: 'Chat' });
    await chat.getByText('Leave us a message.').waitFor();
    expect(await axeViolations(page), 'offline form').toEqual([]);
    await chat.getByLabel(/Your name/).fill('Grace Hopper');
    await chat.getByLabel(/Email/).fill('grace@example.com');
    await chat.getByLabel(/Your message/).fill('Do you ship to Lyon?');
    await chat.getByRole('button', { name: 'Send message' }).click();
    await chat.getByText('Thank you. We will get back to you soon.').waitFor();
    // A messaging thread on one of the demo's subjects holds the visitor's words.
    const threads = [...env.host.contactCenter.interactions.values()].filter((i) => i.media === 'messaging');
    expect(threads.map((thread) => thread.subject.id)).toEqual([config.messaging.defaultSubject]);
    expect(threads[0]?.transcript.map((message) => message.text).join('\n')).toContain(
      'Do you ship to Lyon?',
    );
  });

  it('offers a message, not a chat, while no agent is logged in, and chat again once one is', async () => {
    // The demo as it ships: chat open all day, and nobody logged in yet.
    const host = await startHost({
      port: 0,
      config: JSON.parse(readFileSync(defaultConfigPath, 'utf8')),
      notice: () => undefined,
    });
    try {
      const page = await (await env.browser.newContext()).newPage();
      watchers.push(watchPage(page));
      await page.goto(`${host.url}/`);
      await page.getByRole('button', { name: 'Contact us' }).click();
      const selector = page.getByRole('dialog', { name: 'How would you like to reach us?' });
      // The shop offers messaging: that row takes the message, and no chat is offered to wait in silence.
      const leave = selector.getByRole('button', { name: 'Send us a message' });
      await leave.waitFor();
      expect(await selector.getByRole('button', { name: /Chat with us|Leave us a message/ }).count()).toBe(0);
      expect(await axeViolations(page), 'selector, no agent').toEqual([]);
      await leave.click();
      await page.getByRole('dialog', { name: 'Messages' }).waitFor();
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Questions? Chat with us' }).click();
      const chat = page.getByRole('dialog', { name: 'Chat' });
      await chat.getByText(/No one is available to chat right now/).waitFor();
      expect(await chat.getByRole('button', { name: 'Start chat' }).count()).toBe(0);
      expect(await axeViolations(page), 'chat, no agent').toEqual([]);
      await chat.getByRole('button', { name: 'Close' }).click();

      const agent = agentOverWebSocket(host, 'alice');
      await agent.start();
      await page.getByRole('button', { name: 'Contact us' }).click();
      await selector.getByRole('button', { name: /Chat with us/ }).waitFor();
      agent.stop();
    } finally {
      await host.close();
    }
  });
});
