// Run-by-run counts of a group of candidates sampled together (candidates who compete for the same
// Conrad 30 slots; every candidate on the sampled path). For every aggregate the group has members
// in — all candidates, a profession × specialty × state series, a target — and every month, it
// records how many runs produced each count, without keeping per-run data. The counts of other
// candidates are independent of the group's and are combined with them later (distributions.ts).
//
// All counters live in one Int32Array (and mean-only sums in one Float64Array) whose layout depends
// only on the options, so tallies of the same group built in different workers add up element by
// element.
//
// Per-target monthly bands cost months × (matched members + 1) counters each, which many large
// targets could multiply past what a browser tab should hold. So a target whose band would be too
// big (over MAX_TARGET_BAND_CANDIDATES matched members, or past TARGET_BAND_BUDGET counters over all
// targets, granted in target order) keeps only monthly sums over runs: its band's mean is exact, and
// its p10 and p90 are set to the mean.

import type { MonthGrid } from './aggregates';

/** Targets with more matched members than this get a mean-only cumulative band. */
export const MAX_TARGET_BAND_CANDIDATES = 5000;
/** Int32 counters (4 bytes each) for all targets' cumulative bands together: 32 MiB. */
export const TARGET_BAND_BUDGET = 1 << 23;

export interface GroupTallyOptions {
  /** The group's real candidates (indices into the forecast's candidates). */
  members: Int32Array;
  /** Per candidate of the forecast, its profession × specialty × state series. */
  seriesOf: Int32Array;
  grid: MonthGrid;
  /** Candidate indices per target (all candidates; the group counts its own). */
  targetMembers: number[][];
  /** Per target, the due day relative to now; arrivals any time on that day count. */
  dueDays: number[];
  /** Whether to count arrivals by the due date under the counterfactual fee scenario too. */
  counterfactual: boolean;
  /** Per candidate, 1 when it can owe the $100,000 fee (its counterfactual arrival is in `altArrival`). */
  feeExposed: Uint8Array;
}

/** A month of a target's cumulative band: the frequencies of each count, or only the sum over runs. */
export type BandMonth = { freq: Int32Array } | { sum: number };

export class GroupTally {
  /** All counters; add another tally of the same group element by element to merge. */
  readonly counts: Int32Array;
  /** Mean-only targets' arrivals per month, summed over runs (exact in a double). */
  readonly sums: Float64Array;
  private readonly grid: MonthGrid;
  private readonly members: Int32Array;
  private readonly size: number;
  /** Per member (local index), its local series. */
  private readonly localSeries: Int32Array;
  /** Per global series: its local index, or −1 when the group has no member in it. */
  private readonly seriesIndex: Int32Array;
  private readonly seriesSize: number[] = [];
  private readonly seriesOffset: number[] = [];
  private readonly totalOffset = 0;
  /** Per target: members in the group, and where its counters start (−1: none / mean-only band). */
  private readonly targetSize: Int32Array;
  private readonly dueOffset: Int32Array;
  private readonly altDueOffset: Int32Array;
  private readonly bandOffset: Int32Array;
  private readonly sumOffset: Int32Array;
  /** Targets of member k: targetList[targetsStart[k] .. targetsStart[k + 1]). */
  private readonly targetsStart: Int32Array;
  private readonly targetList: Int32Array;
  private readonly dueEnds: Float64Array;
  /**
   * Per target, m ≥ 0 when an arrival within the horizon counts by the due date exactly when its
   * month is ≤ m (due at a month end, or after the horizon), so its count comes from the monthly
   * tally; −1 when each arrival must be checked against the due date.
   */
  private readonly dueMonth: Int32Array;
  private readonly counterfactual: boolean;
  /** Per member (local index): 1 when its counterfactual arrival differs from `arrival` (fee-exposed). */
  private readonly exposed: Uint8Array;
  // Per-run scratch.
  private readonly monthly: Int32Array;
  private readonly totalMonthly: Int32Array;
  private readonly targetMonthly: Int32Array;
  private readonly targetCounts: Int32Array;
  private readonly altCounts: Int32Array;

