import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfigPath } from '../../examples/host/server';
import { axeViolations } from '../support/axe';
import { watchPage } from '../support/browser';
import { useHost } from '../support/host';

// The demo contact center, open around the clock so that chat can start on any day.
const config = JSON.parse(readFileSync(defaultConfigPath, 'utf8'));
delete config.hours;
const env = useHost({ config });

const pages: Array<{ page: Page; problems: string[] }> = [];
afterEach(async () => {
  for (const { page, problems } of pages.splice(0)) {
    expect(problems).toEqual([]);
    await page.context().close();
  }
});

async function open(path: string, viewport = { width: 1100, height: 800 }): Promise<Page> {
  const page = await (await env.browser.newContext({ bypassCSP: true, viewport })).newPage();
  pages.push({ page, problems: watchPage(page).problems });
  await page.goto(`${env.host.url}${path}`);
  return page;
}

async function agentDesk(username = 'alice'): Promise<Page> {
  const desk = await open('/agent/', { width: 1400, height: 1000 });
  await desk.getByLabel('Username').fill(username);
  await desk.getByLabel('Password').fill(username);
  await desk.getByRole('button', { name: 'Log in' }).click();
  await desk.getByLabel('My state').waitFor();
  return desk;
}

/** The rrweb replay iframe on the agent desktop. */
async function replayFrame(desk: Page): Promise<Frame> {
  const handle = await desk.locator('.cobrowse-view iframe').elementHandle({ timeout: 10_000 });
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error('no replay frame');
  return frame;
}

describe('co-browse on the demo shop (real Chromium, reference server, agent desktop)', () => {
  it('voice-started: the customer reads the id, the agent joins by it and sees the page; the customer stops', async () => {
    const shop = await open('/product.html');
    await shop.getByRole('button', { name: 'Contact us' }).click();
    await shop.getByRole('button', { name: /Share your screen/ }).click();
    await shop.getByRole('button', { name: 'Yes, I am on a call' }).click();
    const panel = shop.getByRole('dialog', { name: 'Share this tab' });
    await panel.getByText('Waiting for the agent to join…').waitFor();
    const code = (await panel.locator('.cobrowse-code').textContent()) ?? '';
    expect(code).toMatch(/^\d{3} \d{3} \d{3}$/);
    expect(await axeViolations(shop), 'waiting').toEqual([]);

    const desk = await agentDesk();
    await desk.getByLabel('Session id').fill(code);
    await desk.getByRole('button', { name: 'Join' }).click();
    await shop
      .getByRole('region', { name: 'Share this tab' })
      .getByText(/You are sharing this tab with Alice/)
      .waitFor();
    const view = desk.locator('.cobrowse-view');
    await view.getByText('Live', { exact: true }).waitFor();
    const frame = await replayFrame(desk);
    await frame.getByRole('heading', { name: 'Ethiopia Guji' }).waitFor();
    expect(await desk.locator('.cobrowse-view iframe').getAttribute('sandbox')).toBe('allow-same-origin');
    // Our own UI is never captured: no sharing bar, no panel, no launcher in the agent's copy.
    expect(await frame.getByText(/sharing this tab|Stop sharing|Contact us/).count()).toBe(0);
    expect(await frame.locator('body').evaluate((body) => body.innerHTML)).not.toContain('tandem-cobrowse');
    expect(await axeViolations(shop), 'sharing').toEqual([]);

    await shop.getByRole('button', { name: 'Stop sharing' }).click();
    await view.getByText('Co-browse ended: customer').waitFor();
    await shop.getByText('You stopped sharing this tab.').waitFor();
  });
});
