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

/** Why an interaction ended, as the agent would say it. */
export const endedLabel = (reason: string): string =>
  ({
    agent: 'ended by you',
    customer: 'ended by the customer',
    transferred: 'transferred',
    inactivity: 'ended for inactivity',
    abandoned: 'the customer left',
  })[reason] ?? `ended (${reason})`;

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
