import type { Clock } from '@tandem/sdk-core';
import type { Media } from './agents';
import type { Schedule, ServerConfig } from './config';
import { isOpen, nextOpening } from './hours';

export const channels = ['chat', 'voice'] as const satisfies readonly Media[];

export interface Availability {
  readonly channel: string;
  readonly subject: string;
  readonly open: boolean;
  readonly nextOpenAt?: number;
  readonly ewtSeconds?: number;
  readonly staffed: boolean;
}

export function scheduleFor(config: ServerConfig, channel: string, subject: string): Schedule | undefined {
  return config.hours?.[`${channel}:${subject}`] ?? config.hours?.[channel];
}

export function computeAvailability(
  config: ServerConfig,
  now: number,
  ewt: (channel: Media, subject: string) => number | undefined,
  staffed: (channel: Media, subject: string) => boolean,
): Availability[] {
  const out: Availability[] = [];
  for (const channel of channels) {
    for (const subject of config.subjects) {
      const schedule = scheduleFor(config, channel, subject.id);
      const open = schedule ? isOpen(schedule, now) : true;
      const nextOpenAt = !open && schedule ? nextOpening(schedule, now) : undefined;
      const ewtSeconds = open ? ewt(channel, subject.id) : undefined;
      out.push({
        channel,
        subject: subject.id,
        open,
        ...(nextOpenAt === undefined ? {} : { nextOpenAt }),
        ...(ewtSeconds === undefined ? {} : { ewtSeconds }),
        staffed: staffed(channel, subject.id),
      });
    }
  }
  return out;
}

/** Pushes availability to subscribers when it changes, at most once per interval for each. */
export function createAvailabilityFeed(options: {
  clock: Clock;
  intervalMs: number;
  compute(): Availability[];
  send(subscriber: string, availability: Availability[]): void;
}) {
  const { clock, intervalMs } = options;
  const subscribers = new Map<string, { last: string; sentAt: number; timer?: unknown }>();
  let ticker: unknown;
  let membership = 0;

  function flush(id: string, computed?: { current: Availability[]; key: string }): void {
    const entry = subscribers.get(id);
    if (!entry) return;
    clock.clearTimeout(entry.timer);
    entry.timer = undefined;
    const { current, key } = computed ?? snapshot();
    if (key === entry.last) return;
    const wait = entry.sentAt + intervalMs - clock.now();
    if (wait > 0) {
      entry.timer = clock.setTimeout(() => flush(id), wait);
      return;
    }
    entry.last = key;
    entry.sentAt = clock.now();
    options.send(id, current);
  }

  function snapshot(): { current: Availability[]; key: string } {
    const current = options.compute();
    return { current, key: JSON.stringify(current) };
  }

  // Opening hours change with time alone: look again every interval while anyone listens.
  function tick(): void {
    ticker = undefined;
    if (subscribers.size === 0) return;
    const computed = snapshot();
    for (const id of subscribers.keys()) flush(id, computed);
    ticker = clock.setTimeout(tick, intervalMs);
  }

  return {
    subscribe(id: string): Availability[] {
      const current = options.compute();
      if (!subscribers.has(id)) membership += 1;
      subscribers.set(id, { last: JSON.stringify(current), sentAt: clock.now() });
      if (ticker === undefined) ticker = clock.setTimeout(tick, intervalMs);
      return current;
    },
    subscribers: () => [...subscribers.keys()],
    /** Changes whenever someone subscribes or leaves: storage rewrites the list only then. */
    get membership() {
      return membership;
    },
    unsubscribe(id: string): void {
      clock.clearTimeout(subscribers.get(id)?.timer);
      if (subscribers.delete(id)) membership += 1;
    },
    changed(): void {
      if (subscribers.size === 0) return;
      // Computed once for everyone, however many subscribers there are.
      const computed = snapshot();
      for (const id of subscribers.keys()) flush(id, computed);
    },
  };
}
