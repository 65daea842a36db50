// Summaries of a count's distribution over runs, stored as frequencies:
// freq[k] = number of runs in which the count was k.

export function frequencyMean(freq: ArrayLike<number>, runs: number): number {
  let sum = 0;
  for (let k = 0; k < freq.length; k++) sum += k * freq[k];
  return sum / runs;
}

/** Smallest count whose cumulative share of runs reaches q. */
export function frequencyQuantile(freq: ArrayLike<number>, runs: number, q: number): number {
  const needed = q * runs;
  let cumulative = 0;
  for (let k = 0; k < freq.length; k++) {
    cumulative += freq[k];
    if (cumulative >= needed) return k;
  }
  return freq.length - 1;
}

/** Share of runs in which the count reached at least `threshold`. */
export function frequencyAtLeast(freq: ArrayLike<number>, runs: number, threshold: number): number {
  let hits = 0;
  for (let k = Math.max(0, threshold); k < freq.length; k++) hits += freq[k];
  return hits / runs;
}

/** Mean of max(0, threshold − count). */
export function frequencyShortfall(freq: ArrayLike<number>, runs: number, threshold: number): number {
  let sum = 0;
  for (let k = 0; k < Math.min(threshold, freq.length); k++) sum += (threshold - k) * freq[k];
  return sum / runs;
}
