import type { LocaleTables } from '@tandem/sdk-core';

export const selectorStrings: LocaleTables = {
  en: {
    'launcher.label': 'Contact us',
    'selector.title': 'How would you like to reach us?',
    'channel.chat': 'Chat with us',
    'channel.messaging': 'Send us a message',
    'channel.clickToCall': 'Call us',
    'channel.callback': 'Request a callback',
    'channel.cobrowse': 'Share your screen with an agent',
  },
  fr: {
    'launcher.label': 'Nous contacter',
    'selector.title': 'Comment souhaitez-vous nous joindre ?',
    'channel.chat': 'Discuter avec nous',
    'channel.messaging': 'Nous envoyer un message',
    'channel.clickToCall': 'Nous appeler',
    'channel.callback': 'Être rappelé',
    'channel.cobrowse': 'Partager votre écran avec un conseiller',
  },
  ar: {
    'launcher.label': 'تواصل معنا',
    'selector.title': 'كيف تفضّل التواصل معنا؟',
    'channel.chat': 'دردش معنا',
    'channel.messaging': 'أرسل لنا رسالة',
    'channel.clickToCall': 'اتصل بنا',
    'channel.callback': 'اطلب معاودة الاتصال',
    'channel.cobrowse': 'شارك شاشتك مع موظف',
  },
};
