export type TimerHandle = unknown;

/** Time and timers, injected so that routing and timeouts are deterministic in tests. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** A source of numbers in [0, 1), injected for the same reason as the clock. */
export type Random = () => number;

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/**
 * Uniform in [0, 1) from the Web Crypto API where there is one (browsers, Node 20+): session tokens,
 * co-browse ids and access codes come from it, and Math.random's state can be recovered from its outputs.
 */
export const systemRandom: Random = () => {
  const source = globalThis.crypto;
  if (!source?.getRandomValues) return Math.random();
  return (source.getRandomValues(new Uint32Array(1))[0] ?? 0) / 2 ** 32;
};

/**
 * Resolves when `promise` settles or `ms` have passed on `clock`, whichever comes first; never rejects.
 * For UI that waits a moment for data it should open with (availability), then opens anyway.
 */
export function within(clock: Clock, ms: number, promise: Promise<unknown>): Promise<void> {
  return new Promise((resolve) => {
    const timer = clock.setTimeout(resolve, ms);
    const done = () => {
      clock.clearTimeout(timer);
      resolve();
    };
    promise.then(done, done);
  });
}
