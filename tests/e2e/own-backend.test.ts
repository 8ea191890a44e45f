import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { watchPage } from '../support/browser';
import { useHost } from '../support/host';

const env = useHost();

describe('the widgets on a backend of the page’s own, offering chat alone (real Chromium)', () => {
  it('lists chat alone though the site lists every channel, chats with the desk’s bot, and keeps it on reload', async () => {
    const page = await (await env.browser.newContext()).newPage();
    const watched = watchPage(page);
    await page.goto(`${env.host.url}/npm-example/own-backend.html`);
    await page.getByRole('button', { name: 'Contact us' }).click();
    const selector = page.getByRole('dialog', { name: 'How would you like to reach us?' });
    await selector.getByRole('button', { name: /Chat with us/ }).waitFor();
    const offered = await selector.getByRole('button').allTextContents();
    expect(offered.filter((text) => text.trim() !== '')).toEqual([expect.stringMatching(/^Chat with us/)]);
    expect(await axeViolations(page), 'selector').toEqual([]);
    await selector.getByRole('button', { name: /Chat with us/ }).click();
    const chat = page.getByRole('dialog', { name: /Chat/ });
    await chat.getByLabel('Your name').fill('Zoé');
    await chat.getByRole('button', { name: 'Start chat' }).click();
    const log = chat.getByRole('log');
    await log.getByText('Hello! Ask me which grind suits your coffee maker.').waitFor();
    await chat.getByRole('textbox', { name: 'Type your message' }).fill('And for a French press?');
    await chat.getByRole('textbox', { name: 'Type your message' }).press('Enter');
    await log.getByText('For a French press: a coarse grind, and four minutes.').waitFor();
    expect(await axeViolations(page), 'chat').toEqual([]);

    await page.reload();
    const after = page.getByRole('dialog', { name: /Chat/ }).getByRole('log');
    await after.getByText('coarse grind').waitFor();
    const transcript = (await after.textContent()) ?? '';
    expect(transcript.split('And for a French press?')).toHaveLength(2); // there once, not lost nor doubled
    expect(watched.problems).toEqual([]);
  });
});
