import { describePage, describeTarget, findElement, type SentQuery, sendable, type Target } from './find';

export type EngineName = 'firefox' | 'webkit';
export type Key = 'Enter' | 'Escape' | 'Tab';
export type Action = { click: true } | { type: string } | { press: Key };

export interface Viewport {
  width: number;
  height: number;
}

/** What each engine's driver does once; the waiting and the error messages are shared (`enginePage`). */
export interface PageDriver {
  readonly engine: EngineName;
  goto(url: string): Promise<void>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Acts on what `findElement` gives for the query, as a user would (trusted input); false if nothing. */
  act(query: SentQuery, action: Action): Promise<boolean>;
  /** Console errors and warnings, uncaught errors and rejections, CSP violations; then forgets them. */
  takeProblems(): Promise<string[]>;
  close(): Promise<void>;
}

/** A customer's page in Firefox or WebKit, in a fresh profile. */
export interface EnginePage {
  readonly engine: EngineName;
  goto(url: string): Promise<void>;
  /** Runs `fn` in the page (it is sent as source: it can use only its argument and the page's globals). */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Polls `fn` in the page until it returns something truthy, and returns that. */
  waitFor<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A, what?: string): Promise<R>;
  /** Waits until a visible element matches. */
  find(target: Target): Promise<void>;
  click(target: Target): Promise<void>;
  /** Focuses the element and types, key by key. */
  type(target: Target, text: string): Promise<void>;
  press(target: Target, key: Key): Promise<void>;
  /** The element's text content, once it is there. */
  text(target: Target): Promise<string>;
  takeProblems(): Promise<string[]>;
  close(): Promise<void>;
}

/** Generous: two cores, and other browsers running beside ours. */
export const waitTimeout = 20_000;
const pollEvery = 100;

export function enginePage(driver: PageDriver): EnginePage {
  async function poll<R>(what: string, attempt: () => Promise<R>): Promise<R> {
    const deadline = Date.now() + waitTimeout;
    let lastError: unknown;
    while (true) {
      try {
        const result = await attempt();
        if (result) return result;
      } catch (error) {
        // A page between two documents, an element replaced under us: try again.
        lastError = error;
      }
      if (Date.now() > deadline) {
        const reason = lastError instanceof Error ? ` (last error: ${lastError.message.split('\n')[0]})` : '';
        const seen = await driver.evaluate(describePage, undefined).catch(() => 'the page could not be read');
        throw new Error(
          `${driver.engine}: timed out after ${waitTimeout} ms waiting for ${what}${reason}\n${seen}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, pollEvery));
    }
  }
  const act = (target: Target, action: Action, verb: string) =>
    poll(`${verb} ${describeTarget(target)}`, () => driver.act(sendable(target), action)).then(
      () => undefined,
    );

  const page: EnginePage = {
    engine: driver.engine,
    goto: (url) => driver.goto(url),
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) => driver.evaluate(fn, arg as A),
    waitFor: <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A, what = fn.toString()) =>
      poll(what, () => driver.evaluate(fn, arg as A)),
    find: (target) =>
      poll(describeTarget(target), () => driver.evaluate(findAsBoolean, sendable(target))).then(
        () => undefined,
      ),
    click: (target) => act(target, { click: true }, 'a click on'),
    type: (target, text) => act(target, { type: text }, 'typing into'),
    press: (target, key) => act(target, { press: key }, `${key} on`),
    text: async (target) => {
      await page.find(target);
      return driver.evaluate(textOf, sendable(target));
    },
    takeProblems: () => driver.takeProblems(),
    close: () => driver.close(),
  };
  return page;
}

// Functions for the page built from findElement's source (here in Node: the page's CSP forbids eval).
const findSource = findElement.toString();
const findAsBoolean = new Function('query', `return !!(${findSource})(query);`) as (
  query: SentQuery,
) => boolean;
const textOf = new Function('query', `return (${findSource})(query)?.textContent ?? '';`) as (
  query: SentQuery,
) => string;
