// Per-candidate summaries folded run by run without keeping per-run data: the month each candidate
// arrives in (for its median and 10th–90th percentile months), whether it arrives by each matched
// target's due date, and which track decided its arrival. Month counts and track counts cost
// (months + 1 + tracks) counters per candidate, so they are kept for the first DETAIL_CANDIDATES
// candidates only; the due-date counts cost one counter per candidate and target it matches.

import { BINDINGS, BIND_ARRIVED, BIND_WITHDRAWN } from './sample-run';
import type { MonthGrid } from './aggregates';

/** Candidates with month and track detail; beyond them only the due-date chances are kept. */
export const DETAIL_CANDIDATES = 20_000;

export interface CandidateSummary {
  /** Month indices (into the forecast's months) of the 10th percentile, median and 90th percentile arrival; null when later than the horizon or never. */
  p10: number | null;
  median: number | null;
  p90: number | null;
  /** Runs in which each track decided the arrival or stopped it (index: the BIND_ codes of sample-run.ts). */
  bindings: number[];
}

export class CandidateTally {
  readonly detail: number;
  private readonly stride: number;
  private readonly months: Int32Array;
  private readonly bindingCounts: Int32Array;
  /** Per target t and its k-th matched candidate: runs in which that candidate arrived by the due date. */
  private readonly hits: Int32Array;
  private readonly hitOffset: Int32Array;
  private readonly members: Int32Array;
  private readonly dueEnds: Float64Array;

  constructor(
    candidates: number,
    private readonly grid: MonthGrid,
    private readonly targetMembers: number[][],
    dueDays: number[],
  ) {
    this.detail = Math.min(candidates, DETAIL_CANDIDATES);
    this.stride = grid.count + 1;
    this.months = new Int32Array(this.detail * this.stride);
    this.bindingCounts = new Int32Array(this.detail * BINDINGS);
    this.hitOffset = new Int32Array(targetMembers.length + 1);
    targetMembers.forEach((list, t) => (this.hitOffset[t + 1] = this.hitOffset[t] + list.length));
    this.members = Int32Array.from(targetMembers.flat());
    this.hits = new Int32Array(this.members.length);
    this.dueEnds = Float64Array.from(dueDays, (day) => day + 1);
  }

  addRun(arrival: Float64Array, binding: Uint8Array): void {
    const { horizonDay, monthOfDay, count } = this.grid;
    for (let i = 0; i < this.detail; i++) {
      const day = arrival[i];
      const month = day === Infinity || day >= horizonDay ? count : day <= 0 ? 0 : monthOfDay[Math.floor(day)];
      this.months[i * this.stride + month]++;
      this.bindingCounts[i * BINDINGS + binding[i]]++;
    }
    for (let t = 0; t < this.targetMembers.length; t++) {
      const due = this.dueEnds[t];
      for (let k = this.hitOffset[t]; k < this.hitOffset[t + 1]; k++) if (arrival[this.members[k]] < due) this.hits[k]++;
    }
  }

  /** Month and track detail of candidate i, or null beyond the detail limit. */
  summary(i: number, runs: number): CandidateSummary | null {
    if (i >= this.detail) return null;
    const row = this.months.subarray(i * this.stride, (i + 1) * this.stride);
    const at = (q: number) => {
      let cumulative = 0;
      for (let m = 0; m < this.grid.count; m++) {
        cumulative += row[m];
        if (cumulative >= q * runs) return m;
      }
      return null;
    };
    return {
      p10: at(0.1),
      median: at(0.5),
      p90: at(0.9),
      bindings: Array.from(this.bindingCounts.subarray(i * BINDINGS, (i + 1) * BINDINGS)),
    };
  }

  /** P(candidate i arrives by the due date) for each target it matches, in target order. */
  byTarget(runs: number): Map<number, { target: number; probability: number }[]> {
    const result = new Map<number, { target: number; probability: number }[]>();
    for (let t = 0; t < this.targetMembers.length; t++) {
      for (let k = this.hitOffset[t]; k < this.hitOffset[t + 1]; k++) {
        const i = this.members[k];
        let list = result.get(i);
        if (!list) result.set(i, (list = []));
        list.push({ target: t, probability: this.hits[k] / runs });
      }
    }
    return result;
  }
}

/** The track that most often decided the arrival among runs where the candidate stayed in the running. */
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
