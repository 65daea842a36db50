// Folds each run's arrivals into summaries without keeping per-run data. For every count it
// records how many runs produced it, so means and percentiles come out at the end from memory
// proportional to candidates × months, not runs. One pass over the candidates per run.

import { VISA_ROUTES, type Candidate, type Profession } from '../types';
import type { Assumptions } from '../timing/assumptions';
import { formatIsoDate, monthStartAfter } from '../timing/calendar';
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

export interface TallyOptions {
  candidates: Candidate[];
  grid: MonthGrid;
  /** Candidate indices per target. */
  targetMembers: number[][];
  /** Per target, the due day relative to now. */
  dueDays: number[];
}

/**
 * Per run: cumulative monthly arrivals per profession × specialty × state and in total, arrivals
 * per target by its due date, and per candidate whether it arrived (within the horizon, and ever).
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
  private readonly dueDays: Float64Array;
  private readonly targetCounts: Int32Array;
  private readonly targetOffset: Int32Array;
  private readonly targetFreq: Int32Array;
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
    this.dueDays = Float64Array.from(dueDays);
    this.targetCounts = new Int32Array(targetMembers.length);
    this.targetOffset = new Int32Array(targetMembers.length + 1);
    targetMembers.forEach((list, t) => (this.targetOffset[t + 1] = this.targetOffset[t] + list.length + 1));
    this.targetFreq = new Int32Array(this.targetOffset[targetMembers.length]);

    this.arrivedInHorizon = new Int32Array(candidates.length);
    this.arrivedEver = new Int32Array(candidates.length);
  }

  addRun(arrival: Float64Array): void {
    const { groupOf, monthly, totalMonthly, targetsStart, targetList, dueDays, targetCounts } = this;
    const { arrivedInHorizon, arrivedEver } = this;
    const { horizonDay, monthOfDay, count: months } = this.grid;
    monthly.fill(0);
    totalMonthly.fill(0);
    for (let i = 0; i < groupOf.length; i++) {
      const day = arrival[i];
      if (day === Infinity) continue;
      arrivedEver[i]++;
      if (day < horizonDay) {
        const month = day <= 0 ? 0 : monthOfDay[Math.floor(day)]; // arrivals before now count in the first month
        monthly[groupOf[i] * months + month]++;
        totalMonthly[month]++;
        arrivedInHorizon[i]++;
      }
      for (let k = targetsStart[i]; k < targetsStart[i + 1]; k++) {
        const t = targetList[k];
        if (day <= dueDays[t]) targetCounts[t]++;
      }
    }
    for (let g = 0; g < this.groups.length; g++) {
      recordCumulative(monthly, g * months, months, this.seriesFreq, this.seriesOffset[g], this.groups[g].size + 1);
    }
    recordCumulative(totalMonthly, 0, months, this.totalFreq, 0, groupOf.length + 1);
    for (let t = 0; t < targetCounts.length; t++) {
      this.targetFreq[this.targetOffset[t] + targetCounts[t]]++;
      targetCounts[t] = 0;
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
  /** Per candidate: runs in which it arrived at any date. */
  arrivedEver: Int32Array;
  /** Per candidate: known fees summed over all runs. */
  feeTotals: Float64Array;
  runs: number;
  assumptions: Assumptions;
}

/** Known fees per hire by route, over candidates still in the pipeline (arrived and withdrawn ones spend nothing more). */
export function routeCosts({ candidates, arrivedEver, feeTotals, runs, assumptions }: RouteCostInput): RouteCost[] {
  return VISA_ROUTES.flatMap((visaRoute) => {
    let open = 0;
    let hires = 0;
    let fees = 0;
    candidates.forEach((candidate, i) => {
      if (candidate.visaRoute !== visaRoute || candidate.stage === 'arrived' || candidate.stage === 'withdrawn') return;
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
      },
    ];
  });
}
