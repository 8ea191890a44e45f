import type { Page } from 'playwright-core';

// The customer's page and the agent's scaled view of it (no test framework here: the bench uses it too).

/** A Tandem command run by the page's own script, as a site would call it. */
export function tandemCommand<T = unknown>(page: Page, name: string): Promise<T> {
  return page.evaluate(
    (commandName) =>
      (window as unknown as { Tandem: (...a: unknown[]) => Promise<unknown> }).Tandem('command', commandName),
    name,
  ) as Promise<T>;
}

/** Cobrowse.start from the page's own script, once Tandem is ready; the session id. */
export async function startByApi(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Contact us' }).waitFor();
  const { sessionId } = await tandemCommand<{ sessionId: string }>(page, 'Cobrowse.start');
  return sessionId;
}

/** Where, on the agent desktop, the replayed element matching `selector` is drawn (the view is scaled). */
export async function pointInView(desk: Page, selector: string): Promise<{ x: number; y: number }> {
  return desk.evaluate((target) => {
    const iframe = document.querySelector<HTMLIFrameElement>('.cobrowse-view iframe');
    const element = iframe?.contentDocument?.querySelector(target);
    if (!iframe || !element) throw new Error(`nothing matches ${target} in the view`);
    const outer = iframe.getBoundingClientRect();
    const scale = outer.width / iframe.offsetWidth;
    const inner = element.getBoundingClientRect();
    return {
      x: outer.left + (inner.left + Math.min(inner.width / 2, 20)) * scale,
      y: outer.top + (inner.top + inner.height / 2) * scale,
    };
  }, selector);
}

/** The agent clicks the replayed element matching `selector`, once the customer's viewport shows it. */
export async function clickInView(desk: Page, selector: string): Promise<void> {
  await desk.waitForFunction((target) => {
    const iframe = document.querySelector<HTMLIFrameElement>('.cobrowse-view iframe');
    const box = iframe?.contentDocument?.querySelector(target)?.getBoundingClientRect();
    return !!iframe && !!box && box.top >= 0 && box.bottom <= iframe.offsetHeight;
  }, selector);
  const { x, y } = await pointInView(desk, selector);
  await desk.mouse.click(x, y);
}

/** The agent turns the mouse wheel over the middle of the view. */
export async function wheelInView(desk: Page, deltaY: number): Promise<void> {
  const box = await desk.locator('.cobrowse-view iframe').boundingBox();
  if (!box) throw new Error('no view');
  await desk.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await desk.mouse.wheel(0, deltaY);
}
