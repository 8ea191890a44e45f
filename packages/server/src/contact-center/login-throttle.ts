import type { Clock } from '@tandem/sdk-core';

export interface LoginThrottleOptions {
  /** Failures before a delay: the one that reaches this number starts it. */
  free?: number;
  /** The first delay; it doubles with each further failure. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A key with no failure for this long starts again from nothing. */
  forgetMs?: number;
  /** Keys remembered at most (the oldest go first): an attacker's many addresses cannot fill memory. */
  maxKeys?: number;
}

interface Entry {
  failures: number;
  lastFailure: number;
  until: number;
}

/**
 * Failed sign-ins, by key (an account, an address): after `free` failures a delay, doubling with each
 * further one. While a key waits, attempts are refused without checking the password.
 */
export function createLoginThrottle(clock: Clock, options: LoginThrottleOptions = {}) {
  const free = options.free ?? 5;
  const baseDelayMs = options.baseDelayMs ?? 1000;
  const maxDelayMs = options.maxDelayMs ?? 15 * 60_000;
  const forgetMs = options.forgetMs ?? 60 * 60_000;
  const maxKeys = options.maxKeys ?? 100_000;
  const entries = new Map<string, Entry>();

  const current = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (entry && clock.now() - entry.lastFailure > forgetMs) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };

  return {
    /** Milliseconds before any of these keys may try again (0: now). */
    waitMs(keys: readonly string[]): number {
      const now = clock.now();
      return Math.max(0, ...keys.map((key) => (current(key)?.until ?? now) - now));
    },
    failed(keys: readonly string[]): void {
      const now = clock.now();
      for (const key of keys) {
        const entry = current(key) ?? { failures: 0, lastFailure: now, until: now };
        entry.failures += 1;
        entry.lastFailure = now;
        const over = entry.failures - free;
        if (over >= 0) entry.until = now + Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(over, 30));
        entries.delete(key);
        entries.set(key, entry);
      }
      while (entries.size > maxKeys) entries.delete(entries.keys().next().value as string);
    },
    succeeded(keys: readonly string[]): void {
      for (const key of keys) entries.delete(key);
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
