// Tandem's widgets on a backend of the page's own (desk.ts): chat only, whatever the site lists.
import { channelSelector } from '@tandem/channel-selector';
import { createTandem } from '@tandem/sdk-core';
import { chatWidget, clickToCallWidget, messagingWidget } from '@tandem/widgets';
import { startBrewBot } from './brew-bot';
import { createDesk } from './desk';

// The desk keeps this tab's conversations across reloads, as a server would.
const desk = createDesk({
  store: {
    load: () => sessionStorage.getItem('grind-desk'),
    save: (text) => sessionStorage.setItem('grind-desk', text),
  },
});
startBrewBot(desk);

createTandem({
  backend: desk.customer({
    get: () => sessionStorage.getItem('grind-desk-current'),
    set: (id) => sessionStorage.setItem('grind-desk-current', id),
  }),
  locale: 'en',
  channels: { chat: { whenClosed: 'message' }, messaging: {}, clickToCall: {}, callback: {}, cobrowse: {} },
  plugins: [
    channelSelector(),
    chatWidget({ welcome: 'Ask us about grinds.' }),
    messagingWidget(),
    clickToCallWidget(),
  ],
});
