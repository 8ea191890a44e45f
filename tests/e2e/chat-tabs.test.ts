import { afterEach, describe, expect, it } from 'vitest';
import { watchPage } from '../support/browser';
import { agentOverWebSocket, useHost } from '../support/host';

const env = useHost();

const watchers: Array<{ problems: string[] }> = [];
afterEach(() => {
  for (const watched of watchers.splice(0)) expect(watched.problems).toEqual([]);
});

describe('several tabs of the shop (real Chromium)', () => {
  it('show the same conversation over one connection, ring once, and hand the connection on', async () => {
    const alice = agentOverWebSocket(env.host, 'alice');
    let interactionId = '';
    alice.on('invite', (invite) => {
      interactionId = invite.interactionId;
      void alice.accept(invite.interactionId);
    });
    await alice.start();
    await alice.setState('Ready');

    const context = await env.browser.newContext();
    // Counts the chimes each page plays (two tones each).
    await context.addInitScript(() => {
      const counted = window as unknown as { tones: number };
      counted.tones = 0;
      const original = AudioContext.prototype.createOscillator;
      AudioContext.prototype.createOscillator = function (this: AudioContext) {
        counted.tones++;
        return original.call(this);
      };
    });
    const sockets: string[] = [];
    const first = await context.newPage();
    const second = await context.newPage();
    for (const page of [first, second]) {
      watchers.push(watchPage(page));
      page.on('websocket', (socket) => sockets.push(socket.url()));
    }

    await first.goto(`${env.host.url}/`);
    await first.getByRole('button', { name: 'Questions? Chat with us' }).click();
    await first.getByLabel('Your name').fill('Ada');
    await first.getByRole('button', { name: 'Start chat' }).click();
    await first.getByRole('dialog', { name: 'Chat with Alice Martin' }).waitFor();

    // The second tab follows the same conversation; the launcher goes straight to it.
    await second.goto(`${env.host.url}/product.html`);
    // The conversation comes back in the background; once it has, the launcher goes straight to it.
    await expect
      .poll(() =>
        second.evaluate(() =>
          (window as unknown as { Tandem(...args: unknown[]): Promise<{ phase: string }> })
            .Tandem('command', 'Chat.state')
            .then((state) => state.phase),
        ),
      )
      .toBe('connected');
    await second.getByRole('button', { name: 'Contact us' }).click();
    await second.getByRole('dialog', { name: 'Chat with Alice Martin' }).waitFor();
    const box = second.getByRole('textbox', { name: 'Type your message' });
    await box.fill('Typed in the second tab');
    await box.press('Enter');
    await first.getByRole('log').getByText('Typed in the second tab').waitFor();
    expect(sockets).toHaveLength(1);

    // Both windows closed: a new message rings once across the tabs, and both launchers count it.
    await second.keyboard.press('Escape');
    await first.getByRole('textbox', { name: 'Type your message' }).press('Escape');
    await alice.send(interactionId, 'Did you see this?');
    for (const page of [first, second])
      await page.getByRole('button', { name: 'Contact us 1 new' }).waitFor();
    await expect
      .poll(async () => {
        const counts = await Promise.all(
          [first, second].map((page) => page.evaluate(() => (window as unknown as { tones: number }).tones)),
        );
        return counts.reduce((sum, n) => sum + n, 0);
      })
      .toBe(2);

    // The tab holding the connection closes: the other takes over and the chat goes on.
    await first.close();
    await alice.send(interactionId, 'After the first tab closed');
    await second.getByRole('button', { name: /Contact us/ }).click();
    await second.getByRole('log').getByText('After the first tab closed').waitFor();
    expect(sockets).toHaveLength(2);
    alice.stop();
  });
});
