import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { watchPage } from '../support/browser';
import { leakClassSecrets } from '../support/cobrowse';
import { useHost } from '../support/host';

// Invariant 3: a secret placed in any masked or hidden element appears in no byte the page sends.
const env = useHost();

const pages: Array<{ page: Page; problems: string[] }> = [];
afterEach(async () => {
  for (const { page, problems } of pages.splice(0)) {
    expect(problems).toEqual([]);
    await page.context().close();
  }
});

async function newPage(): Promise<Page> {
  const page = await (await env.browser.newContext({ viewport: { width: 1100, height: 900 } })).newPage();
  pages.push({ page, problems: watchPage(page).problems });
  return page;
}

const typed = {
  '#m-text': 'SECRET-01-typed-text',
  '#password': 'SECRET-02-password',
  '#m-email': 'secret34@example.com',
  '#m-tel': '55501234',
  '#m-url': 'https://secret36.example/',
  '#m-search': 'SECRET-37-search',
  '#m-number': '73915',
  '#m-textarea': 'SECRET-10-textarea-typed',
  '#cc': 'SECRET-32-card',
  '#otp': 'SECRET-33-otp',
  '#card-config': 'SECRET-30-config-mask',
  '#hidden-input': 'SECRET-29-hidden-typed',
  '#cc-billing': 'SECRET-51-billing-card',
  '#cc-csc': 'SECRET-52-csc',
  '#otp-2fa': 'SECRET-53-sign-in-code',
};
const inPage = [
  'SECRET-03-hidden-input',
  'SECRET-07-option-text',
  'SECRET-08-option-value',
  'SECRET-09-textarea-initial',
  'SECRET-11-editable-initial',
  'SECRET-12-editable-typed',
  'SECRET-13-placeholder',
  'SECRET-14-title',
  'SECRET-15-alt',
  'SECRET-16-aria-label',
  'SECRET-17-aria-description',
  'SECRET-18-href-query',
  'SECRET-19-src-query',
  'SECRET-20-after-toggle',
  'SECRET-22-became-masked',
  'SECRET-23-later-input',
  'SECRET-24-inserted-text',
  'SECRET-25-inserted-value',
  'SECRET-27-hidden-text',
  'SECRET-28-hidden-value',
  'SECRET-31-config-hidden',
  'SECRET-35-inserted-title',
  ...leakClassSecrets,
  'SECRET-55-query',
  'SECRET-56-token',
  'SECRET-57-fragment',
  '2031-07-19',
];
const secrets = [...Object.values(typed), ...inPage];

