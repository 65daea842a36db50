// One Monte Carlo run: every candidate's arrival day (relative to now; Infinity = never), with the
// known fees spent on each added to a running total. Hot loop: typed arrays only, no allocation.
//
// Timing rules (see timing/routes.ts for the plan):
// - one draw decides whether the candidate withdraws in any remaining step; a withdrawn
//   candidate never arrives, pays no visa fee and takes no Conrad 30 slot;
// - each step starts when the previous one ends; the current stage's step started on the stage
//   date, and no step ends before now;
// - licensing and visa tracks both start when recruitment ends; arrival waits for both;
// - H-1B lottery: the first March window closing after the visa track starts, selection with
//   probability p, start no earlier than Oct 1 (and no earlier than the April petition is
//   decided); missed lotteries retry next March up to the limit;
// - Conrad 30: filings are served first come per state and fiscal year; when a year's slots are
//   gone the application waits for the next year's window (Oct 1); the waiver lapses if licensing
//   is not done within the start window after the earliest H-1B start.

import { fiscalYearIndex, type CalendarTables } from './calendar-tables';
import {
  STATUS_ARRIVED,
  STATUS_WITHDRAWN,
  VISA_CONRAD,
  VISA_LOTTERY,
  VISA_NONE,
  VISA_PETITION,
  type Cohort,
  type ConradState,
  type TriangularTable,
} from './cohort';
import type { Random } from './random';

/** Uniforms drawn in bulk; refilled when a candidate might need more than remain. */
const POOL_SIZE = 8192;

/** Reusable per-run state, sized once for a cohort. */
export interface RunBuffers {
  arrival: Float64Array;
  /** Known fees spent per candidate, summed over all runs so far. */
  feeTotals: Float64Array;
  random: Random;
  uniforms: Float64Array;
  /** Next unused index in `uniforms`. */
  position: number;
  /** Conrad 30 applicants: day they could file, and day licensing is done. */
  readyToFile: Float64Array;
  licensed: Float64Array;
  slotsUsed: Int32Array;
  /** Conrad 30 applicants of one state still in the running, and their sort keys. */
  filers: Int32Array;
  sortKeys: Float64Array;
}

/** Sort keys pack (day, applicant) into one number; this bounds applicants per state. */
const APPLICANT_KEY_RANGE = 1 << 20;

export function createRunBuffers(cohort: Cohort, tables: CalendarTables, random: Random): RunBuffers {
  const largestState = cohort.conradStates.reduce((most, state) => Math.max(most, state.applicants.length), 0);
  if (largestState >= APPLICANT_KEY_RANGE) throw new Error(`Too many Conrad 30 applicants in one state: ${largestState}`);
  const mostDraws = cohort.maxDraws.reduce((most, draws) => Math.max(most, draws), 1);
  const uniforms = new Float64Array(Math.max(POOL_SIZE, mostDraws));
  return {
    arrival: new Float64Array(cohort.size),
    feeTotals: new Float64Array(cohort.size),
    random,
    uniforms,
    position: uniforms.length, // empty: the first reservation fills it
    readyToFile: new Float64Array(cohort.size),
    licensed: new Float64Array(cohort.size),
    slotsUsed: new Int32Array(tables.fiscalYearStarts.length),
    filers: new Int32Array(largestState),
    sortKeys: new Float64Array(largestState),
  };
}

/** Makes sure `count` unused uniforms follow buffers.position; returns that position. */
function reserve(buffers: RunBuffers, count: number): number {
  if (buffers.position + count > buffers.uniforms.length) {
    buffers.random.fill(buffers.uniforms);
    buffers.position = 0;
  }
  return buffers.position;
}

/** Inverse-CDF sample of triangular step `id` for uniform u. */
function stepDays(steps: TriangularTable, id: number, u: number): number {
  return u < steps.split[id] ? steps.min[id] + Math.sqrt(u * steps.low[id]) : steps.max[id] - Math.sqrt((1 - u) * steps.high[id]);
}

