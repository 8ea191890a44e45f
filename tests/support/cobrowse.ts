import type { Frame, Page } from 'playwright-core';
import { afterEach, expect } from 'vitest';
import { watchPage } from './browser';
import type { useHost } from './host';

/**
 * Pages for co-browse tests in one file: the customer's shop pages and the agent desktop, each in its
 * own browser context, failing the test on any stray console error.
 */
export function cobrowsePages(env: ReturnType<typeof useHost>) {
  const pages: Array<{ page: Page; problems: string[]; allowed?: RegExp }> = [];
  afterEach(async () => {
    for (const { page, problems, allowed } of pages.splice(0)) {
      expect(problems.filter((problem) => !allowed?.test(problem))).toEqual([]);
      await page.context().close();
    }
  });

  async function open(
    path: string,
    { touch, ...viewport }: { width: number; height: number; touch?: boolean } = { width: 1100, height: 800 },
    allowed?: RegExp,
  ): Promise<Page> {
    // A touch screen: a phone-sized viewport that reports touch and mobile, as a phone's browser does.
    const device = touch ? { isMobile: true, hasTouch: true } : {};
    const page = await (await env.browser.newContext({ viewport, ...device })).newPage();
    pages.push({ page, problems: watchPage(page).problems, ...(allowed ? { allowed } : {}) });
    await page.goto(`${env.host.url}${path}`);
    return page;
  }

  async function agentDesk(username = 'alice', allowed?: RegExp): Promise<Page> {
    const desk = await open('/agent/', { width: 1400, height: 1000 }, allowed);
    await desk.getByLabel('Username').fill(username);
    await desk.getByLabel('Password').fill(username);
    await desk.getByRole('button', { name: 'Log in' }).click();
    await desk.getByLabel('My state').waitFor();
    return desk;
  }

  return { open, agentDesk };
}

/** The customer starts a chat on `shop` and Alice, Ready on `desk`, accepts it; the connected chat window. */
export async function chatWithAlice(desk: Page, shop: Page) {
  await desk.getByLabel('My state').selectOption('Ready');
  await shop.getByRole('button', { name: 'Contact us' }).click();
  await shop.getByRole('button', { name: /^Chat/ }).first().click();
  const chat = shop.getByRole('dialog', { name: 'Chat' });
  await chat.getByLabel(/Your name/).fill('Grace Hopper');
  await chat.getByRole('button', { name: 'Start chat' }).click();
  await desk.getByRole('region', { name: 'Invitations' }).getByRole('button', { name: 'Accept' }).click();
  const connected = shop.getByRole('dialog', { name: /Chat with Alice/ });
  await connected.waitFor();
  return connected;
}

/** The agent joins by the id the customer read out, and waits for the live view. */
export async function joinById(desk: Page, sessionId: string): Promise<Frame> {
  await desk.getByLabel('Session id').fill(sessionId);
  await desk.getByRole('button', { name: 'Join' }).click();
  await desk.locator('.cobrowse-view').getByText('Live', { exact: true }).waitFor();
  return replayFrame(desk);
}

/** The agent asks for control and the customer allows it. */
export async function allowControl(desk: Page, shop: Page): Promise<void> {
  await desk.getByRole('button', { name: 'Request control' }).click();
  const dialog = shop.getByRole('alertdialog', { name: 'Allow Alice Martin to control this page?' });
  await dialog.getByRole('button', { name: 'Allow' }).click();
  await shop.getByText('Alice Martin can click and type on this page').waitFor();
  await desk.getByRole('heading', { name: /write mode/ }).waitFor();
}

/** The rrweb replay iframe on the agent desktop. */
export async function replayFrame(desk: Page): Promise<Frame> {
  const handle = await desk.locator('.cobrowse-view iframe').elementHandle({ timeout: 10_000 });
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error('no replay frame');
  return frame;
}

export { clickInView, pointInView, startByApi, tandemCommand, wheelInView } from './view';

/**
 * Waits until the agent's view shows a heading: each full snapshot replaces the replay iframe, so the
 * frame is looked up again on every try.
 */
export async function viewShowsHeading(desk: Page, name: string): Promise<void> {
  await expect
    .poll(async () => {
      try {
        return await (await replayFrame(desk)).getByRole('heading', { name }).count();
      } catch {
        return 0;
      }
    })
    .toBeGreaterThan(0);
}

/** The agent does `act`, and the desktop shows a new refusal worded as `message`. */
export async function refused(desk: Page, message: string, act: () => Promise<void>): Promise<void> {
  const alert = desk.locator('.refusal');
  const before = Number(await alert.getAttribute('data-count'));
  await act();
  await expect.poll(async () => Number(await alert.getAttribute('data-count'))).toBeGreaterThan(before);
  expect(await alert.textContent()).toBe(`Refused: ${message}`);
}

/**
 * The secrets tests/fixtures/cobrowse-leak.html places for issue 17's classes of leak (styles, stylesheets,
 * srcset, a password shown before the session), before and during the session (#restyle-later).
 */
export const leakClassSecrets = [
  'SECRET-40-style-url',
  'SECRET-41-hidden-style',
  'SECRET-42-style-content',
  'SECRET-43-srcset',
  'SECRET-44-srcset',
  'SECRET-45-shown-password',
  'SECRET-46-adopted',
  'SECRET-47-style-later',
  'SECRET-48-insert-rule',
  'SECRET-49-set-property',
  'SECRET-50-adopted-later',
  'SECRET-54-insert-before',
];