describe('co-browse masking (real Chromium, every frame the page sends)', () => {
  it('sends no secret of a masked or hidden element, typed or not, and the agent sees none', async () => {
    const shop = await newPage();
    const sent: string[] = [];
    shop.on('websocket', (socket) =>
      socket.on('framesent', ({ payload }) =>
        sent.push(typeof payload === 'string' ? payload : payload.toString()),
      ),
    );
    // Class 6: the page's own address holds secrets in its query and fragment; one parameter is allowed.
    await shop.goto(
      `${env.host.url}/fixtures/cobrowse-leak.html?lang=en&email=SECRET-55-query&reset=SECRET-56-token#SECRET-57-fragment`,
    );
    // Some typed before the session (they are in the first snapshot), the rest while the agent watches.
    await shop.locator('#m-text').pressSequentially(typed['#m-text']);
    await shop.locator('#password').pressSequentially(typed['#password']);
    await shop.getByRole('button', { name: 'Contact us' }).waitFor(); // Tandem is ready
    const { sessionId } = await shop.evaluate(() =>
      (window as unknown as { Tandem: (...a: unknown[]) => Promise<{ sessionId: string }> }).Tandem(
        'command',
        'Cobrowse.start',
      ),
    );

    const desk = await newPage();
    await desk.goto(`${env.host.url}/agent/`);
    await desk.getByLabel('Username').fill('alice');
    await desk.getByLabel('Password').fill('alice');
    await desk.getByRole('button', { name: 'Log in' }).click();
    await desk.getByLabel('Session id').fill(sessionId);
    await desk.getByRole('button', { name: 'Join' }).click();
    const view = desk.locator('.cobrowse-view');
    await view.getByText('Live', { exact: true }).waitFor();

    for (const [selector, value] of Object.entries(typed)) {
      if (selector === '#m-text' || selector === '#password') continue;
      await shop.locator(selector).click();
      await shop.keyboard.type(value);
    }
    await shop.locator('#m-date').fill('2031-07-19');
    await shop.locator('#m-check').check();
    await shop.locator('#m-radio').check();
    await shop.locator('#m-select').selectOption('SECRET-08-option-value');
    await shop.locator('#m-range').focus();
    await shop.keyboard.press('ArrowRight');
    await shop.locator('#m-editable').click();
    await shop.keyboard.press('End');
    await shop.keyboard.type('SECRET-12-editable-typed');
    await shop.locator('#toggle-password').click();
    await shop.locator('#password').click();
    await shop.keyboard.press('End');
    await shop.keyboard.type('SECRET-20-after-toggle');
    await shop.locator('#mask-later').click();
    await shop.locator('#later-input').click();
    await shop.keyboard.type('SECRET-23-later-input');
    await shop.locator('#insert-later').click();
    await shop.locator('#restyle-later').click();
    await shop.waitForTimeout(300);
    // A fresh full snapshot holds every value as it is now.
    await desk.getByRole('button', { name: 'Refresh view' }).click();
    await shop.waitForTimeout(500);

    const frameHandle = await desk.locator('.cobrowse-view iframe').elementHandle();
    const replay = await frameHandle?.contentFrame();
    if (!replay) throw new Error('no replay frame');
    await replay.locator('#inserted div').waitFor({ state: 'attached' });

    // Every byte sent, raw and with rrweb's events joined from their parts.
    const events = sent
      .map((text) => JSON.parse(text) as { name?: string; payload?: { data?: { text?: string } } })
      .filter((frame) => frame.name === 'cobrowse.frame' && typeof frame.payload?.data?.text === 'string')
      .map((frame) => frame.payload?.data?.text)
      .join('');
    expect(events.length).toBeGreaterThan(1000);
    const everything = `${sent.join('\n')}\n${events}`;
    for (const secret of secrets) expect(everything, secret).not.toContain(secret);
    // Checked state, selected option and the length of a masked value do not leave either.
    expect(events).not.toMatch(/"checked":true|"isChecked":true|"selected":true/);
    expect(everything).not.toMatch(/[•*]{7,}|\*{3,}/);

    const agentDom = `${await replay.content()}\n${await desk.content()}`;
    for (const secret of secrets) expect(agentDom, secret).not.toContain(secret);
    expect(await replay.locator('#m-check').isChecked()).toBe(false);
    expect(await replay.locator('#m-text').inputValue()).toBe('••••••');
    // A hidden element is a blank box of the same size, with nothing else of its own: no class, no id.
    const placeholder = replay.locator('[data-tandem-hide]').first(); // the 320 × 60 box, first on the page
    const size = await placeholder.evaluate((element) => [
      (element as HTMLElement).offsetWidth,
      (element as HTMLElement).offsetHeight,
    ]);
    expect(size).toEqual([320, 60]);
    expect(await placeholder.evaluate((element) => element.childNodes.length)).toBe(0);
    expect(await placeholder.evaluate((element) => element.className + element.id)).toBe('');
    // The agent sees the page's address with the allowed parameter only, in the view and the page list.
    await desk
      .getByText(/cobrowse-leak\.html\?lang=en ·/)
      .first()
      .waitFor();
    // The public text is there: masking did not blank the page.
    await replay.getByText('Nothing secret here.').waitFor();
  });
});
