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
// Try it another way: /npm-example/own-backend.html?lang=ar&theme=dark, or ?bot=off for a desk nobody staffs.
const tryOut = new URLSearchParams(location.search);
if (tryOut.get('bot') !== 'off') startBrewBot(desk);

createTandem({
  backend: desk.customer({
    get: () => sessionStorage.getItem('grind-desk-current'),
    set: (id) => sessionStorage.setItem('grind-desk-current', id),
  }),
  locale: tryOut.get('lang') ?? 'en',
  theme: { mode: (tryOut.get('theme') ?? 'auto') as 'auto' },
  channels: { chat: { whenClosed: 'message' }, messaging: {}, clickToCall: {}, callback: {}, cobrowse: {} },
  plugins: [
    channelSelector(),
    chatWidget({ welcome: 'Ask us about grinds.' }),
    messagingWidget(),
    clickToCallWidget(),
  ],
});
