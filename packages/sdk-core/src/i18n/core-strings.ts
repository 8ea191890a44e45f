import type { LocaleLoaders, LocaleTables } from './i18n';

// Strings shared by every widget. Each plugin adds its own table for its own UI. English ships with the
// code; other locales are fetched only by visitors who need them.
export const coreStrings: LocaleTables = {
  en: {
    'common.close': 'Close',
    'common.cancel': 'Cancel',
    'common.retry': 'Try again',
    'common.unavailable': 'This is not available right now.',
  },
};

export const coreLocales: LocaleLoaders = {
  fr: () => import('./core-strings-fr'),
  ar: () => import('./core-strings-ar'),
};
