import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageAddress } from '../src/capture/address';

describe('pageAddress: the page as the agent may see it', () => {
  it.each([
    ['https://shop.test/reset?token=abc&email=ada%40x.test#step2', [], 'https://shop.test/reset'],
    ['https://shop.test/p?lang=fr&token=abc', ['lang'], 'https://shop.test/p?lang=fr'],
    ['https://shop.test:8443/a/b/', [], 'https://shop.test:8443/a/b/'],
    ['http://127.0.0.1:8080/?q=1', ['q'], 'http://127.0.0.1:8080/?q=1'],
    ['file:///etc/passwd', [], ''],
    ['not a url', [], ''],
  ])('%s with %j → %s', (href, allowed, expected) => {
    expect(pageAddress(href, allowed)).toBe(expected);
  });

  it('never keeps a query value or a fragment the site did not allow (property)', () => {
    const value = fc.stringMatching(/^[A-Za-z0-9]{6,20}$/).map((tail) => `zqx${tail}`);
    fc.assert(
      fc.property(value, value, fc.constantFrom('token', 'email', 'order', 'q'), (secret, fragment, name) => {
        const shown = pageAddress(`https://shop.test/a?${name}=${secret}&lang=en#${fragment}`, ['lang']);
        expect(shown).toBe('https://shop.test/a?lang=en');
      }),
    );
  });
});
