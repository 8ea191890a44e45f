import type { Random } from '@tandem/sdk-core';

/** Ids that never repeat across restarts: a counter (stored) and a random tail (unguessable). */
export function createIds(random: Random) {
  let counter = 0;
  let customers = 0;
  return {
    newId: (prefix: string) =>
      `${prefix}-${(++counter).toString(36)}${Math.floor(random() * 36 ** 4).toString(36)}`,
    newCustomerId: () => `customer-${++customers}-${Math.floor(random() * 36 ** 6).toString(36)}`,
    /** The counters, for storage. */
    counters: {
      get: () => ({ ids: counter, customers }),
      set(stored: { ids: number; customers: number }) {
        counter = stored.ids;
        customers = stored.customers;
      },
    },
  };
}

export type Ids = ReturnType<typeof createIds>;
