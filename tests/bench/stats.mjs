// Order statistics for benchmark samples: medians and percentiles, never means of noisy timings.
export function percentile(samples, p) {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export const median = (samples) => percentile(samples, 50);

export function summarize(samples) {
  return { n: samples.length, median: median(samples), p90: percentile(samples, 90), samples };
}
