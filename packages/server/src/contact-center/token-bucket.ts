import type { Clock } from '@tandem/sdk-core';

/** Allows bursts up to capacity, refilling at ratePerSecond: the per-connection flood limit. */
export function tokenBucket(clock: Clock, capacity: number, ratePerSecond: number) {
  let tokens = capacity;
  let last = clock.now();
  return {
    take(): boolean {
      const now = clock.now();
      tokens = Math.min(capacity, tokens + ((now - last) / 1000) * ratePerSecond);
      last = now;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
