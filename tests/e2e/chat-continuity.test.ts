import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { watchPage } from '../support/browser';
import { agentOverWebSocket, useHost } from '../support/host';

const env = useHost();

let watched: { problems: string[] };

afterEach(() => {
  expect(watched.problems).toEqual([]);
});

/** The texts in the conversation log, in order. */
const logTexts = (page: Page) =>
  page
    .getByRole('log', { name: 'Conversation' })
    .locator('.bubble')
    .evaluateAll((bubbles) => bubbles.map((bubble) => bubble.textContent ?? ''));

describe('a chat that outlives transfers, reloads, navigation and a dropped connection (real Chromium)', () => {
  it('keeps every message exactly once and shows who the customer is talking to', async () => {
    const alice = agentOverWebSocket(env.host, 'alice');
    const bruno = agentOverWebSocket(env.host, 'bruno');
    let interactionId = '';
    alice.on('invite', (invite) => {
      interactionId = invite.interactionId;
      void alice.accept(invite.interactionId);
    });
    bruno.on('invite', (invite) => void bruno.accept(invite.interactionId));
    await alice.start();
    await bruno.start();
    await alice.setState('Ready');

    const page = await (await env.browser.newContext()).newPage();
    watched = watchPage(page);
    await page.goto(`${env.host.url}/`);
    await page.getByRole('button', { name: 'Questions? Chat with us' }).click();
    const chat = page.getByRole('dialog', { name: /^Chat/ });
    await chat.getByLabel('Your name').fill('Ada');
    await chat.getByRole('button', { name: 'Start chat' }).click();
    await page.getByRole('dialog', { name: 'Chat with Alice Martin' }).waitFor();
    const box = page.getByRole('textbox', { name: 'Type your message' });
    await box.fill('First question');
    await box.press('Enter');
    await alice.send(interactionId, 'First answer');
    await chat.getByText('First answer').waitFor();

    // A reload mid-chat: the window comes back open with the same history, once.
    await page.reload();
    await page.getByRole('dialog', { name: 'Chat with Alice Martin' }).waitFor();
    await chat.getByText('First answer').waitFor();
    expect(await logTexts(page)).toEqual(['First question', 'First answer']);

    // A navigation to another page of the site, the same.
    await page.goto(`${env.host.url}/product.html`);
    await chat.getByText('First answer').waitFor();
    await box.fill('Second question, from the product page');
    await box.press('Enter');
    await alice.send(interactionId, 'Second answer');
    await chat.getByText('Second answer').waitFor();
    expect(await logTexts(page)).toEqual([
      'First question',
      'First answer',
      'Second question, from the product page',
      'Second answer',
    ]);

    // The connection drops (every socket cut at the server) while both sides keep talking.
    for (const socket of env.host.sockets) socket.terminate();
    await box.fill('Sent while the line was down');
    await box.press('Enter');
    await alice.send(interactionId, 'Also sent during the cut');
    await chat.getByText('Also sent during the cut').waitFor();
    await expect.poll(() => chat.getByText('Sending…').count()).toBe(0);

    // A transfer: the customer sees it happen and who took over.
    await bruno.setState('Ready');
    await alice.transfer(interactionId, { toAgentId: 'bruno' });
    await page.getByRole('dialog', { name: 'Chat with Bruno Costa' }).waitFor();
    await chat.getByText('Alice Martin transferred the chat to Bruno Costa').waitFor();
    await bruno.send(interactionId, 'Bruno here, I can help with that.');
    await chat.getByText('Bruno here, I can help with that.').waitFor();

    expect(await logTexts(page)).toEqual([
      'First question',
      'First answer',
      'Second question, from the product page',
      'Second answer',
      'Sent while the line was down',
      'Also sent during the cut',
      'Bruno here, I can help with that.',
    ]);
    const seenByAgents = env.host.contactCenter.interactions
      .get(interactionId)
      ?.transcript.filter((m) => m.from === 'customer')
      .map((m) => m.text);
    expect(seenByAgents).toEqual([
      'First question',
      'Second question, from the product page',
      'Sent while the line was down',
    ]);
    alice.stop();
    bruno.stop();
  });
});
