// Each candidate's road as a timeline: every remaining step with its 10th, 50th and 90th
// percentile finish date, from traced draws of the candidate given that they stay — the same plan,
// rules and sampler as the forecast's runs, on a random stream of their own. A Conrad 30 applicant
// is traced as if its state had a slot for it (the runs deal the slots). The fixed dates come from
// the plan (standing.ts) and the targets the candidate counts toward.

import { formatIsoDate } from '../calendar';
import type { CandidatePlan } from '../timing/routes';
import type { CalendarTables } from './calendar-tables';
import type { Cohort } from './cohort';
import { createRandom } from './random';
import type { DelayingStep, TimelineStep } from './result';
import {
  TRACE_APPROVED,
  TRACE_CHAIN,
  TRACE_CHAIN_STEPS,
  TRACE_ECFMG,
  TRACE_FILED,
  TRACE_LICENSING_FIRST,
  TRACE_LICENSING_LAST,
  TRACE_RECRUITED,
  TRACE_RESIDENCY,
  TRACE_SELECTED,
  TRACE_SLOTS,
  TRACE_STEP3,
  TRACE_VISASCREEN,
  TRACE_WAIVER_FILED,
  TRACE_WAIVER_START,
  sampleAlone,
  switchStream,
  type FeeRule,
  type RunBuffers,
} from './sample-run';

/** Draws per timeline: percentiles to two or three points, cheap next to the forecast's runs. */
export const TIMELINE_DRAWS = 250;

interface TraceSlot {
  slot: number;
  id: string;
  label: string;
  track: DelayingStep['track'];
}

/** The events of a plan's remaining steps, in order, with where a traced draw records each. */
export function timelineSlots(plan: CandidatePlan, stageIsAccepted: boolean): TraceSlot[] {
  const slots: TraceSlot[] = [];
  const add = (slot: number, id: string, label: string, track: DelayingStep['track']) => slots.push({ slot, id, label, track });
  if (plan.recruitment.length > 0) {
    add(TRACE_RECRUITED, 'recruitment', stageIsAccepted ? 'First steps after the offer was accepted' : 'Offer accepted', 'recruitment');
  }
  const { ecfmg, step3, residency } = plan.training;
  if (ecfmg) add(TRACE_ECFMG, ecfmg.id, ecfmg.label, 'training');
  if (step3) add(TRACE_STEP3, step3.id, step3.label, 'training');
  if (residency) add(TRACE_RESIDENCY, 'residency', `US residency completed (the Match, then ${residency.years} years)`, 'training');
  const [first, second] = plan.licensing.steps;
  if (first) add(TRACE_LICENSING_FIRST, first.id, first.label, 'licensing');
  if (second) add(TRACE_LICENSING_LAST, second.id, second.label, 'licensing');
  if (plan.visaScreen) add(TRACE_VISASCREEN, plan.visaScreen.id, plan.visaScreen.label, 'visascreen');
  const visa = plan.visa;
  const chain = (labels: string[], ids: string[]) =>
    labels.slice(0, TRACE_CHAIN_STEPS).forEach((label, k) => add(TRACE_CHAIN + k, ids[k], label, 'visa'));
  switch (visa.kind) {
    case 'h1b-lottery':
      if (visa.mode === 'register' || visa.mode === 'awaiting-selection')
        add(TRACE_SELECTED, 'h1b-selected', 'Selected in an H-1B lottery', 'visa');
      if (visa.mode !== 'petition-filed' && visa.mode !== 'approved') add(TRACE_FILED, 'cap-petition-filed', 'Cap petition filed', 'visa');
      if (visa.mode !== 'approved') add(TRACE_APPROVED, 'cap-petition-approved', 'Cap petition approved', 'visa');
      chain(
        visa.after.map((step) => step.label),
        visa.after.map((step) => step.id),
      );
      break;
    case 'conrad30':
      if (visa.mode === 'apply') add(TRACE_WAIVER_FILED, 'waiver-filed', `Conrad 30 application filed with ${visa.state}`, 'visa');
      add(TRACE_WAIVER_START, 'waiver-h1b', 'Waiver and H-1B approved: earliest start', 'visa');
      break;
    case 'steps':
      chain(
        visa.chain.steps.map((step) => step.label),
        visa.chain.steps.map((step) => step.id),
      );
      break;
  }
  return slots;
}

/** Numbers kept per tally row: for each trace slot its 10th, 50th, 90th percentile day and share; then the late-start share and a 1 once traced. */
export const TIMELINE_STRIDE = TRACE_SLOTS * 4 + 2;
const LATE = TRACE_SLOTS * 4;
const TRACED = LATE + 1;

/** Per slot, the draws' days, reused from one traced member to the next. */
const scratch = new Float64Array(TRACE_SLOTS * TIMELINE_DRAWS);

/**
 * TIMELINE_DRAWS traced draws of member i given that it stays, from stream `stream` of the seed, into
 * `out` at `at` (TIMELINE_STRIDE numbers): each slot's percentiles over the draws in which its event
 * happens. Tally rows add up, so a worker writes the rows of its own units and the sums are the rows.
 */
export function traceMember(
  cohort: Cohort,
  tables: CalendarTables,
  buffers: RunBuffers,
  fee: FeeRule,
  i: number,
  seed: number,
  stream: number,
  out: Float32Array,
  at: number,
): void {
  const draws = TIMELINE_DRAWS;
  const counts = new Int32Array(TRACE_SLOTS);
  let arrived = 0;
  let late = 0;
  const trace = new Float64Array(TRACE_SLOTS);
  buffers.trace = trace;
  switchStream(buffers, createRandom(seed, stream), draws * (cohort.maxDraws[i] + 4));
  sampleAlone(cohort, tables, buffers, fee, i, draws, true, () => {
    for (let slot = 0; slot < TRACE_SLOTS; slot++) {
      const day = trace[slot];
      if (day === day && day !== Infinity) scratch[slot * draws + counts[slot]++] = day; // finite: the event happened
    }
    if (buffers.arrival[i] !== Infinity) {
      arrived++;
      late += buffers.lateStart[i];
    }
  });
  buffers.trace = null;
  for (let slot = 0; slot < TRACE_SLOTS; slot++) {
    const n = counts[slot];
    if (n === 0) continue;
    const sorted = scratch.subarray(slot * draws, slot * draws + n).sort();
    const q = (p: number) => sorted[Math.min(n - 1, Math.floor(p * n))];
    out.set([q(0.1), q(0.5), q(0.9), n / draws], at + slot * 4);
  }
  out[at + LATE] = arrived > 0 ? late / arrived : 0;
  out[at + TRACED] = 1;
}

export const isTraced = (numbers: Float32Array, at: number): boolean => numbers[at + TRACED] === 1;
export const lateStartShare = (numbers: Float32Array, at: number): number => numbers[at + LATE];

/** The plan's remaining steps with their finish dates, from a traced row. */
export function timelineSteps(slots: readonly TraceSlot[], numbers: Float32Array, at: number, nowDay: number): TimelineStep[] {
  const date = (day: number) => formatIsoDate(nowDay + Math.floor(day));
  return slots.flatMap((slot): TimelineStep[] => {
    const k = at + slot.slot * 4;
    const share = numbers[k + 3];
    if (share === 0) return [];
    return [
      {
        id: slot.id,
        label: slot.label,
        track: slot.track,
        p10: date(numbers[k]),
        p50: date(numbers[k + 1]),
        p90: date(numbers[k + 2]),
        share,
      },
    ];
  });
}
