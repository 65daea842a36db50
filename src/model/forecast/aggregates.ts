// Folds each run's arrivals into summaries without keeping per-run data. For every count it
// records how many runs produced it, so means and percentiles come out at the end from memory
// proportional to candidates × months, not runs. One pass over the candidates per run.
//
// Per-target monthly bands cost months × (matched candidates + 1) counters each, which many large
// targets could multiply past what a browser tab should hold. So a target whose band would be too
// big (over MAX_TARGET_BAND_CANDIDATES matched candidates, or past TARGET_BAND_BUDGET counters
// over all targets, granted in target order) keeps only monthly sums over runs: its band's mean
// is exact, and its p10 and p90 are set to the mean (TargetCumulative.percentiles = false).

import { VISA_ROUTES, type Candidate, type Profession, type VisaRoute } from '../types';
import type { Assumptions } from '../timing/assumptions';
import { formatIsoDate, monthStartAfter } from '../calendar';
import { routeFees } from '../timing/fees';
import { frequencyMean, frequencyQuantile } from './frequencies';
import type { ArrivalSeries, Band, RouteCost } from './result';

/** Calendar months from the month of now, as day offsets, with a day → month lookup. */
export class MonthGrid {
  readonly count: number;
  /** First day after the horizon. */
  readonly horizonDay: number;
  readonly monthOfDay: Int16Array;
  private readonly starts: number[];

  constructor(
    private readonly nowDay: number,
    months: number,
  ) {
    this.count = months;
    this.starts = Array.from({ length: months + 1 }, (_, m) => monthStartAfter(nowDay, m) - nowDay);
    this.horizonDay = this.starts[months];
    this.monthOfDay = new Int16Array(this.horizonDay);
    for (let m = 0; m < months; m++) this.monthOfDay.fill(m, Math.max(0, this.starts[m]), this.starts[m + 1]);
  }

  /** The month whose last day is the day before `dayAfter` (> 0), or −1 when none in the grid ends there. */
  monthEndingBefore(dayAfter: number): number {
    const m = this.starts.indexOf(dayAfter, 1);
    return m > 0 && dayAfter > 0 ? m - 1 : -1;
  }

  labels(): string[] {
    return this.starts.slice(0, -1).map((start) => formatIsoDate(this.nowDay + Math.max(start, 0)).slice(0, 7));
  }
}

interface Group {
  profession: Profession;
  specialty: string;
  state: string;
  size: number;
  notWithdrawn: number;
}

/** Targets with more matched candidates than this get a mean-only cumulative band. */
export const MAX_TARGET_BAND_CANDIDATES = 5000;
/** Int32 counters (4 bytes each) for all targets' cumulative bands together: 32 MiB. */
export const TARGET_BAND_BUDGET = 1 << 23;

export interface TargetCumulative {
  band: Band;
  /** False when the band is mean-only (p10 = p90 = mean) to bound memory; see above. */
  percentiles: boolean;
}

export interface TallyOptions {
  candidates: Candidate[];
  grid: MonthGrid;
  /** Candidate indices per target. */
  targetMembers: number[][];
  /** Per target, the due day relative to now; arrivals any time on that day count. */
  dueDays: number[];
}

/**
 * Per run: cumulative monthly arrivals per profession × specialty × state, per target and in
 * total, arrivals per target by its due date, and per candidate whether it arrived (within the
 * horizon, and ever).
 */
export class RunTally {
  private readonly grid: MonthGrid;
  private readonly groups: Group[] = [];
  private readonly groupOf: Int32Array;
  private readonly monthly: Int32Array;
  private readonly totalMonthly: Int32Array;
  /** Group g, month m, count c: seriesFreq[seriesOffset[g] + m × (size + 1) + c]. */
  private readonly seriesOffset: number[] = [];
  private readonly seriesFreq: Int32Array;
  private readonly totalFreq: Int32Array;
  /** Targets of candidate i: targetList[targetsStart[i] .. targetsStart[i + 1]). */
  private readonly targetsStart: Int32Array;
  private readonly targetList: Int32Array;
  /** Per membership k, targetList[k] × months: the row of that target in targetMonthly. */
  private readonly targetRow: Int32Array;
  /** Per target, the first day after its due date (arrivals before it count). */
  private readonly dueEnds: Float64Array;
  /**
   * Per target, m ≥ 0 when an arrival within the horizon counts by the due date exactly when its
   * month is ≤ m (due at a month end, or after the horizon), so its count comes from the monthly
   * tally; −1 when each arrival must be checked against the due date (checkList).
   */
  private readonly dueMonth: Int32Array;
  /** Targets of candidate i that need the check: checkList[checkStart[i] .. checkStart[i + 1]). */
  private readonly checkStart: Int32Array;
  private readonly checkList: Int32Array;
  private readonly targetCounts: Int32Array;
  private readonly targetOffset: Int32Array;
  private readonly targetFreq: Int32Array;
  /** This run's arrivals per target and month: targetMonthly[t × months + m]. */
  private readonly targetMonthly: Int32Array;
  private readonly targetSizes: Int32Array;
  /** Target t, month m, count c: targetBandFreq[targetBandOffset[t] + m × (size + 1) + c]; offset −1 = mean-only. */
  private readonly targetBandOffset: Int32Array;
  private readonly targetBandFreq: Int32Array;
  /** Mean-only targets: arrivals per target and month, summed over runs (exact in a double). */
  private readonly targetMonthlySum: Float64Array;
  readonly arrivedInHorizon: Int32Array;
  readonly arrivedEver: Int32Array;

