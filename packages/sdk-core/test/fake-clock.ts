import type { Clock } from '../src/clock';

/** A manual clock: time moves only when a test calls advance(). */
export function fakeClock(start = 1_700_000_000_000) {
  let now = start;
  let nextId = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const clock: Clock & { advance(ms: number): void } = {
    now: () => now,
    setTimeout(callback, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = [...timers.entries()]
          .filter(([, t]) => t.at <= until)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].callback();
      }
      now = until;
    },
  };
  return clock;
}

/** A store like localStorage whose every call can be made to throw. */
export function memoryStore(
  fail: { get?: boolean; set?: boolean; access?: boolean } = {},
): globalThis.Storage {
  const map = new Map<string, string>();
  const guard = (flag?: boolean) => {
    if (flag || fail.access) throw new DOMException('blocked', 'SecurityError');
  };
  return {
    get length() {
      guard();
      return map.size;
    },
    key: (i) => {
      guard();
      return [...map.keys()][i] ?? null;
    },
    getItem: (k) => {
      guard(fail.get);
      return map.get(k) ?? null;
    },
    setItem: (k, v) => {
      guard(fail.set);
      map.set(k, String(v));
    },
    removeItem: (k) => {
      guard();
      map.delete(k);
    },
    clear: () => map.clear(),
  };
}
