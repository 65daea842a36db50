// How many extra candidates a target needs: the simulated distribution of arrivals from the
// current pipeline, plus n new candidates who each arrive in time with probability q
// (independently, so Binomial(n, q)), must reach the hires with the wanted probability.
// New candidates are assumed not to crowd each other out of Conrad 30 slots.

/** Searches n up to this; beyond it the target is reported as out of reach. */
const MAX_EXTRA_CANDIDATES = 100_000;

export interface ExtraCandidatesQuery {
  /** freq[k] / runs = P(the current pipeline delivers k hires by the due date). */
  freq: ArrayLike<number>;
  runs: number;
  hires: number;
  /** Probability one new candidate arrives by the due date. */
  arrivalProbability: number;
  targetProbability: number;
}

/** Smallest number of new candidates reaching the target probability, or null when out of reach. */
export function extraCandidatesNeeded(query: ExtraCandidatesQuery): number | null {
  const atLeast = survival(query);
  const meets = (n: number) => probabilityMetWithExtra(atLeast, query, n) >= query.targetProbability;
  if (meets(0)) return 0;
  if (query.arrivalProbability <= 0 || !meets(MAX_EXTRA_CANDIDATES)) return null;
  let low = 0; // fails
  let high = 1; // grows until it meets
  while (!meets(high)) [low, high] = [high, high * 2];
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (meets(middle)) high = middle;
    else low = middle;
  }
  return high;
}

/** atLeast[x] = P(current arrivals ≥ x) for x = 0 … hires. */
function survival({ freq, runs, hires }: ExtraCandidatesQuery): Float64Array {
  const atLeast = new Float64Array(Math.max(0, hires) + 1);
  let hits = 0;
  for (let k = freq.length - 1; k >= 0; k--) {
    hits += freq[k];
    if (k <= hires) atLeast[k] = hits / runs;
  }
  return atLeast;
}

/**
 * P(current arrivals K + Binomial(n, q) J ≥ hires) = Σ_{j < hires} P(J = j)·P(K ≥ hires − j) + P(J ≥ hires):
 * hires terms, with the binomial's in log space so large n does not underflow.
 */
function probabilityMetWithExtra(atLeast: Float64Array, query: ExtraCandidatesQuery, n: number): number {
  const { hires, arrivalProbability: q } = query;
  if (hires <= 0) return 1;
  if (n === 0 || q <= 0) return atLeast[hires];
  if (q >= 1) return n >= hires ? 1 : atLeast[hires - n];
  const logQ = Math.log(q);
  const logNotQ = Math.log1p(-q);
  let logChoose = 0;
  let below = 0;
  let probability = 0;
  for (let j = 0; j < hires && j <= n; j++) {
    const pj = Math.exp(logChoose + j * logQ + (n - j) * logNotQ);
    below += pj;
    probability += pj * atLeast[hires - j];
    logChoose += Math.log(n - j) - Math.log(j + 1);
  }
  return probability + Math.max(0, 1 - below);
}

/** P(Binomial(n, q) ≥ k), summing the lower tail in log space so large n does not underflow. */
export function binomialAtLeast(n: number, q: number, k: number): number {
  if (k <= 0) return 1;
  if (k > n || q <= 0) return 0;
  if (q >= 1) return 1;
  const logQ = Math.log(q);
  const logNotQ = Math.log1p(-q);
  let logChoose = 0;
  let below = 0;
  for (let j = 0; j < k; j++) {
    below += Math.exp(logChoose + j * logQ + (n - j) * logNotQ);
    logChoose += Math.log(n - j) - Math.log(j + 1);
  }
  return Math.max(0, 1 - below);
}
