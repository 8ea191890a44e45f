import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { defaultConfigPath } from '../../examples/host/server';
import { axeViolations } from '../support/axe';
import {
  clickInView,
  cobrowsePages,
  joinById,
  refused,
  startByApi,
  viewShowsHeading,
  wheelInView,
} from '../support/cobrowse';
import { asSupervisor, useHost } from '../support/host';

const config = JSON.parse(readFileSync(defaultConfigPath, 'utf8'));
delete config.hours;
const env = useHost({ config });
const { open, agentDesk } = cobrowsePages(env);

const summary = (shop: Page, part: string) => shop.locator(`[data-summary="${part}"]`);

/** The agent asks for control and the customer answers; both sides then show the mode. */
async function askForControl(desk: Page, shop: Page, answer: 'Allow' | 'Deny'): Promise<void> {
  await desk.getByRole('button', { name: 'Request control' }).click();
  await desk.getByText('Waiting for the customer’s answer…').waitFor();
  const dialog = shop.getByRole('alertdialog', { name: 'Allow Alice Martin to control this page?' });
  await dialog.waitFor();
  expect(await axeViolations(shop), 'consent dialog').toEqual([]);
  await dialog.getByRole('button', { name: answer }).click();
  if (answer === 'Allow') {
    await shop.getByText('Alice Martin can click and type on this page').waitFor();
    await desk.getByRole('heading', { name: /write mode/ }).waitFor();
  } else {
    await desk.getByText('The customer said no.').waitFor();
  }
}

/**
 * Frames reach the customer in order: once the agent's pointer has moved on the customer's page, every
 * action sent before it has been dealt with. A check that nothing happened can follow without a timer.
 */
async function afterAgentFrames(desk: Page, shop: Page): Promise<void> {
  const pointer = shop.locator('[data-tandem-host]');
  const where = () =>
    pointer.evaluate(
      (host) => host.shadowRoot?.querySelector<HTMLElement>('.cobrowse-pointer')?.style.transform ?? '',
    );
  const before = await where();
  const box = await desk.locator('.cobrowse-view iframe').boundingBox();
  if (!box) throw new Error('no view');
  const x = box.x + 40 + Math.round(Math.random() * (box.width - 80));
  await desk.mouse.move(x, box.y + box.height - 30, { steps: 4 });
  await expect.poll(where).not.toBe(before);
}

