import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type ElementHandle } from 'puppeteer-core';
import { findElement, readyToClick } from './find';
import type { Engine } from './index';
import { enginePage, type PageDriver, type Viewport } from './page';

// Debian's Firefox ESR, driven by puppeteer-core over WebDriver BiDi (no geckodriver here). Never a
// downloaded build: TANDEM_FIREFOX points elsewhere.
export function firefoxPath(): string {
  const path = process.env.TANDEM_FIREFOX ?? '/usr/bin/firefox-esr';
  if (!existsSync(path)) {
    throw new Error(
      `Firefox not found at ${path}: install Debian's firefox-esr package (node tools/ensure-browsers.mjs does) or set TANDEM_FIREFOX`,
    );
  }
  return path;
}

/** One Firefox for a test file (a temporary profile, removed on close); each page in its own user context. */
export async function launchFirefox(options: { locale: string }): Promise<Engine> {
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    // The page's language is the test's, whatever the machine's locale.
    extraPrefsFirefox: {
      'intl.accept_languages': options.locale,
      'intl.locale.requested': options.locale,
    },
    protocolTimeout: 60_000,
  });
  return {
    name: 'firefox',
    newPage: (viewport) => openFirefoxPage(browser, viewport),
    close: () => browser.close(),
  };
}

async function openFirefoxPage(browser: Browser, viewport: Viewport) {
  // A user context has its own cookies, storage and cache: a fresh profile for this page.
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport(viewport);
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warn') {
      problems.push(`console.${message.type()}: ${message.text()}`);
    }
  });
  // Uncaught errors and unhandled rejections; Firefox logs CSP violations here too, but the listener
  // below reports them with their directive, and also those of a report-only policy.
  page.on('pageerror', (error) => {
    const { message } = error as Error;
    if (!message.startsWith('Content-Security-Policy:')) problems.push(`uncaught: ${message}`);
  });
  await page.exposeFunction('__tandemCspViolation', (text: string) => problems.push(text));
  await page.evaluateOnNewDocument(() => {
    addEventListener(
      'securitypolicyviolation',
      (event) => {
        const report = (window as unknown as Record<string, (text: string) => void>).__tandemCspViolation;
        const where = event.sourceFile ? ` (${event.sourceFile}:${event.lineNumber})` : '';
        report?.(
          `CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}${where}`,
        );
      },
      true,
    );
  });

  const driver: PageDriver = {
    engine: 'firefox',
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn, arg) => page.evaluate(fn as (arg: unknown) => unknown, arg) as never,
    act: async (query, action) => {
      const element = (await page.evaluateHandle(findElement, query)).asElement() as ElementHandle | null;
      if (!element) return false;
      try {
        if ('click' in action) {
          if (!(await element.evaluate(readyToClick))) return false;
          await element.click();
        } else if ('type' in action) await element.type(action.type);
        else await element.press(action.press);
      } finally {
        await element.dispose();
      }
      return true;
    },
    takeProblems: async () => problems.splice(0),
    close: () => context.close(),
  };
  return enginePage(driver);
}
