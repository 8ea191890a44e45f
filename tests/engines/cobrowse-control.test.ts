import { describe, expect, it } from 'vitest';
import { clickInView, cobrowsePages, joinById, viewShowsHeading } from '../support/cobrowse';
import { aroundTheClock, startCobrowse, useEngine } from '../support/engines';
import { useHost } from '../support/host';

// The customer in this engine, the agent desktop in Chromium.
const env = useHost({ config: aroundTheClock() });
const engine = useEngine();
const { agentDesk } = cobrowsePages(env);

describe(`co-browse write mode (${engine.name} customer, Chromium agent desktop)`, () => {
  it('the customer allows control; the agent fills the framework-controlled form and the page’s state follows', async () => {
    const shop = await engine.open(`${env.host.url}/order.html`);
    await shop.find({ role: 'form', name: 'Quick order' });
    const sessionId = await startCobrowse(shop);
    const desk = await agentDesk();
    await joinById(desk, sessionId);
    await viewShowsHeading(desk, 'Quick order');

    await desk.getByRole('button', { name: 'Request control' }).click();
    await desk.getByText('Waiting for the customer’s answer…').waitFor();
    const consent = { role: 'alertdialog', name: 'Allow Alice Martin to control this page?' };
    await shop.click({ role: 'button', name: 'Allow', within: consent });
    await shop.find({ text: 'Alice Martin can click and type on this page' });
    await desk.getByRole('heading', { name: /write mode/ }).waitFor();

    const summary = (part: string) => shop.text(`[data-summary="${part}"]`);
    await clickInView(desk, '[name="name"]');
    await desk.keyboard.type('Grace Hopper');
    await expect.poll(() => summary('who')).toBe('For Grace Hopper');
    expect(await shop.evaluate(() => document.querySelector<HTMLInputElement>('[name="name"]')?.value)).toBe(
      'Grace Hopper',
    );
    // A select opens as a list on the agent's side; a radio and a checkbox by click.
    await clickInView(desk, '[name="bean"]');
    await desk.getByLabel('Choose for the customer').selectOption('huila');
    await clickInView(desk, 'input[value="Espresso"]');
    await clickInView(desk, '[name="gift"]');
    await expect.poll(() => summary('what')).toBe('1 × Colombia Huila, espresso, gift wrapped');

    await desk.getByRole('button', { name: 'End co-browse' }).click();
    await shop.find({ text: 'The agent stopped viewing this tab.' });
  });
});
