import type { StringTable } from './i18n';

export default {
  'common.close': 'إغلاق',
  'common.cancel': 'إلغاء',
  'common.retry': 'أعد المحاولة',
  'common.unavailable': 'هذه الخدمة غير متاحة حاليًا.',
} satisfies StringTable;
