import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultConfigPath } from '../../examples/host/server';
import { axeViolations } from '../support/axe';
import { chatWithAlice, cobrowsePages, replayFrame, startByApi } from '../support/cobrowse';
import { useHost } from '../support/host';

// The demo contact center, open around the clock so that chat can start on any day.
const config = JSON.parse(readFileSync(defaultConfigPath, 'utf8'));
delete config.hours;
const env = useHost({ config });

const { open, agentDesk } = cobrowsePages(env);

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
    expect(await frame.locator('body').evaluate((body) => body.innerHTML)).not.toMatch(
      /cobrowse-(bar|panel|pointer|highlight)|Stop sharing/,
    );
    expect(await axeViolations(shop), 'sharing').toEqual([]);

    await shop.getByRole('button', { name: 'Stop sharing' }).click();
    await view.getByText('Co-browse ended: customer').waitFor();
    await shop.getByText('You stopped sharing this tab.').waitFor();
  });

  it('chat-started: the chat agent joins at once, from the chat actions menu', async () => {
    const desk = await agentDesk();
    const shop = await open('/');
    const connected = await chatWithAlice(desk, shop);
    await connected.getByRole('button', { name: 'More actions' }).click();
    await connected.getByRole('button', { name: 'Share this page with the agent' }).click();
    await shop
      .getByRole('region', { name: 'Share this tab' })
      .getByText(/sharing this tab with Alice/)
      .waitFor();
    await desk.locator('.cobrowse-view').getByText('Live', { exact: true }).waitFor();
    const frame = await replayFrame(desk);
    await frame.getByRole('heading', { level: 1 }).first().waitFor();

    // Pointer mode: an agent click highlights the element on the customer's page, and does nothing else.
    const view = desk.locator('.cobrowse-view [aria-hidden="true"]').last();
    const box = await view.boundingBox();
    if (!box) throw new Error('no view');
    await desk.mouse.move(box.x + 40, box.y + 40);
    await desk.mouse.click(box.x + 40, box.y + 40);
    await shop.locator('[data-tandem-host]').evaluate(
      (host) =>
        new Promise<void>((resolve) => {
          const check = () =>
            host.shadowRoot?.querySelector('.cobrowse-highlight') ? resolve() : setTimeout(check, 20);
          check();
        }),
    );
    expect(await shop.evaluate(() => location.pathname)).toBe('/');
    await desk.getByRole('button', { name: 'End co-browse' }).click();
    await shop.getByText('The agent stopped viewing this tab.').waitFor();
    await desk.locator('.cobrowse-view').getByText('Co-browse ended: agent').waitFor();
  });

  it('locks the agent out for a minute after five wrong session ids', async () => {
    const desk = await agentDesk('bruno');
    for (let attempt = 0; attempt < 5; attempt++) {
      await desk.getByLabel('Session id').fill(`99999999${attempt}`);
      await desk.getByRole('button', { name: 'Join' }).click();
      await desk.getByRole('alert').filter({ hasText: 'no live co-browse session has that id' }).waitFor();
    }
    const shop = await open('/product.html');
    const sessionId = await startByApi(shop);
    await desk.getByLabel('Session id').fill(sessionId);
    await desk.getByRole('button', { name: 'Join' }).click();
    await desk
      .getByRole('alert')
      .filter({ hasText: /too many wrong session ids: try again in \d+ s/ })
      .waitFor();
    expect(await desk.locator('.cobrowse-view').count()).toBe(0);
  });

  it('never runs the customer page’s scripts in the agent’s window', async () => {
    // The hostile page's own broken image and refused refresh are its business, not Tandem's.
    const shop = await open(
      '/fixtures/cobrowse-hostile.html',
      undefined,
      /404 \(Not Found\)|Refused to refresh/,
    );
    const sessionId = await startByApi(shop);
    // In the agent's view the page's broken images fail too, and the sandbox reports what it blocked.
    const desk = await agentDesk('chen', /404 \(Not Found\)|Blocked script execution .* sandboxed/);
    await desk.getByLabel('Session id').fill(sessionId);
    await desk.getByRole('button', { name: 'Join' }).click();
    await desk.locator('.cobrowse-view').getByText('Live', { exact: true }).waitFor();
    const frame = await replayFrame(desk);
    await frame.getByRole('heading', { name: /tries to run/ }).waitFor();
    await shop.locator('#inject').click();
    await frame.getByText('Another script link').waitFor();
    await frame.locator('#js-link').dispatchEvent('click');
    await desk.waitForTimeout(300);
    expect(
      await desk.evaluate(() => (window as { __tandemHacked?: unknown }).__tandemHacked),
    ).toBeUndefined();
    expect(await frame.locator('script').count()).toBe(0);
    expect(await frame.locator('[onerror], [onload], [onclick], [srcdoc]').count()).toBe(0);
    expect(await frame.locator('a[href^="javascript:"]').count()).toBe(0);
  });

  it('shows the agent what the customer sees (screenshots of both, scaled to the same size)', async () => {
    const shop = await open('/product.html', { width: 1000, height: 700 });
    const sessionId = await startByApi(shop);
    const desk = await agentDesk('dana');
    await desk.getByLabel('Session id').fill(sessionId);
    await desk.getByRole('button', { name: 'Join' }).click();
    await desk.locator('.cobrowse-view').getByText('Live', { exact: true }).waitFor();
    const frame = await replayFrame(desk);
    await frame.getByRole('heading', { name: 'Ethiopia Guji' }).waitFor();
    await shop.mouse.move(5, 695); // the customer's pointer out of the way, as on the agent's side
    await desk.waitForTimeout(500);
    // Our own bar is drawn over the customer's page and never sent: leave it out of the comparison.
    await shop.locator('[data-tandem-host]').evaluate((host) => {
      (host as HTMLElement).style.setProperty('visibility', 'hidden', 'important');
    });
    const customer = await shop.screenshot();
    const agent = await desk.locator('.cobrowse-view iframe').screenshot();
    const difference = await shop.evaluate(
      async ([a, b]) => {
        const pixels = async (base64: string) => {
          const image = new Image();
          image.src = `data:image/png;base64,${base64}`;
          await image.decode();
          const canvas = document.createElement('canvas');
          canvas.width = 100;
          canvas.height = 70;
          const context = canvas.getContext('2d');
          context?.drawImage(image, 0, 0, 100, 70);
          return context?.getImageData(0, 0, 100, 70).data ?? new Uint8ClampedArray();
        };
        const [left, right] = [await pixels(a ?? ''), await pixels(b ?? '')];
        let sum = 0;
        for (let i = 0; i < left.length; i++) sum += Math.abs((left[i] ?? 0) - (right[i] ?? 0));
        return sum / left.length / 255;
      },
      [customer.toString('base64'), agent.toString('base64')],
    );
    expect(difference).toBeLessThan(0.03);

    // The customer leaves the page: the agent sees that they are navigating, not a frozen view.
    await shop.getByRole('link', { name: 'Checkout' }).first().click();
    await desk.locator('.cobrowse-view').getByText('The customer is opening another page…').waitFor();
  });
});
