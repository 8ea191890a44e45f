import { describe, expect, it } from 'vitest';
import { type EnginePage, useEngine } from '../support/engines';
import { useHost } from '../support/host';

// The harness itself: in this engine a test sees every kind of problem a page can have, from the page's
// very start, and each page is a fresh profile.
const env = useHost({ browser: false });
const engine = useEngine();

/** Everything the page reported, once it includes all of `expected`. */
async function problemsOf(page: EnginePage, expected: RegExp[]): Promise<string> {
  const seen: string[] = [];
  await expect
    .poll(async () => {
      seen.push(...(await page.takeProblems()));
      return expected.filter((pattern) => !pattern.test(seen.join('\n')));
    })
    .toEqual([]);
  return seen.join('\n');
}

describe(`the ${engine.name} harness`, () => {
  it('sees console errors, uncaught errors, unhandled rejections and CSP violations on the shop', async () => {
    const page = await engine.open(`${env.host.url}/product.html`);
    await page.find({ role: 'button', name: 'Contact us' });
    await page.evaluate(() => {
      console.error('probe: console');
      setTimeout(() => {
        throw new Error('probe: uncaught');
      });
      void Promise.reject(new Error('probe: rejection'));
      // The shop's CSP allows no inline style.
      const style = document.createElement('style');
      style.textContent = 'body { outline: 1px solid red }';
      document.head.append(style);
    });
    await problemsOf(page, [
      /probe: console/,
      /probe: uncaught/,
      /probe: rejection/,
      /CSP violation: style-src/,
    ]);

    // Problems on a page that has been left are not lost.
    await page.evaluate(() => console.warn('probe: before leaving'));
    await page.goto(`${env.host.url}/checkout.html`);
    await page.find({ role: 'button', name: 'Contact us' });
    await problemsOf(page, [/probe: before leaving/]);
  });

  it('sees the problems of a page’s start, before any test code runs in it', async () => {
    const page = await engine.open(`${env.host.url}/fixtures/engine-problems.html`);
    await problemsOf(page, [
      /probe: console at start/,
      /probe: thrown at start/,
      /probe: rejection at start/,
      ...(engine.name === 'webkit' ? [/engine-missing\.png/] : []),
    ]);
  });

  it('opens each page in a fresh profile, at the viewport asked for, in the test’s language', async () => {
    const first = await engine.open(`${env.host.url}/`, { width: 900, height: 700 });
    await first.evaluate(() => localStorage.setItem('harness-probe', 'first page'));
    expect(await first.evaluate(() => [innerWidth, innerHeight, navigator.language])).toEqual([
      900,
      700,
      'en-US',
    ]);
    const second = await engine.open(`${env.host.url}/`);
    expect(await second.evaluate(() => localStorage.getItem('harness-probe'))).toBeNull();
  });
});
