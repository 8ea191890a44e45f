import type { Unsubscribe } from '../bus';

/** A tiny listener set: add returns its own removal, emit survives listeners that unsubscribe mid-loop. */
export function listeners<T>() {
  const set = new Set<(value: T) => void>();
  return {
    add(listener: (value: T) => void): Unsubscribe {
      set.add(listener);
      return () => set.delete(listener);
    },
    emit(value: T): void {
      for (const listener of [...set]) listener(value);
    },
    clear: () => set.clear(),
    get size(): number {
      return set.size;
    },
  };
}
