import type { Clock } from '@tandem/sdk-core';

/** Allows bursts up to capacity, refilling at ratePerSecond: the per-connection flood limits (frames, bytes). */
export function tokenBucket(clock: Clock, capacity: number, ratePerSecond: number) {
  let tokens = capacity;
  let last = clock.now();
  return {
    take(count = 1): boolean {
      const now = clock.now();
      tokens = Math.min(capacity, tokens + ((now - last) / 1000) * ratePerSecond);
      last = now;
      if (tokens < count) return false;
      tokens -= count;
      return true;
    },
  };
}
