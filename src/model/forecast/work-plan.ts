// How a forecast's sampling is divided up. Candidates (and the hypothetical new candidates of the
// back-calculation, "probes") are independent of each other except where they compete for a
// state's Conrad 30 slots. So:
// - a member whose outcome depends on nobody else is sampled on its own, `runs` draws (one work
//   unit each); members with the same plan share one row of tallies (a cohort) and one unit: the
//   cohort's first member is drawn for all of them, as their arrivals have the same distribution
//   and counts are computed from distributions (a cohort of k adds k times its row's error);
// - the members of a state where applicants can crowd each other (or a probe) out of a slot form
//   a group sampled together run by run; its runs are cut into blocks of BLOCK_RUNS (one unit each).
// On the sampled path (method 'sampled') everybody forms one group: every candidate is drawn in
// every run, as a reference. Each unit draws from its own random stream (its index), so a forecast
// gives the same numbers however its units are spread over workers.

import { STATUS_ACTIVE, type Cohort, type ConradState } from './cohort';
import type { MemberGroup } from './sample-run';

export type ForecastMethod = 'direct' | 'sampled';

/** Runs per unit of a group: small enough to spread a group over workers, large enough to keep overhead low. */
export const BLOCK_RUNS = 500;

export interface WorkPlan {
  runs: number;
  /** Members sampled on their own, one per cohort (the others share its draws): unit u < alone.length samples alone[u]. */
  alone: Int32Array;
  groups: MemberGroup[];
  /** Later units: block unitBlock[u] of group unitGroup[u]. */
  unitGroup: Int32Array;
  unitBlock: Int32Array;
  unitCount: number;
  /** Relative cost of each unit (uniform draws, roughly), to share units out evenly. */
  unitCost: Float64Array;
  /** Where each unit's fee totals go: feeSlot[u] + its k-th member. */
  feeSlot: Int32Array;
  feeSlots: number;
  rows: RowLayout;
}

/** Tally rows: one per pooled cohort of lone real candidates, one per other member. */
export interface RowLayout {
  count: number;
  rowOf: Int32Array;
  /** Draws tallied in each row over a whole forecast (a cohort's: its first member's). */
  samples: Float64Array;
  /**
   * The chance of not withdrawing that a row's draws are conditional on: lone candidates are drawn
   * given that they stay (1 for rows drawn as they are). See rowShare.
   */
  stays: Float64Array;
  /** Per member drawn alone, its draws (`runs` times the chance it stays, rounded up). */
  drawsOf: Int32Array;
  /** Members of each row, in member order: rowMembers[rowStart[r] .. rowStart[r + 1]). */
  rowStart: Int32Array;
  rowMembers: Int32Array;
  /** Cut-off days (relative to now, exclusive) counted in each row: cutDay[cutStart[r] .. cutStart[r + 1]). */
  cutStart: Int32Array;
  cutDay: Float64Array;
  /** 1 when the row's members can owe the $100,000 fee, so its counterfactual differs. */
  exposed: Uint8Array;
}

export interface WorkPlanInput {
  cohort: Cohort;
  /** Real candidates are members 0 .. realCount − 1; probes follow. */
  realCount: number;
  /** Same plan, same key: candidates with equal keys are pooled. */
  planKey: readonly unknown[];
  /** Per member, the cut-off days whose arrivals are counted (due dates of its targets). */
  cutsOf: number[][];
  runs: number;
  method: ForecastMethod;
}

export function buildWorkPlan({ cohort, realCount, planKey, cutsOf, runs, method }: WorkPlanInput): WorkPlan {
  const { alone: lone, groups } = method === 'sampled' ? everyoneTogether(cohort) : partition(cohort);
  const rows = rowLayout(cohort, realCount, planKey, cutsOf, runs, lone);
  // One unit per cohort of lone members: its first member.
  const alone = lone.filter((i) => rows.rowMembers[rows.rowStart[rows.rowOf[i]]] === i);
  const blocks = Math.ceil(runs / BLOCK_RUNS);
  const unitCount = alone.length + groups.length * blocks;
  const unitGroup = new Int32Array(unitCount).fill(-1);
  const unitBlock = new Int32Array(unitCount).fill(-1);
  const unitCost = new Float64Array(unitCount);
  const feeSlot = new Int32Array(unitCount);
  let slots = 0;
  const drawsOf = (i: number) => (cohort.status[i] === STATUS_ACTIVE ? cohort.maxDraws[i] + 4 : 1);
  for (let u = 0; u < alone.length; u++) {
    unitCost[u] = cohort.status[alone[u]] === STATUS_ACTIVE ? rows.drawsOf[alone[u]] * drawsOf(alone[u]) : 1;
    feeSlot[u] = slots++;
  }
  let u = alone.length;
  groups.forEach((group, g) => {
    const perRun = group.members.reduce((sum, i) => sum + drawsOf(i) + 2, 0);
    for (let b = 0; b < blocks; b++, u++) {
      unitGroup[u] = g;
      unitBlock[u] = b;
      unitCost[u] = perRun * (Math.min(runs, (b + 1) * BLOCK_RUNS) - b * BLOCK_RUNS);
      feeSlot[u] = slots;
      slots += group.members.length;
    }
  });
  return { runs, alone, groups, unitGroup, unitBlock, unitCount, unitCost, feeSlot, feeSlots: slots, rows };
}