  constructor({ candidates, grid, targetMembers, dueDays }: TallyOptions) {
    this.grid = grid;
    const months = grid.count;
    const index = new Map<string, number>();
    this.groupOf = Int32Array.from(candidates, (candidate) => {
      const key = `${candidate.profession}|${candidate.specialty}|${candidate.siteState}`;
      let g = index.get(key);
      if (g === undefined) {
        const { profession, specialty, siteState: state } = candidate;
        g = this.groups.push({ profession, specialty, state, size: 0, notWithdrawn: 0 }) - 1;
        index.set(key, g);
      }
      this.groups[g].size++;
      if (candidate.stage !== 'withdrawn') this.groups[g].notWithdrawn++;
      return g;
    });
    let offset = 0;
    for (const group of this.groups) {
      this.seriesOffset.push(offset);
      offset += months * (group.size + 1);
    }
    this.seriesFreq = new Int32Array(offset);
    this.monthly = new Int32Array(this.groups.length * months);
    this.totalMonthly = new Int32Array(months);
    this.totalFreq = new Int32Array(months * (candidates.length + 1));

    const perCandidate: number[][] = candidates.map(() => []);
    targetMembers.forEach((list, t) => list.forEach((i) => perCandidate[i].push(t)));
    this.targetsStart = new Int32Array(candidates.length + 1);
    perCandidate.forEach((list, i) => (this.targetsStart[i + 1] = this.targetsStart[i] + list.length));
    this.targetList = Int32Array.from(perCandidate.flat());
    this.targetRow = this.targetList.map((t) => t * months);
    this.dueEnds = Float64Array.from(dueDays, (day) => day + 1);
    this.dueMonth = Int32Array.from(this.dueEnds, (end) => (end >= grid.horizonDay ? months - 1 : grid.monthEndingBefore(end)));
    const checked = perCandidate.map((list) => list.filter((t) => this.dueMonth[t] < 0));
    this.checkStart = new Int32Array(candidates.length + 1);
    checked.forEach((list, i) => (this.checkStart[i + 1] = this.checkStart[i] + list.length));
    this.checkList = Int32Array.from(checked.flat());
    this.targetCounts = new Int32Array(targetMembers.length);
    this.targetOffset = new Int32Array(targetMembers.length + 1);
    targetMembers.forEach((list, t) => (this.targetOffset[t + 1] = this.targetOffset[t] + list.length + 1));
    this.targetFreq = new Int32Array(this.targetOffset[targetMembers.length]);

    this.targetMonthly = new Int32Array(targetMembers.length * months);
    this.targetSizes = Int32Array.from(targetMembers, (list) => list.length);
    this.targetBandOffset = new Int32Array(targetMembers.length);
    let bandCounters = 0;
    let meanOnly = 0;
    targetMembers.forEach((list, t) => {
      const counters = months * (list.length + 1);
      if (list.length > MAX_TARGET_BAND_CANDIDATES || bandCounters + counters > TARGET_BAND_BUDGET) {
        this.targetBandOffset[t] = -1;
        meanOnly++;
      } else {
        this.targetBandOffset[t] = bandCounters;
        bandCounters += counters;
      }
    });
    this.targetBandFreq = new Int32Array(bandCounters);
    this.targetMonthlySum = new Float64Array(meanOnly > 0 ? targetMembers.length * months : 0);

    this.arrivedInHorizon = new Int32Array(candidates.length);
    this.arrivedEver = new Int32Array(candidates.length);
  }

  addRun(arrival: Float64Array): void {
    const { groupOf, monthly, totalMonthly, targetsStart, targetList, targetRow, dueEnds, targetCounts, targetMonthly } = this;
    const { checkStart, checkList } = this;
    const { arrivedInHorizon, arrivedEver } = this;
    const { horizonDay, monthOfDay, count: months } = this.grid;
    monthly.fill(0);
    totalMonthly.fill(0);
    targetMonthly.fill(0);
    for (let i = 0; i < groupOf.length; i++) {
      const day = arrival[i];
      if (day === Infinity) continue;
      arrivedEver[i]++;
      if (day < horizonDay) {
        const month = day <= 0 ? 0 : monthOfDay[Math.floor(day)]; // arrivals before now count in the first month
        monthly[groupOf[i] * months + month]++;
        totalMonthly[month]++;
        arrivedInHorizon[i]++;
        for (let k = targetsStart[i]; k < targetsStart[i + 1]; k++) targetMonthly[targetRow[k] + month]++;
        for (let k = checkStart[i]; k < checkStart[i + 1]; k++) {
          const t = checkList[k];
          if (day < dueEnds[t]) targetCounts[t]++;
        }
      } else {
        for (let k = targetsStart[i]; k < targetsStart[i + 1]; k++) {
          const t = targetList[k];
          if (day < dueEnds[t]) targetCounts[t]++;
        }
      }
    }
    for (let g = 0; g < this.groups.length; g++) {
      recordCumulative(monthly, g * months, months, this.seriesFreq, this.seriesOffset[g], this.groups[g].size + 1);
    }
    recordCumulative(totalMonthly, 0, months, this.totalFreq, 0, groupOf.length + 1);
    for (let t = 0; t < targetCounts.length; t++) {
      const row = t * months;
      let count = targetCounts[t];
      for (let m = 0; m <= this.dueMonth[t]; m++) count += targetMonthly[row + m];
      this.targetFreq[this.targetOffset[t] + count]++;
      targetCounts[t] = 0;
      const offset = this.targetBandOffset[t];
      if (offset >= 0) {
        recordCumulative(targetMonthly, row, months, this.targetBandFreq, offset, this.targetSizes[t] + 1);
      } else {
        for (let m = row; m < row + months; m++) this.targetMonthlySum[m] += targetMonthly[m];
      }
    }
  }

