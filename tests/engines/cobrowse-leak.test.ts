import { describe, expect, it } from 'vitest';
import { watchPage } from '../support/browser';
import { joinById, leakClassSecrets, viewShowsHeading } from '../support/cobrowse';
import { aroundTheClock, startCobrowse, useEngine } from '../support/engines';
import { useHost } from '../support/host';

// Issue 17's classes of leak with the customer in this engine: every frame the agent's desktop (Chromium)
// receives, and the replay it draws, hold none of the fixture's secrets.
const env = useHost({ config: aroundTheClock() });
const engine = useEngine();

const secrets = [
  ...leakClassSecrets,
  'SECRET-51-billing-card',
  'SECRET-52-csc',
  'SECRET-55-query',
  'SECRET-57-fragment',
];

/** Alice's desktop joined to the session, with every frame it receives from its login on. */
async function watchingDesk(sessionId: string) {
  const desk = await (await env.browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
  const watched = watchPage(desk);
  const received: string[] = [];
  desk.on('websocket', (socket) =>
    socket.on('framereceived', ({ payload }) => received.push(typeof payload === 'string' ? payload : '')),
  );
  await desk.goto(`${env.host.url}/agent/`);
  await desk.getByLabel('Username').fill('alice');
  await desk.getByLabel('Password').fill('alice');
  await desk.getByRole('button', { name: 'Log in' }).click();
  await joinById(desk, sessionId);
  /** The replay's markup as the desktop holds it now. */
  const replay = async () =>
    (await desk.evaluate(
      () =>
        document.querySelector<HTMLIFrameElement>('.cobrowse-view iframe')?.contentDocument?.documentElement
          .outerHTML,
    )) ?? '';
  return { desk, watched, received, replay };
}

describe(`co-browse leak classes (${engine.name} customer, Chromium agent desktop)`, () => {
  it('sends the agent no secret from styles, stylesheets, srcset, autocomplete fields or the address', async () => {
    const shop = await engine.open(
      `${env.host.url}/fixtures/cobrowse-leak.html?lang=en&email=SECRET-55-query#SECRET-57-fragment`,
    );
    const sessionId = await startCobrowse(shop);
    const { desk, watched, received, replay } = await watchingDesk(sessionId);
    await viewShowsHeading(desk, 'Checkout (leak fixture)');

    await shop.type('#cc-billing', 'SECRET-51-billing-card');
    await shop.type('#cc-csc', 'SECRET-52-csc');
    await shop.click('#restyle-later');
    // Typed last and not masked: once the agent sees it, what came before has been replayed.
    await shop.type('#later-input', 'visible-marker');
    await shop.press('#later-input', 'Tab');
    await expect
      .poll(() =>
        desk.evaluate(
          () =>
            document
              .querySelector<HTMLIFrameElement>('.cobrowse-view iframe')
              ?.contentDocument?.querySelector<HTMLInputElement>('#later-input')?.value,
        ),
      )
      .toBe('visible-marker');

    const everything = `${received.join('\n')}\n${await replay()}\n${await desk.content()}`;
    expect(received.join('').length).toBeGreaterThan(1000);
    expect(secrets.filter((secret) => everything.includes(secret))).toEqual([]);
    await desk
      .getByText(/cobrowse-leak\.html\?lang=en ·/)
      .first()
      .waitFor();
    expect(watched.problems).toEqual([]);
    await desk.context().close();
  });

  it('under privacy by default, sends only what the site unmasked, typed and changed text included', async () => {
    const shop = await engine.open(`${env.host.url}/fixtures/cobrowse-mask-all.html`);
    await shop.type('#comment', 'PRIVATE-08-typed');
    const sessionId = await startCobrowse(shop);
    const { desk, watched, received, replay } = await watchingDesk(sessionId);
    await viewShowsHeading(desk, 'Your account');
    await shop.type('#email', 'PRIVATE-16-typed-email');
    await shop.type('#card', 'PRIVATE-12-card');
    await shop.click('#insert');
    // Changed last, in the unmasked region: once the agent sees it, what came before has been replayed.
    await expect.poll(async () => (await replay()).includes('Status: shipped')).toBe(true);
    const everything = `${received.join('\n')}\n${await replay()}\n${await desk.content()}`;
    expect(everything.match(/PRIVATE-\d+/g) ?? []).toEqual([]);
    expect(await replay()).toContain('Your order ships in 2 days.');
    expect(watched.problems).toEqual([]);
    await desk.context().close();
  });
});
