// Counts of arrivals among a set of candidates (a target's, a series', everyone), by month and by a
// due date, from the tallies of a forecast. Candidates drawn on their own are independent, so their
// count is a Poisson-binomial of their arrival probabilities, computed exactly; each group sampled
// run by run adds the distribution of its own members' count, and the parts are convolved.

import {
  distributionMean,
  distributionQuantile,
  fromFrequencies,
  poissonBinomial,
  sumOf,
  type CountDistribution,
} from './count-distribution';
import type { GroupTally } from './group-tally';
import type { Band } from './result';
import { monthSlots, type Tallies, type UnitContext } from './run-units';
import { cutIndex, rowShare } from './work-plan';

/** A band, and whether its percentiles are real (false when a group kept only the mean, see group-tally.ts). */
export interface MonthlyBand {
  band: Band;
  percentiles: boolean;
}

/** Rows of candidates drawn on their own, how many of the candidates each holds, and the first of them. */
interface LoneRows {
  rows: Int32Array;
  multiplicities: Int32Array;
  first: Int32Array;
}

/** What a group contributes to an aggregate in one month: run frequencies, a mean-only sum, or nothing. */
type GroupPart = { freq: Int32Array } | { sum: number } | null;

export class AggregateCounts {
  private readonly runs: number;
  private readonly months: number;
  /** Per row and month: the share of its draws arrived by the end of the month. */
  private readonly arrivedBy: Float64Array;
  /** Per member: its group, or −1 when drawn on its own. */
  private readonly groupOf: Int32Array;

  constructor(
    private readonly context: UnitContext,
    private readonly tallies: Tallies,
    private readonly groups: GroupTally[],
  ) {
    const { work, grid } = context;
    this.runs = work.runs;
    this.months = grid.count;
    const slots = monthSlots(grid);
    this.arrivedBy = new Float64Array(work.rows.count * this.months);
    for (let r = 0; r < work.rows.count; r++) {
      let cumulative = 0;
      for (let m = 0; m < this.months; m++) {
        cumulative += tallies.months[r * slots + m];
        this.arrivedBy[r * this.months + m] = rowShare(work.rows, r, cumulative);
      }
    }
    this.groupOf = new Int32Array(context.cohort.size).fill(-1);
    work.groups.forEach((group, g) => group.members.forEach((i) => (this.groupOf[i] = g)));
  }

  /**
   * Cumulative arrivals among `members` by the end of each month: mean, p10 and p90, and whether
   * the percentiles are real (false when a group kept only the mean, see group-tally.ts).
   */
  band(members: readonly number[], part: (group: GroupTally, m: number) => GroupPart): MonthlyBand {
    const lone = this.loneRows(members);
    return this.monthly((m) => this.loneCount(lone, m), part);
  }

  /**
   * The bands of disjoint sets of candidates and of their union (everyone: the series and the
   * total). The union's independent part is the sum of the sets' parts, so it is not recomputed.
   */
  bandsWithUnion(
    sets: readonly (readonly number[])[],
    part: (group: GroupTally, m: number, set: number) => GroupPart,
    unionPart: (group: GroupTally, m: number) => GroupPart,
  ): { sets: MonthlyBand[]; union: MonthlyBand } {
    const lone = sets.map((members) => this.loneRows(members));
    const perMonth = Array.from({ length: this.months }, (_, m) => lone.map((rows) => this.loneCount(rows, m)));
    return {
      sets: sets.map((_, k) =>
        this.monthly(
          (m) => perMonth[m][k],
          (group, m) => part(group, m, k),
        ),
      ),
      union: this.monthly((m) => sumOf(perMonth[m]), unionPart),
    };
  }

  private monthly(loneCount: (m: number) => CountDistribution, part: (group: GroupTally, m: number) => GroupPart): MonthlyBand {
    const band: Band = { mean: [], p10: [], p90: [] };
    let percentiles = true;
    for (let m = 0; m < this.months; m++) {
      const parts: CountDistribution[] = [loneCount(m)];
      let meanOnly = 0;
      let isMeanOnly = false;
      for (const group of this.groups) {
        const got = part(group, m);
        if (got === null) continue;
        if ('sum' in got) {
          isMeanOnly = true;
          meanOnly += got.sum / this.runs;
        } else parts.push(fromFrequencies(got.freq, this.runs));
      }
      if (isMeanOnly) {
        const mean = distributionMean(sumOf(parts)) + meanOnly;
        band.mean.push(mean);
        band.p10.push(mean);
        band.p90.push(mean);
        percentiles = false;
        continue;
      }
      const d = sumOf(parts);
      band.mean.push(distributionMean(d));
      band.p10.push(distributionQuantile(d, 0.1));
      band.p90.push(distributionQuantile(d, 0.9));
    }
    return { band, percentiles };
  }

  /** The count by the end of month m among lone rows. */
  private loneCount(lone: LoneRows, m: number): CountDistribution {
    const probabilities = new Float64Array(lone.rows.length);
    for (let k = 0; k < lone.rows.length; k++) probabilities[k] = this.arrivedBy[lone.rows[k] * this.months + m];
    return poissonBinomial(probabilities, lone.multiplicities);
  }

  /** Arrivals among `members` before `cut` (days after now), with each group's counts for it. */
  before(
    members: readonly number[],
    cut: number,
    part: (group: GroupTally) => Int32Array | null,
    counterfactual = false,
  ): CountDistribution {
    const layout = this.context.work.rows;
    const hits = counterfactual ? this.tallies.altHits : this.tallies.hits;
    const { rows, multiplicities, first } = this.loneRows(members);
    const probabilities = Float64Array.from(rows, (row, k) => rowShare(layout, row, hits[cutIndex(layout, first[k], cut)]));
    const parts = [poissonBinomial(probabilities, multiplicities)];
    for (const group of this.groups) {
      const freq = part(group);
      if (freq) parts.push(fromFrequencies(freq, this.runs));
    }
    return sumOf(parts);
  }

  /** The rows of the members drawn on their own, with how many of the members each holds and the first of them. */
  private loneRows(members: readonly number[]): LoneRows {
    const rowOf = this.context.work.rows.rowOf;
    const index = new Map<number, number>();
    const rows: number[] = [];
    const multiplicities: number[] = [];
    const first: number[] = [];
    for (const i of members) {
      if (this.groupOf[i] >= 0) continue;
      const row = rowOf[i];
      const k = index.get(row);
      if (k !== undefined) multiplicities[k]++;
      else {
        index.set(row, rows.push(row) - 1);
        multiplicities.push(1);
        first.push(i);
      }
    }
    return { rows: Int32Array.from(rows), multiplicities: Int32Array.from(multiplicities), first: Int32Array.from(first) };
  }

  /** P(member i arrives before `cut`). */
  probabilityBefore(i: number, cut: number): number {
    const { rows } = this.context.work;
    return rowShare(rows, rows.rowOf[i], this.tallies.hits[cutIndex(rows, i, cut)]);
  }
}
