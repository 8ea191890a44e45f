import * as z from 'zod/mini';

const point = z.tuple([z.number().check(z.gte(-1e5), z.lte(1e5)), z.number().check(z.gte(-1e5), z.lte(1e5))]);

/** A mark the agent draws on the customer's page, in viewport coordinates. */
export const annotationData = z.object({
  shape: z.enum(['path', 'rect', 'laser']),
  points: z.array(point).check(z.minLength(1), z.maxLength(500)),
});
export type AnnotationData = z.infer<typeof annotationData>;

/** How long a mark stays before it has faded away: the laser's trail is short. */
export const annotationLifetimeMs = { path: 4000, rect: 4000, laser: 1000 } as const;

/** At most this many marks on the page at once; the oldest go first. */
export const maxAnnotations = 50;
