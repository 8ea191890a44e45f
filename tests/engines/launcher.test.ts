import { describe, expect, it } from 'vitest';
import { aroundTheClock, useEngine } from '../support/engines';
import { useHost } from '../support/host';

const env = useHost({ config: aroundTheClock(), browser: false });
const engine = useEngine();

const selector = { role: 'dialog', name: 'How would you like to reach us?' };

describe(`launcher and channel selector on the demo shop (${engine.name})`, () => {
  it('shows the launcher in a shadow root with no global style; the selector lists the channels and closes on Escape', async () => {
    const page = await engine.open(`${env.host.url}/`);
    await page.find({ role: 'button', name: 'Contact us' });
    expect(
      await page.evaluate(() => {
        const hosts = document.querySelectorAll('[data-tandem-host]');
        return {
          hosts: hosts.length,
          hostParent: hosts[0]?.parentElement?.localName,
          launcherInShadow: hosts[0]?.shadowRoot?.querySelector('button')?.textContent,
          styleSheets: [...document.styleSheets].map(
            (sheet) => new URL(sheet.href ?? '', location.href).pathname,
          ),
          adopted: document.adoptedStyleSheets.length,
          styleElements: document.querySelectorAll('style').length,
          hostBox: [hosts[0]?.getBoundingClientRect().width, hosts[0]?.getBoundingClientRect().height],
        };
      }),
    ).toEqual({
      hosts: 1,
      hostParent: 'body',
      launcherInShadow: 'Contact us',
      styleSheets: ['/shop.css'],
      adopted: 0,
      styleElements: 0,
      hostBox: [0, 0],
    });

    await page.click({ role: 'button', name: 'Contact us' });
    await page.find(selector);
    // The links to messaging apps load when the selector first opens.
    const channels = () =>
      page.evaluate(() =>
        [
          ...(document
            .querySelector('[data-tandem-host]')
            ?.shadowRoot?.querySelectorAll('[role="dialog"] li') ?? []),
        ].map((item) => item.textContent),
      );
    await expect.poll(channels).toEqual([
      // Nobody is logged in on this contact center: no chat to wait in; the messaging row takes a message.
      'Send us a message',
      'Call us',
      'Request a callback',
      'Share your screen with an agent',
      'WhatsAppOpens the app',
      'MessengerOpens the app',
      'LINEOpens the app',
    ]);
    // The subscription the page queued before the SDK loaded has fired.
    expect(await page.evaluate(() => document.documentElement.dataset.selectorOpened)).toBe('yes');

    await page.press({ role: 'button', name: /^Send us a message/ }, 'Escape');
    await page.waitFor(
      () => {
        const root = document.querySelector('[data-tandem-host]')?.shadowRoot;
        return !root?.querySelector('[role="dialog"]') && root?.activeElement?.textContent === 'Contact us';
      },
      undefined,
      'the selector to close and focus to return to the launcher',
    );
  });
});
