import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cobrowsePages, joinById, viewShowsHeading } from '../support/cobrowse';
import { aroundTheClock, startCobrowse, useEngine } from '../support/engines';
import { useHost } from '../support/host';

// The customer in this engine, the agent desktop in Chromium.
const env = useHost({ config: aroundTheClock() });
const engine = useEngine();
const { agentDesk } = cobrowsePages(env);

/** What the agent's replay holds: its markup and every field's value. */
function replayed(desk: Page) {
  return desk.evaluate(() => {
    const view = document.querySelector<HTMLIFrameElement>('.cobrowse-view iframe')?.contentDocument;
    const fields = [...(view?.querySelectorAll<HTMLInputElement>('input, textarea') ?? [])];
    return {
      markup: view?.documentElement.outerHTML ?? '',
      values: Object.fromEntries(fields.map((field) => [field.name, field.value])),
    };
  });
}

// Typed by the customer into fields masked by default (password, cc-*, one-time-code), by
// data-tandem-mask (address) and by the page's config (notes).
const secrets = {
  password: 'SECRET-password-71',
  address: 'SECRET-address-72',
  notes: 'SECRET-notes-73',
  cc: '4111111111111111',
  // Not short digit runs: a co-browse id or a timestamp on the desktop could hold '737' by chance.
  exp: 'SECRET-exp-74',
  cvc: 'SECRET-cvc-75',
  otp: 'SECRET-otp-76',
};

describe(`co-browse with masked fields (${engine.name} customer, Chromium agent desktop)`, () => {
  it('the agent sees the checkout page and what is typed in it, but no masked value', async () => {
    const shop = await engine.open(`${env.host.url}/checkout.html`);
    const sessionId = await startCobrowse(shop);
    const desk = await agentDesk();
    await joinById(desk, sessionId);
    await viewShowsHeading(desk, 'Checkout');
    await shop.find({ role: 'region', name: 'Share this tab' });

    for (const [name, secret] of Object.entries(secrets)) await shop.type(`[name="${name}"]`, secret);
    // Typed last and not masked: once the agent sees it, every value before it has been replayed. (A value
    // is sent when it changes, as the field loses focus.)
    await shop.type('[name="name"]', 'Ada Lovelace');
    await shop.press('[name="name"]', 'Tab');
    await expect.poll(async () => (await replayed(desk)).values).toMatchObject({ name: 'Ada Lovelace' });
    expect(await shop.evaluate(() => (document.querySelector('[name="cc"]') as HTMLInputElement).value)).toBe(
      secrets.cc,
    );

    // The agent sees that each masked field was filled in, and with what it cannot tell.
    const masked = Object.fromEntries(Object.keys(secrets).map((name) => [name, '••••••']));
    const expectNoLeak = async () => {
      const { markup, values } = await replayed(desk);
      expect(values).toMatchObject(masked);
      const everything = `${markup}\n${await desk.content()}`;
      expect(Object.values(secrets).filter((secret) => everything.includes(secret))).toEqual([]);
    };
    await expectNoLeak();

    // A fresh full snapshot holds every value as it is now: still none of the secrets.
    const before = await desk.locator('.cobrowse-view iframe').elementHandle();
    await desk.getByRole('button', { name: 'Refresh view' }).click();
    await expect.poll(() => before?.evaluate((frame) => frame.isConnected)).toBe(false);
    await expect.poll(async () => (await replayed(desk)).values).toMatchObject({ name: 'Ada Lovelace' });
    await expectNoLeak();
  });
});
