import type { LocaleLoaders, LocaleTables } from '@tandem/sdk-core';

// The launcher's English ships with it, the open selector's with its code; other locales are fetched only
// by visitors who need them, whole.
export const launcherStrings: LocaleTables = {
  en: {
    'launcher.label': 'Contact us',
    'launcher.unread': '{count} new',
  },
};

export const selectorLocales: LocaleLoaders = {
  fr: () => import('./strings-fr'),
  ar: () => import('./strings-ar'),
};
