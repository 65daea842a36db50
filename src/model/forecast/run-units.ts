// Runs work units (work-plan.ts) into tallies. Tallies of different units add up element by element
// whatever the order (whole counts, and fee totals each written by exactly one unit), so workers can
// each run some of the units and the sums are the same as one thread running them all.

import type { MonthGrid } from './aggregates';
import type { CalendarTables } from './calendar-tables';
import { STATUS_ACTIVE, type Cohort } from './cohort';
import { GroupTally, type GroupTallyOptions } from './group-tally';
import { createRandom } from './random';
import { BINDINGS, createRunBuffers, sampleAlone, sampleRun, switchStream, type FeeRule, type RunBuffers } from './sample-run';
import { TIMELINE_STRIDE, traceMember } from './timeline';
import { BLOCK_RUNS, type RowLayout, type WorkPlan } from './work-plan';

/** Everything a unit needs; built the same way in every worker. */
export interface UnitContext {
  cohort: Cohort;
  tables: CalendarTables;
  fee: FeeRule;
  grid: MonthGrid;
  seed: number;
  work: WorkPlan;
  /** Real candidates are members 0 .. realCount − 1; probes follow. */
  realCount: number;
  /** For each group, the options of its run-by-run tally. */
  groupTallies: Omit<GroupTallyOptions, 'members'>;
}

/**
 * Per row of the work plan: draws by arrival month (months of the grid, then after the horizon,
 * then never), by what decided them (the BIND_ codes), and arriving before each cut-off day (also
 * under the counterfactual fee scenario, for rows that can owe the fee). Fees summed per unit.
 */
export interface Tallies {
  months: Float64Array;
  bindings: Float64Array;
  hits: Float64Array;
  altHits: Float64Array;
  fees: Float64Array;
  /** Per row of a real candidate still in the pipeline, its timeline's numbers (timeline.ts), written by the row's own unit. */
  timeline: Float32Array;
  groupCounts: Int32Array[];
  groupSums: Float64Array[];
}

/** Month slots per row: the grid's months, then "after the horizon", then "never". */
export const monthSlots = (grid: MonthGrid) => grid.count + 2;

export function createTallies(context: UnitContext): Tallies {
  const { rows, groups } = context.work;
  const groupTallies = groups.map((group) => new GroupTally({ ...context.groupTallies, members: realMembers(group.members, context) }));
  return {
    months: new Float64Array(rows.count * monthSlots(context.grid)),
    bindings: new Float64Array(rows.count * BINDINGS),
    hits: new Float64Array(rows.cutDay.length),
    altHits: new Float64Array(rows.cutDay.length),
    fees: new Float64Array(context.work.feeSlots),
    timeline: new Float32Array(rows.count * TIMELINE_STRIDE),
    groupCounts: groupTallies.map((tally) => tally.counts),
    groupSums: groupTallies.map((tally) => tally.sums),
  };
}

/** A group's tally over merged counts. */
export function groupTally(context: UnitContext, tallies: Tallies, g: number): GroupTally {
  const tally = new GroupTally({ ...context.groupTallies, members: realMembers(context.work.groups[g].members, context) });
  tally.merge(tallies.groupCounts[g], tallies.groupSums[g]);
  return tally;
}

export function mergeTallies(into: Tallies, from: Tallies): void {
  const add = (a: Float64Array | Float32Array | Int32Array, b: Float64Array | Float32Array | Int32Array) => {
    for (let k = 0; k < a.length; k++) a[k] += b[k];
  };
  add(into.months, from.months);
  add(into.bindings, from.bindings);
  add(into.hits, from.hits);
  add(into.altHits, from.altHits);
  add(into.fees, from.fees);
  add(into.timeline, from.timeline);
  into.groupCounts.forEach((counts, g) => add(counts, from.groupCounts[g]));
  into.groupSums.forEach((sums, g) => add(sums, from.groupSums[g]));
}

/** Every typed array of the tallies, to transfer them between threads. */
export function talliesBuffers(tallies: Tallies): ArrayBuffer[] {
  const arrays = [
    tallies.months,
    tallies.bindings,
    tallies.hits,
    tallies.altHits,
    tallies.fees,
    tallies.timeline,
    ...tallies.groupCounts,
    ...tallies.groupSums,
  ];
  return arrays.map((array) => array.buffer as ArrayBuffer);
}

/**
 * Runs units [from, to) into `tallies`. With `arrivals` (real candidates × runs, candidate-major),
 * also records every draw of every real candidate, for callers that look at single runs.
 */
export function runUnits(context: UnitContext, tallies: Tallies, from: number, to: number, arrivals?: Float64Array): void {
  const buffers = createRunBuffers(context.cohort, context.tables, createRandom(context.seed));
  const groupTallies = new Map<number, GroupTally>();
  for (let u = from; u < to; u++) {
    switchStream(buffers, createRandom(context.seed, u), context.work.unitCost[u]);
    const g = context.work.unitGroup[u];
    if (g < 0) runAlone(context, tallies, buffers, u, arrivals);
    else {
      let tally = groupTallies.get(g);
      if (!tally)
        groupTallies.set(
          g,
          (tally = new GroupTally({ ...context.groupTallies, members: realMembers(context.work.groups[g].members, context) })),
        );
      runBlock(context, tallies, buffers, tally, u, arrivals);
    }
  }
  for (const [g, tally] of groupTallies) {
    const counts = tallies.groupCounts[g];
    const sums = tallies.groupSums[g];
    for (let k = 0; k < counts.length; k++) counts[k] += tally.counts[k];
    for (let k = 0; k < sums.length; k++) sums[k] += tally.sums[k];
  }
}

