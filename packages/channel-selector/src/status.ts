import type { ChannelAvailability, ChannelConfig, ChannelName } from '@tandem/sdk-core';

export type Tone = 'unknown' | 'available' | 'warning' | 'alert' | 'busy' | 'closed';

export interface ChannelStatus {
  readonly visible: boolean;
  readonly disabled: boolean;
  readonly tone: Tone;
  readonly ewtSeconds?: number;
  readonly nextOpenAt?: number;
  /** Open, but no agent who could answer is logged in. */
  readonly unstaffed?: boolean;
  /** Offered as "Leave a message" in its place (`whenClosed: 'message'`). */
  readonly leaveMessage?: boolean;
}

/**
 * Which backend channel tells whether a selector channel is open. Messaging is asynchronous and a callback
 * can be booked for later: both are always open.
 */
const backendChannel: Partial<Record<ChannelName, string>> = {
  chat: 'chat',
  clickToCall: 'voice',
};

/**
 * A channel's state in the selector, with Genesys EWT semantics: 0 is available, up to `min` a warning,
 * below `max` an alert, at or above `max` hidden or disabled (`whenAbove`); closed channels are hidden or
 * disabled (`whenClosed`) with their next opening, or offered as "Leave a message". A chat that no agent
 * could answer (the backend says `staffed: false`) counts as closed: the visitor would wait in silence.
 */
export function channelStatus(
  name: ChannelName,
  config: ChannelConfig,
  availability: readonly ChannelAvailability[] | undefined,
): ChannelStatus {
  const channel = backendChannel[name];
  if (!channel || !availability) return { visible: true, disabled: false, tone: 'unknown' };
  const relevant = availability.filter(
    (a) => a.channel === channel && (!config.subject || a.subject === config.subject),
  );
  if (relevant.length === 0) return { visible: true, disabled: false, tone: 'unknown' };
  const open = relevant.filter((a) => a.open && (name !== 'chat' || a.staffed !== false));
  if (open.length === 0) {
    const next = relevant.map((a) => a.nextOpenAt).filter((at): at is number => at !== undefined);
    const whenClosed = config.whenClosed ?? 'hide';
    // Only chat has a message form to offer; elsewhere "message" hides the channel.
    const leaveMessage = name === 'chat' && whenClosed === 'message';
    return {
      visible: leaveMessage || whenClosed === 'disable',
      disabled: !leaveMessage,
      tone: 'closed',
      ...(relevant.some((a) => a.open) ? { unstaffed: true } : {}),
      ...(leaveMessage ? { leaveMessage } : {}),
      ...(next.length ? { nextOpenAt: Math.min(...next) } : {}),
    };
  }
  const waits = open.map((a) => a.ewtSeconds).filter((s): s is number => s !== undefined);
  if (waits.length === 0) return { visible: true, disabled: false, tone: 'unknown' };
  const ewtSeconds = Math.min(...waits);
  const { min, max, whenAbove = 'hide' } = config.ewt ?? {};
  if (max !== undefined && ewtSeconds >= max) {
    return { visible: whenAbove === 'disable', disabled: true, tone: 'busy', ewtSeconds };
  }
  const tone: Tone =
    ewtSeconds === 0 ? 'available' : min === undefined || ewtSeconds <= min ? 'warning' : 'alert';
  return { visible: true, disabled: false, tone, ewtSeconds };
}
