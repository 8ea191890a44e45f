import {
  type BackendAdapter,
  type ChannelConfig,
  type ChannelName,
  offers,
  type TandemConfig,
} from '@tandem/sdk-core';

/** The command that opens each channel; the feature plugin that owns it registers the command. */
export const channelCommands: Readonly<Record<ChannelName, string>> = {
  chat: 'Chat.open',
  messaging: 'Messaging.open',
  clickToCall: 'ClickToCall.open',
  callback: 'Callback.open',
  cobrowse: 'Cobrowse.start',
};

export interface ChannelEntry {
  readonly name: ChannelName;
  readonly config: ChannelConfig;
}

/**
 * Channels in config order (chat alone when none is configured), leaving out those the backend does not
 * offer: a site may list every channel and run on a backend that has only some.
 */
export function enabledChannels(site: TandemConfig, backend: BackendAdapter | null): ChannelEntry[] {
  const channels = site.channels ?? { chat: {} };
  const entries: ChannelEntry[] = [];
  for (const [name, channel] of Object.entries(channels)) {
    if (!isChannelName(name) || !channel || (channel as ChannelConfig).enabled === false) continue;
    if (backend && !offers(backend, name)) continue;
    const config = channel as ChannelConfig;
    // "Leave a message" goes through messaging: without it, a closed chat is hidden instead.
    const noMessages =
      name === 'chat' && config.whenClosed === 'message' && backend && !offers(backend, 'messaging');
    entries.push({ name, config: noMessages ? { ...config, whenClosed: 'hide' } : config });
  }
  return entries;
}

export function isChannelName(value: string): value is ChannelName {
  return Object.hasOwn(channelCommands, value);
}

export interface AppLink {
  readonly label: string;
  readonly href: string;
  /** Said of the link: it leaves the page for the app. */
  readonly hint: string;
}