  total(runs: number): { candidates: number; cumulative: Band } {
    return {
      candidates: this.groups.reduce((sum, group) => sum + group.notWithdrawn, 0),
      cumulative: band(this.totalFreq, 0, this.groupOf.length + 1, this.grid.count, runs),
    };
  }

  series(runs: number): ArrivalSeries[] {
    return this.groups.map((group, g) => ({
      profession: group.profession,
      specialty: group.specialty,
      state: group.state,
      candidates: group.notWithdrawn,
      cumulative: band(this.seriesFreq, this.seriesOffset[g], group.size + 1, this.grid.count, runs),
    }));
  }

  /** Target t's cumulative arrivals by the end of each month, from its matched candidates. */
  targetCumulative(t: number, runs: number): TargetCumulative {
    const months = this.grid.count;
    const offset = this.targetBandOffset[t];
    if (offset >= 0) return { band: band(this.targetBandFreq, offset, this.targetSizes[t] + 1, months, runs), percentiles: true };
    const mean: number[] = [];
    let cumulative = 0;
    for (let m = 0; m < months; m++) {
      cumulative += this.targetMonthlySum[t * months + m];
      mean.push(cumulative / runs);
    }
    return { band: { mean, p10: mean.slice(), p90: mean.slice() }, percentiles: false };
  }

  /** freq[k] = runs in which target t got k arrivals by its due date. */
  targetFrequencies(t: number): Int32Array {
    return this.targetFreq.subarray(this.targetOffset[t], this.targetOffset[t + 1]);
  }
}

function recordCumulative(monthly: Int32Array, from: number, months: number, freq: Int32Array, offset: number, stride: number): void {
  let cumulative = 0;
  for (let m = 0; m < months; m++) {
    cumulative += monthly[from + m];
    freq[offset + m * stride + cumulative]++;
  }
}

function band(freq: Int32Array, offset: number, stride: number, months: number, runs: number): Band {
  const result: Band = { mean: [], p10: [], p90: [] };
  for (let m = 0; m < months; m++) {
    const counts = freq.subarray(offset + m * stride, offset + (m + 1) * stride);
    result.mean.push(frequencyMean(counts, runs));
    result.p10.push(frequencyQuantile(counts, runs, 0.1));
    result.p90.push(frequencyQuantile(counts, runs, 0.9));
  }
  return result;
}

export interface RouteCostInput {
  candidates: Candidate[];
  /** Per candidate: the route its fees follow (a cap-exempt H-1B moving to a cap-subject employer pays the lottery's). */
  routes: readonly VisaRoute[];
  /** Per candidate: runs in which it arrived at any date. */
  arrivedEver: Int32Array;
  /** Per candidate: known fees summed over all runs. */
  feeTotals: Float64Array;
  runs: number;
  assumptions: Assumptions;
}

/** Known fees per hire by route, over candidates still in the pipeline (arrived and withdrawn ones spend nothing more). */
export function routeCosts({ candidates, routes, arrivedEver, feeTotals, runs, assumptions }: RouteCostInput): RouteCost[] {
  return VISA_ROUTES.flatMap((visaRoute) => {
    let open = 0;
    let hires = 0;
    let fees = 0;
    candidates.forEach((candidate, i) => {
      if (routes[i] !== visaRoute || candidate.stage === 'arrived' || candidate.stage === 'withdrawn') return;
      open++;
      hires += arrivedEver[i];
      fees += feeTotals[i];
    });
    if (open === 0) return [];
    const known = routeFees(visaRoute, assumptions);
    const expectedHires = hires / runs;
    const expectedFeesUsd = fees / runs;
    return [
      {
        visaRoute,
        candidates: open,
        expectedHires,
        expectedFeesUsd,
        costPerHireUsd: known.known && expectedHires > 0 ? expectedFeesUsd / expectedHires : null,
        feeItems: known.items,
        h1bFeeCanApply: known.h1bFeeCanApply,
      },
    ];
  });
}
