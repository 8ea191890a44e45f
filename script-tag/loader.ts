import { getDocument, getWindow } from '@tandem/sdk-core';
import { explainLoadFailure } from './load-failure';
import { type AppModule, holdEarlyLaunches, installLoader, type LoaderHost } from './loader-core';

// Entry of dist/tandem.js (an IIFE): the only code a site pays for before the visitor interacts.
const win = getWindow();
const doc = getDocument();
if (win && doc) {
  const current = doc.currentScript as HTMLScriptElement | null;
  const src = current?.src || doc.querySelector<HTMLScriptElement>('script[src*="tandem.js"]')?.src || '';
  installLoader(
    win as unknown as LoaderHost,
    src,
    (url) => import(/* @vite-ignore */ url) as Promise<AppModule>,
    holdEarlyLaunches(doc),
    (url, error) => explainLoadFailure(url, error, win.fetch?.bind(win)),
  );
}
