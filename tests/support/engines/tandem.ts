import { readFileSync } from 'node:fs';
import { defaultConfigPath } from '../../../examples/host/server';
import type { EnginePage } from './page';

// Tandem on a customer's page in another engine, as the Chromium tests' view.ts does it with Playwright.

/** The demo contact center, open around the clock: chat and every status the same whatever the hour. */
export function aroundTheClock(): unknown {
  const config = JSON.parse(readFileSync(defaultConfigPath, 'utf8'));
  delete config.hours;
  return config;
}

/** Cobrowse.start from the page's own script once Tandem is ready, as a site would call it; the session id. */
export async function startCobrowse(page: EnginePage): Promise<string> {
  await page.find({ role: 'button', name: 'Contact us' });
  const { sessionId } = await page.evaluate(() =>
    (window as unknown as { Tandem: (...a: unknown[]) => Promise<{ sessionId: string }> }).Tandem(
      'command',
      'Cobrowse.start',
    ),
  );
  return sessionId;
}