export function sampleRun(cohort: Cohort, tables: CalendarTables, buffers: RunBuffers): void {
  const { status, anchor, survival, maxDraws, stepsStart, licensingStart, stepIds, steps, visaKind, visaStep } = cohort;
  const { petitionFee, lotteryEntryFee, selectionProbability, maxLotteries, petitionDays } = cohort;
  const { arrival, feeTotals, uniforms: u, readyToFile, licensed, random } = buffers;
  const { registrationCloses, petitionFilingOpens, capStart } = tables;
  const years = registrationCloses.length;
  const poolSize = u.length;
  let p = buffers.position;

  for (let i = 0; i < cohort.size; i++) {
    const state = status[i];
    if (state === STATUS_ARRIVED) {
      arrival[i] = anchor[i];
      continue;
    }
    if (state === STATUS_WITHDRAWN) {
      arrival[i] = Infinity;
      continue;
    }
    if (p + maxDraws[i] > poolSize) {
      random.fill(u);
      p = 0;
    }
    if (u[p++] >= survival[i]) {
      arrival[i] = Infinity;
      continue;
    }

    let recruited = anchor[i];
    const licensingFrom = licensingStart[i];
    for (let k = stepsStart[i]; k < licensingFrom; k++) {
      recruited = Math.max(recruited + stepDays(steps, stepIds[k], u[p++]), 0);
    }
    let ready = recruited;
    const stepsEnd = stepsStart[i + 1];
    for (let k = licensingFrom; k < stepsEnd; k++) {
      ready = Math.max(ready + stepDays(steps, stepIds[k], u[p++]), 0);
    }
    ready = Math.max(ready, 0);
    const visaFrom = Math.max(recruited, 0);

    const kind = visaKind[i];
    if (kind === VISA_NONE) {
      arrival[i] = ready;
    } else if (kind === VISA_PETITION) {
      feeTotals[i] += petitionFee[i];
      arrival[i] = Math.max(ready, visaFrom + stepDays(steps, visaStep[i], u[p++]));
    } else if (kind === VISA_LOTTERY) {
      let year = 0;
      while (year < years && registrationCloses[year] < visaFrom) year++;
      arrival[i] = Infinity;
      const lastYear = Math.min(years, year + maxLotteries[i]);
      for (; year < lastYear; year++) {
        feeTotals[i] += lotteryEntryFee[i];
        if (u[p++] < selectionProbability[i]) {
          feeTotals[i] += petitionFee[i];
          arrival[i] = Math.max(ready, capStart[year], petitionFilingOpens[year] + petitionDays[i]);
          break;
        }
      }
    } else if (kind === VISA_CONRAD) {
      arrival[i] = NaN; // decided below, once every applicant's filing day is known
      readyToFile[i] = visaFrom;
      licensed[i] = ready;
    }
  }
  buffers.position = p;

  for (const state of cohort.conradStates) placeConradState(cohort, tables, buffers, state);
}

function placeConradState(cohort: Cohort, tables: CalendarTables, buffers: RunBuffers, state: ConradState): void {
  const { arrival, readyToFile, slotsUsed, filers, sortKeys } = buffers;
  const { applicants, probes, slotsPerFiscalYear: slots } = state;
  slotsUsed.fill(0);

  let count = 0;
  for (let k = 0; k < applicants.length; k++) if (Number.isNaN(arrival[applicants[k]])) filers[count++] = applicants[k];
  if (count <= slots) {
    // Nobody can be crowded out, so the order of filing does not matter.
    for (let k = 0; k < count; k++) {
      const i = filers[k];
      placeConradApplicant(cohort, buffers, i, fileConrad(tables, slotsUsed, slots, readyToFile[i], true));
    }
  } else {
    // First come, first served: order by the day each could file (ties by list order).
    for (let k = 0; k < count; k++) sortKeys[k] = Math.floor(readyToFile[filers[k]]) * APPLICANT_KEY_RANGE + k;
    const keys = sortKeys.subarray(0, count).sort();
    for (let k = 0; k < count; k++) {
      const i = filers[keys[k] % APPLICANT_KEY_RANGE];
      placeConradApplicant(cohort, buffers, i, fileConrad(tables, slotsUsed, slots, readyToFile[i], true));
    }
  }
  // Each new candidate is placed as the one extra applicant, after everyone in the pipeline.
  for (let k = 0; k < probes.length; k++) {
    const i = probes[k];
    if (Number.isNaN(arrival[i])) placeConradApplicant(cohort, buffers, i, fileConrad(tables, slotsUsed, slots, readyToFile[i], false));
  }
}

/**
 * Filing day of an application ready on `day`: that day if its fiscal year has a slot left,
 * else the opening (Oct 1) of the first later year with one; Infinity when none is in the table.
 */
function fileConrad(tables: CalendarTables, slotsUsed: Int32Array, slots: number, day: number, takeSlot: boolean): number {
  const fiscalYears = tables.fiscalYearStarts.length;
  const first = fiscalYearIndex(tables, day);
  let year = first;
  while (year < fiscalYears && slotsUsed[year] >= slots) year++;
  if (year >= fiscalYears) return Infinity;
  if (takeSlot) slotsUsed[year]++;
  return year === first ? day : tables.fiscalYearStarts[year];
}

function placeConradApplicant(cohort: Cohort, buffers: RunBuffers, i: number, filingDay: number): void {
  const { arrival, feeTotals, licensed } = buffers;
  if (filingDay === Infinity) {
    arrival[i] = Infinity;
    return;
  }
  const p = reserve(buffers, 1);
  buffers.position = p + 1;
  feeTotals[i] += cohort.petitionFee[i];
  const start = filingDay + stepDays(cohort.steps, cohort.visaStep[i], buffers.uniforms[p]);
  arrival[i] = licensed[i] > start + cohort.startWithinDays[i] ? Infinity : Math.max(licensed[i], start);
}
