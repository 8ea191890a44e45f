import type { Random } from '../clock';

/** Exponential backoff with jitter: half the step is fixed, half random, so clients spread out. */
export function backoffDelay(attempt: number, random: Random, baseMs = 500, capMs = 30_000): number {
  const step = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 16));
  return Math.round(step / 2 + random() * (step / 2));
}
