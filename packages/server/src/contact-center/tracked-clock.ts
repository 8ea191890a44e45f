import type { Clock } from '@tandem/sdk-core';

/**
 * The clock with a record of the timers armed through it, so that closing the server stops them all; once
 * closed it arms none (connections closing afterwards would otherwise start their resume windows).
 */
export function trackedClock(base: Clock, afterFire: () => void): Clock & { clearAll(): void } {
  const armed = new Set<unknown>();
  let closed = false;
  return {
    now: () => base.now(),
    setTimeout(callback, ms) {
      if (closed) return undefined as never;
      const handle = base.setTimeout(() => {
        armed.delete(handle);
        try {
          callback();
        } finally {
          afterFire();
        }
      }, ms);
      armed.add(handle);
      return handle;
    },
    clearTimeout(handle) {
      armed.delete(handle);
      base.clearTimeout(handle);
    },
    clearAll() {
      closed = true;
      for (const handle of armed) base.clearTimeout(handle as never);
      armed.clear();
    },
  };
}
