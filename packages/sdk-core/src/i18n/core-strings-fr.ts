import type { StringTable } from './i18n';

export default {
  'common.close': 'Fermer',
  'common.cancel': 'Annuler',
  'common.retry': 'Réessayer',
  'common.unavailable': 'Ce service n’est pas disponible pour le moment.',
} satisfies StringTable;
