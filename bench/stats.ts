/** The q-quantile (0..1) of a sample, by nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

export const median = (values: readonly number[]) => quantile(values, 0.5);
export const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/** The spread of a sample: its smallest and largest values. */
export const spread = (values: readonly number[]) => ({
  min: round(Math.min(...values)),
  max: round(Math.max(...values)),
});

/** A seeded pseudo-random source (mulberry32), so that scripted sessions repeat exactly. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** p50, p95 and p99 of a sample, rounded to a tenth. */
export const percentiles = (values: readonly number[]) => ({
  p50: round(quantile(values, 0.5)),
  p95: round(quantile(values, 0.95)),
  p99: round(quantile(values, 0.99)),
});
