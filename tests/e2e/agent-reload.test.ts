import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { defaultConfigPath } from '../../examples/host/server';
import { axeViolations } from '../support/axe';
import { chatWithAlice, cobrowsePages } from '../support/cobrowse';
import { useHost } from '../support/host';

// Issue 18: an agent who reloads the desktop stays signed in and gets the live conversation back, and
// the visitor's messages reach her: every message once, on both sides.
const config = JSON.parse(readFileSync(defaultConfigPath, 'utf8'));
delete config.hours;
const env = useHost({ config });
const { open, agentDesk } = cobrowsePages(env);

const texts = (page: Page, name: string) =>
  page
    .getByRole('log', { name })
    .evaluate((log) => log.textContent ?? '')
    .catch(() => '');

describe('the agent desktop reloaded mid-conversation (real Chromium)', () => {
  it('comes back signed in with the conversation whole, and both sides go on, every message once', async () => {
    const desk = await agentDesk();
    const shop = await open('/');
    const chat = await chatWithAlice(desk, shop);
    await chat.getByLabel('Message').fill('Before the reload');
    await chat.getByRole('button', { name: 'Send' }).click();
    await desk.getByRole('log', { name: 'Transcript' }).getByText('Before the reload').waitFor();

    await desk.reload();
    // No login form: the tab's session signs her back in, and the conversation returns with its transcript.
    const transcript = desk.getByRole('log', { name: 'Transcript' });
    await transcript.getByText('Before the reload').waitFor();
    expect(await desk.getByLabel('Password').count()).toBe(0);
    await desk.getByText('Grace Hopper').first().waitFor();

    await chat.getByLabel('Message').fill('After the reload');
    await chat.getByRole('button', { name: 'Send' }).click();
    await transcript.getByText('After the reload').waitFor();
    await desk.getByLabel('Message').fill('I am still here');
    await desk.getByRole('button', { name: 'Send' }).click();
    await chat.getByRole('log', { name: 'Conversation' }).getByText('I am still here').waitFor();

    const onDesk = await texts(desk, 'Transcript');
    const inShop = await texts(shop, 'Conversation');
    for (const line of ['Before the reload', 'After the reload', 'I am still here']) {
      expect(onDesk.split(line).length - 1, `desk: ${line}`).toBe(1);
      expect(inShop.split(line).length - 1, `shop: ${line}`).toBe(1);
    }
    expect(await axeViolations(desk), 'desktop after the reload').toEqual([]);

    // Logging out forgets the tab's session: a reload then asks for the password.
    await desk.getByRole('button', { name: 'End chat' }).click();
    await desk.getByRole('button', { name: 'Wrap up' }).click();
    await desk.getByRole('button', { name: 'Log out' }).click();
    await desk.getByLabel('Password').waitFor();
    await desk.reload();
    await desk.getByLabel('Password').waitFor();
  });
});
