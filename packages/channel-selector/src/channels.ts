import type { ChannelConfig, ChannelName, TandemConfig } from '@tandem/sdk-core';

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

/** Channels in config order; chat alone when none is configured. */
export function enabledChannels(config: TandemConfig): ChannelEntry[] {
  const channels = config.channels ?? { chat: {} };
  const entries: ChannelEntry[] = [];
  for (const [name, channel] of Object.entries(channels)) {
    if (!isChannelName(name) || !channel || (channel as ChannelConfig).enabled === false) continue;
    entries.push({ name, config: channel as ChannelConfig });
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