  constructor({ members, seriesOf, grid, targetMembers, dueDays, counterfactual, feeExposed }: GroupTallyOptions) {
    this.grid = grid;
    this.counterfactual = counterfactual;
    this.exposed = Uint8Array.from(members, (i) => feeExposed[i]);
    this.members = members;
    this.size = members.length;
    const months = grid.count;
    const targets = targetMembers.length;
    let offset = months * (this.size + 1); // the total

    this.seriesIndex = new Int32Array(seriesOf.reduce((most, s) => Math.max(most, s + 1), 0)).fill(-1);
    this.localSeries = Int32Array.from(members, (i) => {
      const s = seriesOf[i];
      if (this.seriesIndex[s] < 0) this.seriesIndex[s] = this.seriesSize.push(0) - 1;
      this.seriesSize[this.seriesIndex[s]]++;
      return this.seriesIndex[s];
    });
    for (const size of this.seriesSize) {
      this.seriesOffset.push(offset);
      offset += months * (size + 1);
    }

    const local = new Map<number, number>();
    members.forEach((i, k) => local.set(i, k));
    const perMember: number[][] = Array.from(members, () => []);
    this.targetSize = new Int32Array(targets);
    targetMembers.forEach((list, t) => {
      for (const i of list) {
        const k = local.get(i);
        if (k === undefined) continue;
        perMember[k].push(t);
        this.targetSize[t]++;
      }
    });
    this.targetsStart = new Int32Array(this.size + 1);
    perMember.forEach((list, k) => (this.targetsStart[k + 1] = this.targetsStart[k] + list.length));
    this.targetList = Int32Array.from(perMember.flat());

    this.dueOffset = new Int32Array(targets).fill(-1);
    this.altDueOffset = new Int32Array(targets).fill(-1);
    this.bandOffset = new Int32Array(targets).fill(-1);
    this.sumOffset = new Int32Array(targets).fill(-1);
    let bandCounters = 0;
    let sums = 0;
    for (let t = 0; t < targets; t++) {
      const size = this.targetSize[t];
      if (size === 0) continue;
      this.dueOffset[t] = offset;
      offset += size + 1;
      if (counterfactual) {
        this.altDueOffset[t] = offset;
        offset += size + 1;
      }
      const counters = months * (size + 1);
      if (size > MAX_TARGET_BAND_CANDIDATES || bandCounters + counters > TARGET_BAND_BUDGET) {
        this.sumOffset[t] = sums;
        sums += months;
      } else {
        this.bandOffset[t] = offset;
        offset += counters;
        bandCounters += counters;
      }
    }
    this.counts = new Int32Array(offset);
    this.sums = new Float64Array(sums);

    this.dueEnds = Float64Array.from(dueDays, (day) => day + 1);
    this.dueMonth = Int32Array.from(this.dueEnds, (end) => (end >= grid.horizonDay ? months - 1 : grid.monthEndingBefore(end)));
    this.monthly = new Int32Array(this.seriesSize.length * months);
    this.totalMonthly = new Int32Array(months);
    this.targetMonthly = new Int32Array(targets * months);
    this.targetCounts = new Int32Array(targets);
    this.altCounts = new Int32Array(targets);
  }

