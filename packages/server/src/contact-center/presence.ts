import type { Clock } from '@tandem/sdk-core';

export interface PresenceOptions {
  clock: Clock;
  /** How long every connection of a customer or agent may be gone before they count as gone. */
  graceMs: number;
  isConnected(subject: string): boolean;
  /** The grace passed with no connection back. */
  onGone(subject: string, role: 'customer' | 'agent'): void;
}

/**
 * Who is still there: a customer or agent whose last connection closed is given a grace (a reload, a
 * page change) before the contact center acts on their absence.
 */
export function createPresence(options: PresenceOptions) {
  const { clock } = options;
  const timers = new Map<string, unknown>();

  function connected(subject: string): void {
    clock.clearTimeout(timers.get(subject));
    timers.delete(subject);
  }

  return {
    connected,
    disconnected(subject: string, role: 'customer' | 'agent'): void {
      if (options.isConnected(subject)) return;
      connected(subject);
      timers.set(
        subject,
        clock.setTimeout(() => {
          timers.delete(subject);
          if (!options.isConnected(subject)) options.onGone(subject, role);
        }, options.graceMs),
      );
    },
  };
}
