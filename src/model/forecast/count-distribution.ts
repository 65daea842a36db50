// Distributions of a count of arrivals: P(count = offset + k) = values[k] / total. Either run
// frequencies (total = runs, whole numbers) or probabilities (total = 1). Independent candidates'
// counts are built exactly, as a Poisson-binomial (the sum of Bernoulli arrivals, each with its own
// probability), and combined with the sampled counts of candidates who compete for slots by
// convolution.

export interface CountDistribution {
  offset: number;
  values: Float64Array;
  total: number;
}

/** Probabilities below this at either end are dropped: far below anything shown, and it keeps convolutions short. */
const NEGLIGIBLE = 1e-15;
/** Below this many Bernoulli terms one sequential pass is cheaper than splitting. */
const SEQUENTIAL_TERMS = 32;
/** Probabilities are sums of floating-point products: a quantile's threshold allows for their rounding. */
const ROUNDING = 1e-9;

/** Run frequencies: freq[c] = runs in which the count was c. */
export function fromFrequencies(freq: ArrayLike<number>, runs: number): CountDistribution {
  return { offset: 0, values: Float64Array.from(freq), total: runs };
}

/**
 * The count of independent events with these probabilities (exact, up to negligible tails); with
 * `multiplicities`, probability j stands for that many events (a cohort: a binomial).
 */
export function poissonBinomial(probabilities: ArrayLike<number>, multiplicities?: ArrayLike<number>): CountDistribution {
  let certain = 0;
  const single: number[] = [];
  const parts: CountDistribution[] = [];
  for (let j = 0; j < probabilities.length; j++) {
    const p = probabilities[j];
    const n = multiplicities ? multiplicities[j] : 1;
    if (p >= 1) certain += n;
    else if (p <= 0 || n === 0) continue;
    else if (n === 1) single.push(p);
    else parts.push(binomial(n, p));
  }
  parts.push(productOf(single, 0, single.length));
  const product = balancedSum(parts);
  return { offset: certain + product.offset, values: product.values, total: 1 };
}

/** The distribution of the sum of independent counts; a single part that is not always 0 comes back as it is. */
export function sumOf(parts: CountDistribution[]): CountDistribution {
  const varying = parts.filter((d) => !(d.offset === 0 && d.values.length === 1));
  if (varying.length === 0) return { offset: 0, values: Float64Array.of(1), total: 1 };
  if (varying.length === 1) return varying[0];
  return balancedSum(varying.map(normalised));
}

export function distributionMean(d: CountDistribution): number {
  let sum = 0;
  for (let k = 0; k < d.values.length; k++) sum += (d.offset + k) * d.values[k];
  return sum / d.total;
}

/** Smallest count whose cumulative share reaches q. */
export function distributionQuantile(d: CountDistribution, q: number): number {
  const needed = q * d.total - (d.total === 1 ? ROUNDING : 0);
  let cumulative = 0;
  for (let k = 0; k < d.values.length; k++) {
    cumulative += d.values[k];
    if (cumulative >= needed) return d.offset + k;
  }
  return d.offset + d.values.length - 1;
}

/** P(count ≥ threshold). */
export function distributionAtLeast(d: CountDistribution, threshold: number): number {
  let hits = 0;
  for (let k = Math.max(0, threshold - d.offset); k < d.values.length; k++) hits += d.values[k];
  return Math.min(1, hits / d.total);
}

/** Mean of max(0, threshold − count). */
export function distributionShortfall(d: CountDistribution, threshold: number): number {
  let sum = 0;
  for (let k = 0; k < d.values.length && d.offset + k < threshold; k++) sum += (threshold - d.offset - k) * d.values[k];
  return sum / d.total;
}

/** The distribution as freq[c] for c = 0, 1, …, with its total (for the back-calculation). */
export function denseFrequencies(d: CountDistribution): { freq: Float64Array; runs: number } {
  const freq = new Float64Array(d.offset + d.values.length);
  freq.set(d.values, d.offset);
  return { freq, runs: d.total };
}

function normalised(d: CountDistribution): CountDistribution {
  if (d.total === 1) return d;
  return { offset: d.offset, values: d.values.map((v) => v / d.total), total: 1 };
}

/** Convolves pmfs pairwise, round by round, so the widths being convolved stay balanced. */
function balancedSum(parts: CountDistribution[]): CountDistribution {
  let round = parts;
  while (round.length > 1) {
    const next: CountDistribution[] = [];
    for (let k = 0; k < round.length; k += 2) next.push(k + 1 < round.length ? trim(convolve(round[k], round[k + 1])) : round[k]);
    round = next;
  }
  return round[0];
}

/** Binomial(n, p) for 0 < p < 1: from the mode outwards by the ratio of neighbouring terms, then normalised. */
function binomial(n: number, p: number): CountDistribution {
  const mode = Math.min(n, Math.floor((n + 1) * p));
  const odds = p / (1 - p);
  const values = new Float64Array(n + 1);
  values[mode] = 1;
  let high = mode;
  while (high < n && values[high] > NEGLIGIBLE * 1e-3) {
    values[high + 1] = (values[high] * (n - high) * odds) / (high + 1);
    high++;
  }
  let low = mode;
  while (low > 0 && values[low] > NEGLIGIBLE * 1e-3) {
    values[low - 1] = (values[low] * low) / ((n - low + 1) * odds);
    low--;
  }
  let sum = 0;
  for (let k = low; k <= high; k++) sum += values[k];
  const d: CountDistribution = { offset: low, values: values.slice(low, high + 1).map((v) => v / sum), total: 1 };
  return trim(d);
}

/** Product of the terms (1 − p + p·z) for p in ps[from, to): divide and conquer, so widths stay balanced. */
function productOf(ps: number[], from: number, to: number): CountDistribution {
  if (to - from <= SEQUENTIAL_TERMS) return sequentialProduct(ps, from, to);
  const middle = (from + to) >>> 1;
  return trim(convolve(productOf(ps, from, middle), productOf(ps, middle, to)));
}

function sequentialProduct(ps: number[], from: number, to: number): CountDistribution {
  const values = new Float64Array(to - from + 1);
  values[0] = 1;
  let low = 0;
  let high = 0;
  for (let j = from; j < to; j++) {
    const p = ps[j];
    const q = 1 - p;
    values[high + 1] = values[high] * p;
    for (let k = high; k > low; k--) values[k] = values[k] * q + values[k - 1] * p;
    values[low] *= q;
    high++;
    while (low < high && values[low] < NEGLIGIBLE) low++;
    while (high > low && values[high] < NEGLIGIBLE) high--;
  }
  return { offset: low, values: values.subarray(low, high + 1), total: 1 };
}

function convolve(a: CountDistribution, b: CountDistribution): CountDistribution {
  const values = new Float64Array(a.values.length + b.values.length - 1);
  for (let i = 0; i < a.values.length; i++) {
    const x = a.values[i];
    if (x === 0) continue;
    for (let j = 0; j < b.values.length; j++) values[i + j] += x * b.values[j];
  }
  return { offset: a.offset + b.offset, values, total: a.total * b.total };
}

function trim(d: CountDistribution): CountDistribution {
  const threshold = NEGLIGIBLE * d.total;
  let low = 0;
  let high = d.values.length - 1;
  while (low < high && d.values[low] < threshold) low++;
  while (high > low && d.values[high] < threshold) high--;
  return low === 0 && high === d.values.length - 1
    ? d
    : { offset: d.offset + low, values: d.values.subarray(low, high + 1), total: d.total };
}