  /** One run: `arrival` (and `altArrival` for the counterfactual) indexed by candidate. */
  addRun(arrival: Float64Array, altArrival: Float64Array): void {
    const { members, localSeries, monthly, totalMonthly, targetsStart, targetList, dueEnds, dueMonth, targetCounts, targetMonthly } = this;
    const { horizonDay, monthOfDay, count: months } = this.grid;
    const { counterfactual, exposed, altCounts } = this;
    monthly.fill(0);
    totalMonthly.fill(0);
    targetMonthly.fill(0);
    for (let k = 0; k < members.length; k++) {
      const i = members[k];
      const day = arrival[i];
      if (counterfactual) {
        const alt = exposed[k] === 1 ? altArrival[i] : day;
        for (let j = targetsStart[k]; j < targetsStart[k + 1]; j++) if (alt < dueEnds[targetList[j]]) altCounts[targetList[j]]++;
      }
      if (day === Infinity) continue;
      if (day < horizonDay) {
        const month = day <= 0 ? 0 : monthOfDay[Math.floor(day)]; // arrivals before now count in the first month
        monthly[localSeries[k] * months + month]++;
        totalMonthly[month]++;
        for (let j = targetsStart[k]; j < targetsStart[k + 1]; j++) {
          const t = targetList[j];
          targetMonthly[t * months + month]++;
          if (dueMonth[t] < 0 && day < dueEnds[t]) targetCounts[t]++;
        }
      } else {
        for (let j = targetsStart[k]; j < targetsStart[k + 1]; j++) {
          const t = targetList[j];
          if (day < dueEnds[t]) targetCounts[t]++;
        }
      }
    }
    const counts = this.counts;
    for (let s = 0; s < this.seriesSize.length; s++) {
      recordCumulative(monthly, s * months, months, counts, this.seriesOffset[s], this.seriesSize[s] + 1);
    }
    recordCumulative(totalMonthly, 0, months, counts, this.totalOffset, this.size + 1);
    for (let t = 0; t < targetCounts.length; t++) {
      if (this.dueOffset[t] < 0) continue;
      const row = t * months;
      let count = targetCounts[t];
      for (let m = 0; m <= dueMonth[t]; m++) count += targetMonthly[row + m];
      counts[this.dueOffset[t] + count]++;
      targetCounts[t] = 0;
      if (this.altDueOffset[t] >= 0) {
        counts[this.altDueOffset[t] + altCounts[t]]++;
        altCounts[t] = 0;
      }
      const band = this.bandOffset[t];
      if (band >= 0) recordCumulative(targetMonthly, row, months, counts, band, this.targetSize[t] + 1);
      else {
        const sum = this.sumOffset[t];
        for (let m = 0; m < months; m++) this.sums[sum + m] += targetMonthly[row + m];
      }
    }
  }

  /** Adds another tally of the same group (same options). */
  merge(counts: Int32Array, sums: Float64Array): void {
    for (let k = 0; k < counts.length; k++) this.counts[k] += counts[k];
    for (let k = 0; k < sums.length; k++) this.sums[k] += sums[k];
  }

  /** freq[c] = runs in which c of the group's candidates had arrived by the end of month m. */
  total(m: number): Int32Array {
    return this.slice(this.totalOffset + m * (this.size + 1), this.size + 1);
  }

  /** The same for series `series` (global index), or null when the group has no member in it. */
  series(series: number, m: number): Int32Array | null {
    const s = series < this.seriesIndex.length ? this.seriesIndex[series] : -1;
    if (s < 0) return null;
    const stride = this.seriesSize[s] + 1;
    return this.slice(this.seriesOffset[s] + m * stride, stride);
  }

  /** freq[c] = runs in which c of the group's members of target t arrived by its due date; null when none. */
  due(t: number, counterfactual = false): Int32Array | null {
    const offset = counterfactual ? this.altDueOffset[t] : this.dueOffset[t];
    return offset < 0 ? null : this.slice(offset, this.targetSize[t] + 1);
  }

  /** Target t's members arrived by the end of month m; null when the group has none. */
  band(t: number, m: number): BandMonth | null {
    if (this.targetSize[t] === 0) return null;
    const stride = this.targetSize[t] + 1;
    if (this.bandOffset[t] >= 0) return { freq: this.slice(this.bandOffset[t] + m * stride, stride) };
    let sum = 0;
    for (let k = 0; k <= m; k++) sum += this.sums[this.sumOffset[t] + k];
    return { sum };
  }

  private slice(offset: number, length: number): Int32Array {
    return this.counts.subarray(offset, offset + length);
  }
}

function recordCumulative(monthly: Int32Array, from: number, months: number, freq: Int32Array, offset: number, stride: number): void {
  let cumulative = 0;
  for (let m = 0; m < months; m++) {
    cumulative += monthly[from + m];
    freq[offset + m * stride + cumulative]++;
  }
}