/** Splits units [0, count) into `parts` contiguous ranges of about equal cost: part k is [bounds[k], bounds[k + 1]). */
export function shareUnits(plan: WorkPlan, parts: number): Int32Array {
  const bounds = new Int32Array(parts + 1);
  const total = plan.unitCost.reduce((a, b) => a + b, 0);
  let cumulative = 0;
  let part = 1;
  for (let u = 0; u < plan.unitCount && part < parts; u++) {
    cumulative += plan.unitCost[u];
    while (part < parts && cumulative >= (total * part) / parts) bounds[part++] = u + 1;
  }
  while (part <= parts) bounds[part++] = plan.unitCount;
  return bounds;
}

function everyoneTogether(cohort: Cohort): { alone: Int32Array; groups: MemberGroup[] } {
  const members = Int32Array.from({ length: cohort.size }, (_, i) => i);
  return { alone: new Int32Array(0), groups: [{ members, conradStates: cohort.conradStates, feeExposed: cohort.feeExposed }] };
}

/**
 * A state's applicants crowd each other out only when there are more of them than slots (or flex
 * applicants than flex slots); a probe, placed after them, only when they could fill every slot it
 * could use. Everyone else's outcome depends on nobody.
 */
function partition(cohort: Cohort): { alone: Int32Array; groups: MemberGroup[] } {
  const together = new Uint8Array(cohort.size);
  const groups: MemberGroup[] = [];
  for (const state of cohort.conradStates) {
    const flexApplicants = state.applicants.reduce((n, i) => n + cohort.conradFlex[i], 0);
    const crowded = state.applicants.length > state.slotsPerFiscalYear || flexApplicants > state.flexPerFiscalYear;
    const probes = state.probes.filter(
      (i) =>
        crowded ||
        state.applicants.length >= state.slotsPerFiscalYear ||
        (cohort.conradFlex[i] === 1 && flexApplicants >= state.flexPerFiscalYear),
    );
    if (!crowded && probes.length === 0) continue;
    const members = Int32Array.from([...state.applicants, ...probes]).sort();
    for (const i of members) together[i] = 1;
    const groupState: ConradState = { ...state, probes };
    groups.push({ members, conradStates: [groupState], feeExposed: members.filter((i) => cohort.feeAbroad[i] > 0) });
  }
  const alone = Int32Array.from({ length: cohort.size }, (_, i) => i).filter((i) => together[i] === 0);
  return { alone, groups };
}

function rowLayout(
  cohort: Cohort,
  realCount: number,
  planKey: readonly unknown[],
  cutsOf: number[][],
  runs: number,
  alone: Int32Array,
): RowLayout {
  const rowOf = new Int32Array(cohort.size).fill(-1);
  const isAlone = new Uint8Array(cohort.size);
  for (const i of alone) isAlone[i] = 1;
  const pooled = new Map<unknown, number>();
  const members: number[][] = [];
  for (let i = 0; i < cohort.size; i++) {
    const pool = i < realCount && isAlone[i] === 1;
    let row = pool ? pooled.get(planKey[i]) : undefined;
    if (row === undefined) {
      row = members.push([]) - 1;
      if (pool) pooled.set(planKey[i], row);
    }
    rowOf[i] = row;
    members[row].push(i);
  }
  const count = members.length;
  const rowStart = new Int32Array(count + 1);
  members.forEach((list, r) => (rowStart[r + 1] = rowStart[r] + list.length));
  // A lone active member is drawn given that it stays; everyone else as they are.
  const stays = Float64Array.from(members, (list) => {
    const i = list[0];
    return isAlone[i] === 1 && cohort.status[i] === STATUS_ACTIVE ? cohort.survival[i] : 1;
  });
  const drawsOf = new Int32Array(cohort.size);
  members.forEach((list, r) => {
    for (const i of list) drawsOf[i] = isAlone[i] === 1 && cohort.status[i] === STATUS_ACTIVE ? Math.ceil(stays[r] * runs) : runs;
  });
  const cuts = members.map((list) => {
    const days = list.length === 1 ? cutsOf[list[0]] : list.flatMap((i) => cutsOf[i]);
    return days.length <= 1 ? days : [...new Set(days)].sort((a, b) => a - b);
  });
  const cutStart = new Int32Array(count + 1);
  cuts.forEach((list, r) => (cutStart[r + 1] = cutStart[r] + list.length));
  return {
    count,
    rowOf,
    samples: Float64Array.from(members, (list) => drawsOf[list[0]]),
    stays,
    drawsOf,
    rowStart,
    rowMembers: Int32Array.from(members.flat()),
    cutStart,
    cutDay: Float64Array.from(cuts.flat()),
    exposed: Uint8Array.from(members, (list) => (list.some((i) => cohort.feeAbroad[i] > 0) ? 1 : 0)),
  };
}

/**
 * The probability of an event from `count` of a row's draws: drawn given that the member stays,
 * the count's share times the chance it stays (0 for a member certain to withdraw). This needs
 * fewer draws for the same precision: for any event A of a member who stays with probability s,
 * s·P̂(A | stays) from ⌈s·runs⌉ draws has variance s²·q(1 − q)/⌈s·runs⌉ ≤ s·q(1 − s·q)/runs with
 * q = P(A | stays), the variance of P̂(A) from `runs` plain draws.
 */
export function rowShare(rows: RowLayout, row: number, count: number): number {
  const samples = rows.samples[row];
  return samples > 0 ? (rows.stays[row] * count) / samples : 0;
}

/** Index into cutDay of member i's cut-off `day` (one of cutsOf[i]). */
export function cutIndex(rows: RowLayout, i: number, day: number): number {
  const r = rows.rowOf[i];
  for (let k = rows.cutStart[r]; k < rows.cutStart[r + 1]; k++) if (rows.cutDay[k] === day) return k;
  throw new Error(`no cut-off day ${day} for member ${i}`);
}
