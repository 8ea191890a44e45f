// The desktop's words for the protocol's values: agents read sentences, not identifiers.

export const stateLabel = (state: string): string =>
  ({ Ready: 'Ready', NotReady: 'Not Ready', LoggedOut: 'Logged out', Busy: 'Busy' })[state] ?? state;

export const mediaLabel = (media: string): string =>
  ({ chat: 'chat', voice: 'call', messaging: 'message', callback: 'callback' })[media] ?? media;

export const purposeLabel: Readonly<Record<string, string>> = {
  route: 'New',
  transfer: 'Transferred',
  conference: 'Conference',
  consult: 'Consultation',
};

/** Why an interaction ended (the reasons the contact center sends), as the agent would say it. */
export const endedLabel = (reason: string): string =>
  ({
    agent: 'ended by you',
    customer: 'ended by the customer',
    transferred: 'transferred',
    overflow: 'sent to another contact center',
    lost: 'no longer on the server (it may have restarted)',
  })[reason] ?? `ended (${reason})`;

/** What the conversation is, for its heading. */
export const mediaTitle = (media: string): string =>
  ({ chat: 'Chat', voice: 'Call', messaging: 'Messaging' })[media] ?? media;

/** Screen-pop field names the contact center sends, in words; others are shown as given. */
export const fieldLabel = (key: string): string =>
  ({
    dialedNumber: 'Number dialled',
    email: 'Email',
    order: 'Order',
    site: 'Site',
    cart: 'Items in cart',
    referrer: 'Came from',
    location: 'Location',
  })[key] ?? key;
