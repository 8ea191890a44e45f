import * as z from 'zod/mini';

// The small value schemas the events' payloads share.

export const finite = () => z.number().check(z.refine(Number.isFinite));
// A time Date can hold (±8.64e15 ms): anything past it would throw where the widgets format it.
export const time = () => z.number().check(z.refine((n) => Math.abs(n) <= 8.64e15));
export const shortText = (max: number) => z.string().check(z.maxLength(max));
export const cobrowseMode = z.enum(['pointer', 'write']);
