import { describe, expect, it } from 'vitest';
import { useEngine } from '../support/engines';
import { useHost } from '../support/host';

const env = useHost({ browser: false });
const engine = useEngine();

describe(`the widgets on a backend of the page's own, chat alone (${engine.name})`, () => {
  it('lists chat alone though the site lists every channel, and chats with the desk’s bot', async () => {
    const page = await engine.open(`${env.host.url}/npm-example/own-backend.html`);
    await page.click({ role: 'button', name: 'Contact us' });
    await page.find({ role: 'button', name: /^Chat with us/ });
    const channels = await page.evaluate(() =>
      [
        ...(document
          .querySelector('[data-tandem-host]')
          ?.shadowRoot?.querySelectorAll('[role="dialog"] li') ?? []),
      ].map((item) => item.textContent),
    );
    expect(channels).toEqual(['Chat with us']);
    await page.click({ role: 'button', name: /^Chat with us/ });
    const chat = { role: 'dialog', name: 'Chat' };
    await page.type({ role: 'textbox', name: /Your name/, within: chat }, 'Grace Hopper');
    await page.click({ role: 'button', name: 'Start chat', within: chat });
    const log = { role: 'log', name: 'Conversation', within: { role: 'dialog', name: 'Chat with Brew bot' } };
    await page.find({ css: '.msg', text: /Ask me which grind suits your coffee maker/, within: log });
    const composer = { role: 'textbox', name: 'Type your message' };
    await page.type(composer, 'What about espresso?');
    await page.press(composer, 'Enter');
    await page.find({ css: '.msg', text: /For espresso: a fine grind/, within: log });
  });
});
