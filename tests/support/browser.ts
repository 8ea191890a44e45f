import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type Browser, type ConsoleMessage, chromium, type Page } from 'playwright-core';

// Debian's Chromium, never a downloaded one. TANDEM_CHROMIUM points elsewhere.
export function chromiumPath(): string {
  const fromEnv = process.env.TANDEM_CHROMIUM;
  if (fromEnv) return fromEnv;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser'])
    if (existsSync(candidate)) return candidate;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('Chromium not found: install Debian\'s "chromium" package or set TANDEM_CHROMIUM');
  }
}

export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Playwright gives each launch a fresh, empty user-data dir. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: chromiumFlags, headless: true });
}

/**
 * Collects console errors, warnings, uncaught exceptions and Content-Security-Policy violations of a page,
 * so a test can require none. The page keeps its own CSP: never open a Tandem page with bypassCSP.
 */
export function watchPage(page: Page): { problems: string[] } {
  const problems: string[] = [];
  // Reported as events too: a report-only policy, or a violation the browser does not log, still counts.
  void page.exposeBinding('__tandemCspViolation', (_source, text: string) => problems.push(text));
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as Record<string, (text: string) => void>).__tandemCspViolation;
      const where = event.sourceFile ? ` (${event.sourceFile}:${event.lineNumber})` : '';
      report?.(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}${where}`);
    });
  });
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`console.${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  return { problems };
}
