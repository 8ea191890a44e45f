import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { watchPage } from '../support/browser';
import { agentOverWebSocket, useHost } from '../support/host';

const env = useHost();

describe('npm example at /npm-example/ (built from the packages’ dist, real Chromium)', () => {
  it('chats through its own UI on the headless Chat API, and keeps the chat across a reload', async () => {
    const agent = agentOverWebSocket(env.host, 'chen');
    agent.on('invite', (invite) => void agent.accept(invite.interactionId));
    let conversation = '';
    agent.on('connected', (event) => {
      conversation = event.interactionId;
    });
    await agent.start();
    await agent.setState('Ready');

    const page = await (await env.browser.newContext()).newPage();
    const watched = watchPage(page);
    await page.goto(`${env.host.url}/npm-example/`);
    await page.getByRole('button', { name: 'Ask a barista' }).click();
    const log = page.getByRole('log', { name: 'Conversation' });
    await page.getByRole('status').filter({ hasText: 'Chatting with Chen Wei' }).waitFor();
    await page.getByLabel('Your message').fill('Which grind for a moka pot? <script>alert(1)</script>');
    await page.getByRole('button', { name: 'Send' }).click();
    await log.getByText('You: Which grind for a moka pot? <script>alert(1)</script>').waitFor();
    await expect.poll(() => conversation).not.toBe('');
    await agent.send(conversation, 'A fine grind, a little coarser than espresso.');
    await log.getByText('Chen Wei: A fine grind, a little coarser than espresso.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.reload();
    await page.getByRole('button', { name: 'Ask a barista' }).click();
    await log.getByText('Chen Wei: A fine grind, a little coarser than espresso.').waitFor();
    const texts = await log.getByRole('listitem').allTextContents();
    expect(texts.filter((t) => t.includes('moka pot'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('coarser than espresso'))).toHaveLength(1);
    expect(watched.problems).toEqual([]);
    agent.stop();
  });
});
