import type { AgentClient } from '@tandem/sdk-core/agent';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { watchPage } from '../support/browser';
import { agentOverWebSocket, useHost } from '../support/host';

const env = useHost();
// An agent is logged in (Not Ready): chat is offered, with its pre-chat form.
let agent: AgentClient | undefined;
beforeAll(async () => {
  agent = agentOverWebSocket(env.host, 'bruno');
  await agent.start();
});
afterAll(() => agent?.stop());

const watchers: Array<{ problems: string[] }> = [];
afterEach(() => {
  for (const watched of watchers.splice(0)) expect(watched.problems).toEqual([]);
});

async function openChat(options: { width: number; height: number; path?: string; mobile?: boolean }) {
  const context = await env.browser.newContext({
    viewport: { width: options.width, height: options.height },
    ...(options.mobile ? { isMobile: true, hasTouch: true } : {}),
  });
  const page = await context.newPage();
  watchers.push(watchPage(page));
  await page.goto(`${env.host.url}${options.path ?? '/'}`);
  await page.locator('[data-tandem-open="chat"]').first().click();
  const chat = page.getByRole('dialog').filter({ has: page.locator('textarea, input') });
  await chat.waitFor();
  return { page, chat };
}

describe('the chat window early, on small screens, zoomed, right to left and dark (real Chromium)', () => {
  it('keeps a click on a custom launcher made while Tandem is still loading', async () => {
    const page = await (await env.browser.newContext()).newPage();
    watchers.push(watchPage(page));
    let release: (value?: unknown) => void = () => undefined;
    const gate = new Promise((resolve) => {
      release = resolve;
    });
    await page.route('**/sdk/tandem-app.js', async (route) => {
      await gate;
      await route.continue();
    });
    await page.goto(`${env.host.url}/`, { waitUntil: 'domcontentloaded' });
    await page.getByRole('button', { name: 'Questions? Chat with us' }).click();
    release();
    await page.getByRole('dialog', { name: 'Chat' }).waitFor();
  });

  it('fills a phone screen, keeps its input above the on-screen keyboard, with touch targets of 24 px or more', async () => {
    const { page, chat } = await openChat({ width: 375, height: 667, mobile: true });
    expect(await chat.boundingBox()).toEqual({ x: 0, y: 0, width: 375, height: 667 });
    const small = await chat.evaluate((dialog) =>
      [...dialog.querySelectorAll('button, input, select, textarea, summary, a')]
        .map((element) => ({ element, box: element.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && (box.width < 24 || box.height < 24))
        .map(({ element }) => element.outerHTML.slice(0, 80)),
    );
    expect(small).toEqual([]);

    // Start a chat, then the keyboard opens: the visual viewport shrinks and the message box stays in it.
    await chat.getByLabel('Your name').fill('Ada');
    await chat.getByRole('button', { name: 'Start chat' }).click();
    const box = page.getByRole('textbox', { name: 'Type your message' });
    await box.waitFor();
    await page.setViewportSize({ width: 375, height: 360 });
    await expect.poll(async () => (await chat.boundingBox())?.height).toBe(360);
    const input = await box.boundingBox();
    expect(input && input.y + input.height).toBeLessThanOrEqual(360);
  });

  it('stays usable at 200% zoom (a 640 × 360 viewport): every control can be reached', async () => {
    const { chat } = await openChat({ width: 640, height: 360 });
    const dialog = await chat.boundingBox();
    expect(dialog && dialog.y >= 0 && dialog.y + dialog.height <= 360).toBe(true);
    const start = chat.getByRole('button', { name: 'Start chat' });
    await start.scrollIntoViewIfNeeded();
    const button = await start.boundingBox();
    expect(button && button.y >= 0 && button.y + button.height <= 360).toBe(true);
  });

  it('lays out right to left in Arabic and passes axe in the dark theme', async () => {
    const { page, chat } = await openChat({ width: 1280, height: 800, path: '/?lang=ar&theme=dark' });
    await chat.getByRole('heading', { name: 'محادثة' }).waitFor();
    expect(await chat.evaluate((dialog) => getComputedStyle(dialog).direction)).toBe('rtl');
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(page)).toEqual([]);
  });
});
