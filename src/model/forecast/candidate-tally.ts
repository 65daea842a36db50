// A candidate's own summary from its tally row (run-units.ts): the months of its 10th percentile,
// median and 90th percentile arrival, and which track decided its arrival most often.

import { BINDINGS, BIND_ARRIVED, BIND_WITHDRAWN } from './sample-run';

export interface CandidateSummary {
  /** Month indices (into the forecast's months) of the 10th percentile, median and 90th percentile arrival; null when later than the horizon or never. */
  p10: number | null;
  median: number | null;
  p90: number | null;
  /** Draws in which each track decided the arrival or stopped it (index: the BIND_ codes of sample-run.ts). */
  bindings: number[];
}

/**
 * `months`: draws by arrival month (the forecast's `count` months, then later or never) from
 * `offset`; `bindings` by BIND_ code from `bindingOffset`; `samples` draws in all (for draws given
 * that the candidate stays, their number over the chance it stays).
 */
export function candidateSummary(
  months: Float64Array,
  offset: number,
  count: number,
  bindings: Float64Array,
  bindingOffset: number,
  samples: number,
): CandidateSummary {
  const at = (q: number) => {
    let cumulative = 0;
    for (let m = 0; m < count; m++) {
      cumulative += months[offset + m];
      if (cumulative >= q * samples) return m;
    }
    return null;
  };
  return {
    p10: at(0.1),
    median: at(0.5),
    p90: at(0.9),
    bindings: Array.from(bindings.subarray(bindingOffset, bindingOffset + BINDINGS)),
  };
}

/** The track that most often decided the arrival among draws where the candidate stayed in the running. */
export function mostBinding(bindings: readonly number[]): { code: number; share: number } | null {
  let best = -1;
  let total = 0;
  for (let code = 0; code < bindings.length; code++) {
    if (code === BIND_WITHDRAWN || code === BIND_ARRIVED) continue;
    total += bindings[code];
    if (best < 0 || bindings[code] > bindings[best]) best = code;
  }
  return best < 0 || total === 0 ? null : { code: best, share: bindings[best] / total };
}
