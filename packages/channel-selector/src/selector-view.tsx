import type { ChannelAvailability, I18n } from '@tandem/sdk-core';
import type { ChannelEntry } from './channels';
import type { SelectorChannel } from './Selector';
import { type ChannelStatus, channelStatus } from './status';

// The open selector: loaded on the visitor's first sign of intent (pointer over the launcher, focus, a
// custom launcher's click), so that a page view that never opens it does not pay for it.
export { Selector } from './Selector';
export { selectorStrings } from './strings';
export { selectorStyles } from './styles';

/** Each visible channel with its label and what its state says now. */
export function describeChannels(
  entries: readonly ChannelEntry[],
  availability: readonly ChannelAvailability[] | undefined,
  i18n: I18n,
): SelectorChannel[] {
  const channels: SelectorChannel[] = [];
  for (const entry of entries) {
    const status = channelStatus(entry.name, entry.config, availability);
    // A message is what the site's own messaging row offers already: one way to say it is enough.
    const offeredElsewhere = status.leaveMessage && entries.some((other) => other.name === 'messaging');
    if (!status.visible || offeredElsewhere) continue;
    const statusText = describeStatus(i18n, status, entry.config.ewt?.show === true);
    const label = status.leaveMessage
      ? i18n.t('channel.leaveMessage')
      : (entry.config.label ?? i18n.t(`channel.${entry.name}`));
    channels.push({ entry, label, status, ...(statusText ? { statusText } : {}) });
  }
  return channels;
}

function describeStatus(i18n: I18n, status: ChannelStatus, showWait: boolean): string | undefined {
  if (status.tone === 'closed') {
    if (status.unstaffed) return i18n.t('status.away');
    if (status.nextOpenAt === undefined) return i18n.t('status.closed');
    const time = new Intl.DateTimeFormat(i18n.locale, {
      weekday: 'short',
      hour: 'numeric',
      minute: '2-digit',
    });
    return i18n.t('status.opens', { time: time.format(status.nextOpenAt) });
  }
  if (status.tone === 'busy') return i18n.t('status.busy');
  if (!showWait || status.ewtSeconds === undefined) return undefined;
  if (status.ewtSeconds === 0) return i18n.t('status.available');
  if (status.ewtSeconds < 60) return i18n.t('status.waitShort');
  return i18n.t('status.wait', { minutes: Math.round(status.ewtSeconds / 60) });
}
