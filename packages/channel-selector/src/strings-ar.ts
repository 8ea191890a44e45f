import type { StringTable } from '@tandem/sdk-core';

export default {
  'launcher.label': 'تواصل معنا',
  'launcher.unread': '{count} جديدة',
  'selector.title': 'كيف تفضّل التواصل معنا؟',
  'selector.none': 'لا توجد وسيلة متاحة للتواصل معنا الآن. يُرجى المحاولة لاحقًا.',
  'channel.chat': 'دردش معنا',
  'channel.messaging': 'أرسل لنا رسالة',
  'channel.clickToCall': 'اتصل بنا',
  'channel.callback': 'اطلب معاودة الاتصال',
  'channel.cobrowse': 'شارك شاشتك مع موظف',
  'channel.leaveMessage': 'اترك لنا رسالة',
  'status.available': 'متاح الآن',
  'status.waitShort': 'انتظار أقل من دقيقة',
  'status.wait': 'انتظار حوالي {minutes} دقيقة',
  'status.busy': 'مشغول جدًا حاليًا',
  'status.closed': 'مغلق',
  'status.away': 'لا يوجد أحد متاح للدردشة الآن',
  'status.opens': 'مغلق، يفتح {time}',
} satisfies StringTable;
