import { describe, expect, it } from 'vitest';
import { aroundTheClock, useEngine } from '../support/engines';
import { useHost } from '../support/host';

// Debian's default locale is C: the browser then says navigator.language is "C", which no Intl API takes.
const env = useHost({ config: aroundTheClock(), browser: false });
const engine = useEngine(undefined, { locale: 'C' });

describe(`a browser whose language is "C" (${engine.name})`, () => {
  it('shows the widgets in English, with dates and country names, and no error', async () => {
    const page = await engine.open(`${env.host.url}/product.html`);
    expect(await page.evaluate(() => navigator.language)).toBe('C');
    await page.click({ role: 'button', name: 'Contact us' });
    await page.find({ role: 'dialog', name: 'How would you like to reach us?' });
    // Click-to-call formats times and lists countries by name: both go through Intl.
    await page.click({ role: 'button', name: 'Call a coffee expert' });
    await page.find({ role: 'dialog', name: 'Call us' });
    const countries = await page.evaluate(() =>
      [
        ...(document.querySelector('[data-tandem-host]')?.shadowRoot?.querySelectorAll('select option') ??
          []),
      ].map((option) => option.textContent ?? ''),
    );
    expect(countries.some((name) => name.startsWith('France'))).toBe(true);
  });
});
