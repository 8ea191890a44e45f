import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { watchPage } from '../support/browser';
import { readyAgent, useHost } from '../support/host';

const env = useHost();

let page: Page;
let watched: { problems: string[] };

afterEach(() => {
  expect(watched.problems).toEqual([]);
});

const readyAlice = () => readyAgent(env.host);

describe('chat on the demo shop (real Chromium, reference server over WebSocket)', () => {
  it('runs a whole chat by keyboard alone, with zero axe violations in every state', async () => {
    const { agent, invites } = await readyAlice();
    const context = await env.browser.newContext();
    page = await context.newPage();
    watched = watchPage(page);
    await page.goto(`${env.host.url}/`);
    const launcher = page.getByRole('button', { name: 'Contact us' });
    await launcher.waitFor();
    expect(await axeViolations(page), 'closed').toEqual([]);

    await launcher.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'How would you like to reach us?' }).waitFor();
    expect(await axeViolations(page), 'selector').toEqual([]);
    // Focus is on the first channel, chat.
    await page.keyboard.press('Enter');
    const chat = page.getByRole('dialog', { name: 'Chat' });
    await chat.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.id))
      .toBe('tandem-prechat-name');
    expect(await axeViolations(page), 'pre-chat form').toEqual([]);

    await page.keyboard.type('Grace Hopper');
    await page.keyboard.press('Tab');
    await page.keyboard.type('grace@example.com');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown'); // subject: Our coffee
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // Start chat
    await chat.getByRole('button', { name: 'Cancel request' }).waitFor();
    expect(await axeViolations(page), 'waiting').toEqual([]);

    await agent.setState('Ready');
    await page.getByRole('dialog', { name: 'Chat with Alice Martin' }).waitFor();
    const interactionId = invites[0] ?? '';
    const log = page.getByRole('log', { name: 'Conversation' });
    await log.getByText('Alice Martin joined the chat').waitFor();
    await page.keyboard.type('Is the Ethiopian roast in stock?');
    await page.keyboard.press('Enter');
    await log.getByText('Is the Ethiopian roast in stock?').waitFor();
    await agent.send(interactionId, 'Yes, we have plenty. See https://example.com/coffee');
    await log.getByRole('link', { name: 'https://example.com/coffee' }).waitFor();
    expect(await axeViolations(page), 'chatting').toEqual([]);

    // Actions menu → End chat → confirm, all from the keyboard.
    await chat.getByRole('button', { name: 'More actions' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab'); // Share this page with the agent (the shop offers co-browse)
    await page.keyboard.press('Tab'); // Download transcript
    await page.keyboard.press('Tab'); // Mute sounds
    await page.keyboard.press('Tab'); // End chat
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.textContent))
      .toBe('End chat');
    await page.keyboard.press('Enter');
    await page.getByRole('alertdialog', { name: 'End this chat?' }).waitFor();
    await page.keyboard.press('Shift+Tab'); // from "Keep chatting" to "End chat"
    await page.keyboard.press('Enter');
    await chat.getByText('The chat has ended.').waitFor();
    expect(await axeViolations(page), 'ended').toEqual([]);

    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.textContent))
      .toBe('Contact us');
    agent.stop();
  });

  it('shows hostile agent content as inert text: no dialog, no script, the layout holds', async () => {
    const { agent, invites } = await readyAlice();
    await agent.setState('Ready');
    page = await (await env.browser.newContext()).newPage();
    watched = watchPage(page);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${env.host.url}/`);
    await page.getByRole('button', { name: 'Questions? Chat with us' }).click();
    const chat = page.getByRole('dialog', { name: 'Chat' });
    await chat.getByLabel('Your name').fill('Mallory');
    await chat.getByRole('button', { name: 'Start chat' }).click();
    await page.getByRole('dialog', { name: 'Chat with Alice Martin' }).waitFor();
    const id = invites[0] ?? '';
    const hostile = [
      '</textarea><script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      'javascript:alert(1)',
      '\u202Etxt.exe\u202C and \u2067RTL\u2069',
      `A${'x'.repeat(99_999)}`,
    ];
    for (const text of hostile) await agent.send(id, text);
    const log = page.getByRole('log', { name: 'Conversation' });
    await log.getByText('</textarea><script>alert(1)</script>').waitFor();
    await log.getByText('<img src=x onerror=alert(1)>').waitFor();
    await expect.poll(() => log.locator('.msg, .note').count()).toBeGreaterThanOrEqual(hostile.length + 2);
    expect(await log.locator('a, img, script, svg').count()).toBe(0);
    const box = await page.getByRole('dialog', { name: 'Chat with Alice Martin' }).boundingBox();
    const viewport = page.viewportSize();
    expect(box && viewport && box.width <= viewport.width && box.height <= viewport.height).toBe(true);
    expect(await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0)).toBeLessThanOrEqual(
      viewport?.width ?? 0,
    );
    expect(dialogs).toEqual([]);
    agent.stop();
  });
});