describe('co-browse write mode on the demo shop (real Chromium, reference server, agent desktop)', () => {
  it('the agent fills a framework-controlled form with consent; protected elements refuse; the customer takes control back', async () => {
    const shop = await open('/order.html');
    await shop.getByRole('form', { name: 'Quick order' }).waitFor();
    const sessionId = await startByApi(shop);
    const desk = await agentDesk();
    const frame = await joinById(desk, sessionId);
    await frame.getByRole('heading', { name: 'Quick order' }).waitFor();

    await askForControl(desk, shop, 'Allow');
    expect(await axeViolations(shop), 'write mode').toEqual([]);
    expect(await axeViolations(desk), 'agent desktop in write mode').toEqual([]);

    // Typing reaches the app's state: its summary renders what the agent typed.
    await clickInView(desk, '[name="name"]');
    await desk.keyboard.type('Grace Hopper');
    await expect.poll(() => summary(shop, 'who').textContent()).toBe('For Grace Hopper');
    // Tab moves to the next field on the customer's page, and the agent's typing follows it there.
    await desk.keyboard.press('Tab');
    await expect
      .poll(() => shop.evaluate(() => (document.activeElement as HTMLInputElement).name))
      .toBe('email');
    await desk.keyboard.type('grace@example.com');
    await expect.poll(() => summary(shop, 'who').textContent()).toBe('For Grace Hopper (grace@example.com)');
    // A select opens as a list on the agent's side; radios and checkboxes by click.
    await clickInView(desk, '[name="bean"]');
    await desk.getByLabel('Choose for the customer').selectOption('huila');
    await clickInView(desk, 'input[value="Espresso"]');
    await clickInView(desk, '[name="gift"]');
    await expect
      .poll(() => summary(shop, 'what').textContent())
      .toBe('1 × Colombia Huila, espresso, gift wrapped');
    // The agent's view shows the customer's page as it now is.
    await expect.poll(() => frame.locator('[data-summary="what"]').textContent()).toContain('Colombia Huila');

    // The agent scrolls the customer's page with the wheel.
    await wheelInView(desk, 400);
    await expect.poll(() => shop.evaluate(() => window.scrollY)).toBeGreaterThan(200);

    // Protected: the masked card field, the readonly submit button, the hidden loyalty box.
    await refused(desk, 'This field is protected', () => clickInView(desk, '[name="card"]'));
    await desk.keyboard.type('4111111111111111');
    expect(await shop.locator('[name="card"]').inputValue()).toBe('');
    await refused(desk, 'This field is protected', () => clickInView(desk, 'button[type="submit"]'));
    // The hidden box is a bare placeholder in the view (no class, no id): found by its tag.
    await refused(desk, 'This field is protected', () => clickInView(desk, '[data-tandem-hide]'));
    expect(await summary(shop, 'what').textContent()).toBe('1 × Colombia Huila, espresso, gift wrapped');
    expect(await shop.getByText('Order placed').count()).toBe(0);

    // The customer takes control back mid-typing: nothing the agent types after that reaches the page.
    await clickInView(desk, '[name="notes"]');
    await desk.keyboard.type('Leave at');
    await expect.poll(() => summary(shop, 'notes').textContent()).toBe('Notes: Leave at');
    await shop.keyboard.press('Escape');
    await shop.getByText('You are sharing this tab with Alice Martin').waitFor();
    await desk.keyboard.type(' the door');
    await desk.getByRole('heading', { name: /pointer mode/ }).waitFor();
    await desk.keyboard.type(' please');
    await afterAgentFrames(desk, shop);
    expect(await summary(shop, 'notes').textContent()).toBe('Notes: Leave at');

    // A denied request leaves the agent pointing only.
    await shop.evaluate(() => window.scrollTo(0, 0));
    await askForControl(desk, shop, 'Deny');
    await clickInView(desk, '[name="name"]');
    await desk.keyboard.type(' Jr');
    await afterAgentFrames(desk, shop);
    expect(await summary(shop, 'who').textContent()).toBe('For Grace Hopper (grace@example.com)');
    expect(await shop.locator('[name="name"]').inputValue()).toBe('Grace Hopper');

    // The refusals were this session's: the next session the agent joins shows none.
    expect(await desk.locator('.refusal').textContent()).not.toBe('');
    await desk.getByRole('button', { name: 'End co-browse' }).click();
    await shop.getByText('The agent stopped viewing this tab.').waitFor();
    await joinById(desk, await startByApi(shop));
    expect(await desk.locator('.refusal').textContent()).toBe('');
  });

  it('keeps the session across pages: the agent follows a link, sees where the customer went and every page', async () => {
    const shop = await open('/order.html');
    const sessionId = await startByApi(shop);
    const desk = await agentDesk();
    await joinById(desk, sessionId);
    await askForControl(desk, shop, 'Allow');

    // A link within the site, followed by the agent in write mode.
    await clickInView(desk, 'nav a[href$="/product.html"]');
    await shop.waitForURL('**/product.html');
    await desk.getByText('Customer went to /product.html').waitFor();
    await viewShowsHeading(desk, 'Ethiopia Guji');
    await shop.getByText('Alice Martin can click and type on this page').waitFor();

    // The customer goes on by themselves, and reloads.
    await shop.getByRole('link', { name: 'Checkout' }).click();
    await desk.getByText('Customer went to /checkout.html').waitFor();
    await shop.reload();
    await shop.getByText('Alice Martin can click and type on this page').waitFor();
    await viewShowsHeading(desk, 'Checkout');
    const pages = desk.getByRole('list', { name: 'Pages visited' }).getByRole('listitem');
    await expect
      .poll(() => pages.allTextContents())
      .toEqual(['/order.html', '/product.html', '/checkout.html']);
    expect(await axeViolations(desk), 'agent desktop after navigation').toEqual([]);

    // On the new page the agent still acts, and protected fields there still refuse.
    await refused(desk, 'This field is protected', () => clickInView(desk, '[name="notes"]'));

    // The agent draws: a rectangle and the laser show on the customer's page, and are never captured back.
    const marks = (selector: string) =>
      shop
        .locator('[data-tandem-host]')
        .evaluate((host, s) => host.shadowRoot?.querySelectorAll(s).length ?? 0, selector);
    const view = await desk.locator('.cobrowse-view iframe').boundingBox();
    if (!view) throw new Error('no view');
    await desk.getByRole('radio', { name: 'Rectangle' }).check();
    await desk.mouse.move(view.x + 60, view.y + 60);
    await desk.mouse.down();
    await desk.mouse.move(view.x + 200, view.y + 140, { steps: 5 });
    await desk.mouse.up();
    await expect.poll(() => marks('.cobrowse-rect rect')).toBe(1);
    await desk.getByRole('radio', { name: 'Laser' }).check();
    await desk.mouse.move(view.x + 220, view.y + 200, { steps: 5 });
    await expect.poll(() => marks('.cobrowse-laser')).toBeGreaterThan(0);
    const replayed = await desk.evaluate(
      () =>
        document.querySelector<HTMLIFrameElement>('.cobrowse-view iframe')?.contentDocument?.body.innerHTML ??
        '',
    );
    expect(replayed).not.toMatch(/cobrowse-(mark|rect|laser|annotations)/);
    await desk.getByRole('radio', { name: 'Pointer' }).check();

    // A page without Tandem pauses the session; back on the site, it resumes where it was.
    await shop.goto(`${env.host.url}/fixtures/no-tandem.html`);
    await desk.getByText('The customer is opening another page…').waitFor();
    await shop.goto(`${env.host.url}/order.html`);
    await shop.getByText('Alice Martin can click and type on this page').waitFor();
    await viewShowsHeading(desk, 'Quick order');
    await desk.getByText('Customer went to /order.html').waitFor();

    await desk.getByRole('button', { name: 'End co-browse' }).click();
    await shop.getByText('The agent stopped viewing this tab.').waitFor();
    const report = (await (
      await fetch(`${env.host.url}/api/reports/cobrowse`, asSupervisor)
    ).json()) as Array<Record<string, unknown>>;
    const session = report.find((entry) => entry.sessionId === sessionId);
    expect(session).toMatchObject({
      pages: ['order', 'product', 'checkout', 'order'].map((name) => `${env.host.url}/${name}.html`),
      modes: [
        { mode: 'pointer', start: expect.any(Number), end: expect.any(Number) },
        { mode: 'write', start: expect.any(Number), end: expect.any(Number) },
      ],
    });
  });
});
