import type { LocaleLoaders, LocaleTables } from '@tandem/sdk-core';

// The launcher's English ships with it, the open selector's with its code; other locales are fetched only
// by visitors who need them, whole.
export const launcherStrings: LocaleTables = {
  en: {
    'launcher.label': 'Contact us',
    'launcher.unread': '{count} new',
  },
};

export const selectorStrings: LocaleTables = {
  en: {
    'selector.title': 'How would you like to reach us?',
    'channel.chat': 'Chat with us',
    'channel.messaging': 'Send us a message',
    'channel.clickToCall': 'Call us',
    'channel.callback': 'Request a callback',
    'channel.cobrowse': 'Share your screen with an agent',
    'channel.leaveMessage': 'Leave us a message',
    'status.available': 'Available now',
    'status.waitShort': 'Wait under a minute',
    'status.wait': 'Wait about {minutes} min',
    'status.busy': 'Very busy right now',
    'status.closed': 'Closed',
    'status.away': 'No one is available to chat right now',
    'status.opens': 'Closed, opens {time}',
  },
};

export const selectorLocales: LocaleLoaders = {
  fr: () => import('./strings-fr'),
  ar: () => import('./strings-ar'),
};
