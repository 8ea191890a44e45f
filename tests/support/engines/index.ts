import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { launchFirefox } from './firefox';
import type { EngineName, EnginePage, Viewport } from './page';
import { launchWebKit } from './webkit';

// The customer's side of the end-to-end suite in other engines than Chromium. A test file is written once
// and run by the vitest project of each engine (`firefox`, `webkit`), which provides the engine's name.

export type { Query, Target } from './find';
export type { EngineName, EnginePage, Key, Viewport } from './page';
export { aroundTheClock, startCobrowse } from './tandem';

declare module 'vitest' {
  export interface ProvidedContext {
    engine: EngineName;
  }
}

export interface Engine {
  readonly name: EngineName;
  /** A new, blank page in a fresh profile. */
  newPage(viewport: Viewport): Promise<EnginePage>;
  close(): Promise<void>;
}

export interface EngineOptions {
  /** The browser's language (navigator.language, Intl's default): en-US unless a test says otherwise. */
  locale?: string;
}

export function launchEngine(name: EngineName, options: EngineOptions = {}): Promise<Engine> {
  const settled = { locale: options.locale ?? 'en-US' };
  return name === 'firefox' ? launchFirefox(settled) : launchWebKit(settled);
}

/** The engine this vitest project runs (see vitest.config.ts). */
export function engineUnderTest(): EngineName {
  return inject('engine');
}

/**
 * The engine for one test file: launched before its tests, closed after. Every page opened in a test is
 * closed after it, and the test fails on any console error or warning, uncaught error or rejection, or CSP
 * violation in it.
 */
export function useEngine(name: EngineName = engineUnderTest(), options: EngineOptions = {}) {
  let engine: Engine | undefined;
  const pages: EnginePage[] = [];
  beforeAll(async () => {
    engine = await launchEngine(name, options);
  });
  afterEach(async () => {
    const seen: string[] = [];
    for (const page of pages.splice(0)) {
      seen.push(
        ...(await page.takeProblems().catch((error: Error) => [`unreadable page: ${error.message}`])),
      );
      await page.close().catch((error: Error) => seen.push(`page did not close: ${error.message}`));
    }
    expect(seen, `problems in ${name}`).toEqual([]);
  });
  afterAll(async () => {
    await engine?.close();
  });
  return {
    name,
    async open(url: string, viewport: Viewport = { width: 1100, height: 800 }): Promise<EnginePage> {
      if (!engine) throw new Error(`${name} is not running yet`);
      const page = await engine.newPage(viewport);
      pages.push(page);
      await page.goto(url);
      return page;
    },
  };
}
