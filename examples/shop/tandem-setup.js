// What a site owner pastes (kept in a file so the shop can run under a strict CSP with no inline script).
window.TandemConfig = {
  // The example host serves the reference contact center on this site's /tandem.
  backend: { url: '/tandem' },
  channels: {
    chat: { ewt: { show: true, min: 60, max: 900, whenAbove: 'disable' } },
    clickToCall: { whenClosed: 'disable', ewt: { show: true, max: 1200 } },
    messaging: {},
    cobrowse: {},
  },
  theme: { mode: 'auto' },
};
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