function runAlone(context: UnitContext, tallies: Tallies, buffers: RunBuffers, u: number, arrivals?: Float64Array): void {
  const { cohort, tables, fee, work, grid } = context;
  const { rows } = work;
  const i = work.alone[u];
  const row = rows.rowOf[i];
  const runs = work.runs;
  const record = arrivals !== undefined && i < context.realCount;
  const { arrival, binding, altArrival } = buffers;
  buffers.feeTotals[i] = 0;
  if (cohort.status[i] !== STATUS_ACTIVE) {
    // Arrived or withdrawn: the same outcome in every run.
    sampleRun(cohort, tables, buffers, fee, { members: Int32Array.of(i), conradStates: [], feeExposed: new Int32Array(0) });
    tally(context, tallies, row, arrival[i], binding[i], arrival[i], runs);
    if (record) for (const m of cohortOf(rows, row)) arrivals.fill(arrival[i], m * runs, (m + 1) * runs);
    return;
  }
  // Drawn given that the member stays (rowShare): the row's tallies are weighed by that chance.
  const draws = rows.drawsOf[i];
  const exposed = rows.exposed[row] === 1;
  const slots = monthSlots(grid);
  const monthsAt = row * slots;
  const bindingsAt = row * BINDINGS;
  const cutsFrom = rows.cutStart[row];
  const cutsTo = rows.cutStart[row + 1];
  const { months, bindings, hits, altHits } = tallies;
  const { cutDay } = rows;
  const { horizonDay, monthOfDay, count } = grid;
  sampleAlone(cohort, tables, buffers, fee, i, draws, true, () => {
    const day = arrival[i];
    const alt = exposed ? altArrival[i] : day;
    months[monthsAt + (day === Infinity ? count + 1 : day >= horizonDay ? count : day <= 0 ? 0 : monthOfDay[Math.floor(day)])]++;
    bindings[bindingsAt + binding[i]]++;
    for (let k = cutsFrom; k < cutsTo; k++) {
      if (day < cutDay[k]) hits[k]++;
      if (alt < cutDay[k]) altHits[k]++;
    }
  });
  tallies.fees[work.feeSlot[u]] = buffers.feeTotals[i];
  // The row's timeline, on a stream after every unit's and run record's.
  if (i < context.realCount) {
    traceMember(cohort, tables, buffers, fee, i, context.seed, timelineStream(context, row), tallies.timeline, row * TIMELINE_STRIDE);
  }
  if (record) {
    // Runs to look at one by one: plain draws of each member of the cohort from a stream of its own
    // (the tallies keep theirs), drawn on the first member's plan, which is theirs.
    for (const m of cohortOf(rows, row)) {
      let at = m * runs;
      switchStream(buffers, createRandom(context.seed, work.unitCount + m), runs * (cohort.maxDraws[i] + 4));
      sampleAlone(cohort, tables, buffers, fee, i, runs, false, () => (arrivals[at++] = arrival[i]));
    }
  }
}

/** The random stream of a row's timeline draws: after every unit's and every recorded member's. */
export const timelineStream = (context: UnitContext, row: number): number => context.work.unitCount + context.cohort.size + row;

function cohortOf(rows: RowLayout, row: number): Int32Array {
  return rows.rowMembers.subarray(rows.rowStart[row], rows.rowStart[row + 1]);
}

function runBlock(
  context: UnitContext,
  tallies: Tallies,
  buffers: RunBuffers,
  groupTally: GroupTally,
  u: number,
  arrivals?: Float64Array,
): void {
  const { cohort, tables, fee, work } = context;
  const group = work.groups[work.unitGroup[u]];
  const { members } = group;
  const { arrival, altArrival, binding, feeTotals } = buffers;
  const realCount = context.realCount;
  const first = work.unitBlock[u] * BLOCK_RUNS;
  const last = Math.min(work.runs, first + BLOCK_RUNS);
  for (let k = 0; k < members.length; k++) feeTotals[members[k]] = 0;
  for (let run = first; run < last; run++) {
    sampleRun(cohort, tables, buffers, fee, group);
    for (let k = 0; k < members.length; k++) {
      const i = members[k];
      const row = work.rows.rowOf[i];
      const day = arrival[i];
      tally(context, tallies, row, day, binding[i], work.rows.exposed[row] === 1 ? altArrival[i] : day, 1);
      if (arrivals && i < realCount) arrivals[i * work.runs + run] = day;
    }
    groupTally.addRun(arrival, altArrival);
  }
  const slot = work.feeSlot[u];
  for (let k = 0; k < members.length; k++) tallies.fees[slot + k] = feeTotals[members[k]];
}

/** Adds `weight` draws with arrival `day` (and counterfactual arrival `alt`) decided by `bind` to a row. */
function tally(context: UnitContext, tallies: Tallies, row: number, day: number, bind: number, alt: number, weight: number): void {
  const { grid } = context;
  const rows: RowLayout = context.work.rows;
  const slots = grid.count + 2;
  const slot = day === Infinity ? grid.count + 1 : day >= grid.horizonDay ? grid.count : day <= 0 ? 0 : grid.monthOfDay[Math.floor(day)];
  tallies.months[row * slots + slot] += weight;
  tallies.bindings[row * BINDINGS + bind] += weight;
  const cutDay = rows.cutDay;
  for (let k = rows.cutStart[row]; k < rows.cutStart[row + 1]; k++) {
    if (day < cutDay[k]) tallies.hits[k] += weight;
    if (alt < cutDay[k]) tallies.altHits[k] += weight;
  }
}

function realMembers(members: Int32Array, context: UnitContext): Int32Array {
  return members.filter((i) => i < context.realCount);
}
