import { number, oneOf } from '@tandem/sdk-core';
import * as z from 'zod/mini';

const coordinate = number({ min: -1e5, max: 1e5 });
/** [x, y]: checked by length, since a tuple schema would add to the launcher's zod (see actions.ts). */
const point = z.array(coordinate).check(z.refine((pair) => pair.length === 2));

/** A mark the agent draws on the customer's page, in viewport coordinates. */
export const annotationData = z.strictObject({
  shape: oneOf(['path', 'rect', 'laser']),
  points: z.array(point).check(
    z.refine((points) => points.length > 0),
    z.maxLength(500),
  ),
});
export type AnnotationData = z.infer<typeof annotationData>;

/** How long a mark stays before it has faded away: the laser's trail is short. */
export const annotationLifetimeMs = { path: 4000, rect: 4000, laser: 1000 } as const;

/** At most this many marks on the page at once; the oldest go first. */
export const maxAnnotations = 50;
