import type { LocaleTables } from '@tandem/sdk-core';

// The open selector's English, loaded with its code (the launcher's are in launcher-strings.ts).
export const selectorStrings: LocaleTables = {
  en: {
    'selector.title': 'How would you like to reach us?',
    'selector.none': 'No way to reach us is open right now. Please try again later.',
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
