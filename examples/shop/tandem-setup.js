// What a site owner pastes (kept in a file so the shop can run under a strict CSP with no inline script).
window.TandemConfig = {
  // The example host serves the reference contact center on this site's /tandem. The same shop served from
  // another origin (npm start's second address) is told by a meta tag where Tandem's backend is.
  backend: { url: document.querySelector('meta[name="tandem-backend"]')?.content || '/tandem' },
  channels: {
    // With no agent logged in (or chat closed), the selector and the chat offer a message instead.
    chat: { whenClosed: 'message', ewt: { show: true, min: 60, max: 900, whenAbove: 'disable' } },
    clickToCall: { whenClosed: 'disable', ewt: { show: true, max: 1200 } },
    callback: {},
    messaging: {},
    cobrowse: {},
    // Links to the visitor's own messaging apps (fictional accounts), pre-filled with the page.
    apps: { whatsapp: '15550100000', messenger: 'tandemcoffee', line: '@tandemcoffee' },
  },
  theme: { mode: 'auto' },
  // The chat window: loaded only when the visitor opens it (or comes back to a conversation).
  chat: {
    welcome: 'Hello! Ask us anything about your order or our coffee.',
    prechat: {
      fields: { name: { required: true }, email: { type: 'email' } },
      subjects: { orders: 'An order', products: 'Our coffee', billing: 'Billing' },
    },
    rating: true,
  },
  // Click-to-call and callbacks: also loaded only when first opened.
  clickToCall: {
    subjects: { orders: 'An order', products: 'Our coffee', billing: 'Billing' },
    country: 'FR',
    location: true,
    // Custom attributes for the agent's screen pop (ClickToCall.open and .setAttributes can add more).
    attributes: { site: 'Tandem Coffee demo shop', cart: sessionStorage.getItem('cart') || '0' },
  },
  // Co-browse: beyond the data-tandem-* tags and the defaults, selectors by page (loaded when a session starts).
  // `unmask` says what the agent may read when privacy is "mask-all" (try /?privacy=mask-all below).
  cobrowse: {
    restrictions: [
      { urls: ['/checkout.html*'], mask: ['[name="notes"]'], unmask: ['h1', 'legend'] },
      { urls: ['/', '/?*', '/index.html*', '/product.html*'], unmask: ['main'] },
    ],
    unmask: ['header', 'footer'],
  },
};
// Try the widgets in another language or theme: /?lang=ar&theme=dark (Tandem checks both values).
const tryOut = new URLSearchParams(window.location.search);
if (tryOut.has('lang')) window.TandemConfig.locale = tryOut.get('lang');
if (tryOut.has('theme')) window.TandemConfig.theme.mode = tryOut.get('theme');
// Privacy by default for the rest of the visit: /?privacy=mask-all (and /?privacy=standard to go back).
if (tryOut.has('privacy')) sessionStorage.setItem('tandem-demo-privacy', tryOut.get('privacy'));
const privacy = sessionStorage.getItem('tandem-demo-privacy');
if (privacy) window.TandemConfig.cobrowse.privacy = privacy;
window.Tandem =
  window.Tandem ||
  function () {
    window.Tandem.q = window.Tandem.q || [];
    // biome-ignore lint/complexity/noArguments: the queue stub keeps each call's arguments as given
    window.Tandem.q.push(arguments);
  };
// Subscriptions made before the SDK loads are replayed once it has.
window.Tandem('subscribe', 'ChannelSelector.opened', () => {
  document.documentElement.dataset.selectorOpened = 'yes';
});
