import type { LocaleTables } from './i18n';

// Strings shared by every widget. Each plugin adds its own table for its own UI.
export const coreStrings: LocaleTables = {
  en: {
    'common.close': 'Close',
    'common.cancel': 'Cancel',
    'common.retry': 'Try again',
    'common.unavailable': 'This is not available right now.',
  },
  fr: {
    'common.close': 'Fermer',
    'common.cancel': 'Annuler',
    'common.retry': 'Réessayer',
    'common.unavailable': 'Ce service n’est pas disponible pour le moment.',
  },
  ar: {
    'common.close': 'إغلاق',
    'common.cancel': 'إلغاء',
    'common.retry': 'أعد المحاولة',
    'common.unavailable': 'هذه الخدمة غير متاحة حاليًا.',
  },
};
