import type { ChannelAvailability, ChannelConfig } from '@tandem/sdk-core';

export type CallOffer =
  /** Calling is open and the wait is under the threshold. */
  | { readonly kind: 'call'; readonly ewtSeconds?: number }
  /** Calling is closed, the wait too long, or calls not offered at all (`only`): a callback can be booked. */
  | {
      readonly kind: 'callback';
      readonly reason: 'closed' | 'busy' | 'only';
      readonly nextOpenAt?: number;
    }
  /** Neither: the widget points to the other channels. */
  | { readonly kind: 'none'; readonly reason: 'closed' | 'busy'; readonly nextOpenAt?: number };

/**
 * What the click-to-call widget offers for a subject (seed 001): the number when voice is open and the
 * estimated wait is below the configured maximum, else a callback when enabled, else nothing.
 */
export function callOffer(
  availability: readonly ChannelAvailability[] | undefined,
  subject: string,
  config: ChannelConfig,
  callbackEnabled: boolean,
): CallOffer {
  const voice = availability?.find((a) => a.channel === 'voice' && a.subject === subject);
  if (!voice) return { kind: 'call' };
  const max = config.ewt?.max;
  let reason: 'closed' | 'busy' | undefined;
  if (!voice.open) reason = 'closed';
  else if (max !== undefined && voice.ewtSeconds !== undefined && voice.ewtSeconds >= max) reason = 'busy';
  if (!reason)
    return voice.ewtSeconds === undefined ? { kind: 'call' } : { kind: 'call', ewtSeconds: voice.ewtSeconds };
  const next = voice.nextOpenAt === undefined ? {} : { nextOpenAt: voice.nextOpenAt };
  return { kind: callbackEnabled ? 'callback' : 'none', reason, ...next };
}
