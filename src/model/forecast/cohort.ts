// Candidate plans flattened once into typed arrays (one slot per candidate, steps in a shared
// table) so each Monte Carlo run is a tight loop over numbers with no allocation.

import type { RouteFees } from '../timing/fees';
import { parseIsoDate } from '../timing/calendar';
import type { CandidatePlan, Duration } from '../timing/routes';

const STATUS_ACTIVE = 0;
export const STATUS_ARRIVED = 1;
export const STATUS_WITHDRAWN = 2;

export const VISA_NONE = 0;
export const VISA_PETITION = 1;
export const VISA_LOTTERY = 2;
export const VISA_CONRAD = 3;

export interface CohortMember {
  plan: CandidatePlan;
  fees: RouteFees;
  /** False for hypothetical candidates: they see the Conrad 30 slots left but take none. */
  takesConradSlot: boolean;
}

export interface ConradState {
  slotsPerFiscalYear: number;
  /** Real candidates applying in the state, who compete for its slots. */
  applicants: Int32Array;
  /** Hypothetical candidates, each placed as if it were the one extra applicant. */
  probes: Int32Array;
}

export interface Cohort {
  size: number;
  status: Uint8Array;
  /** Days from now the current stage began; for arrived candidates, the arrival day (≤ 0). */
  anchor: Float64Array;
  /** P(no withdrawal in any remaining step, visa stage included): one draw decides it. */
  survival: Float64Array;
  /** Most uniforms one run can draw for the candidate, not counting the Conrad 30 placement. */
  maxDraws: Int32Array;
  /** Steps of candidate i: recruitment in [stepsStart[i], licensingStart[i]), licensing up to stepsStart[i + 1]. */
  stepsStart: Int32Array;
  licensingStart: Int32Array;
  stepIds: Int32Array;
  steps: TriangularTable;
  visaKind: Uint8Array;
  /** Petition duration, or Conrad 30 filing → start, as a step id. */
  visaStep: Int32Array;
  selectionProbability: Float64Array;
  maxLotteries: Int32Array;
  petitionDays: Float64Array;
  startWithinDays: Float64Array;
  lotteryEntryFee: Float64Array;
  petitionFee: Float64Array;
  conradStates: ConradState[];
}

export function buildCohort(members: CohortMember[], nowDay: number): Cohort {
  const size = members.length;
  const steps = new StepTable();
  const stepIds: number[] = [];
  const cohort: Cohort = {
    size,
    status: new Uint8Array(size),
    anchor: new Float64Array(size),
    stepsStart: new Int32Array(size + 1),
    licensingStart: new Int32Array(size),
    survival: new Float64Array(size),
    maxDraws: new Int32Array(size),
    stepIds: new Int32Array(0),
    steps: emptyTable(),
    visaKind: new Uint8Array(size),
    visaStep: new Int32Array(size).fill(-1),
    selectionProbability: new Float64Array(size),
    maxLotteries: new Int32Array(size),
    petitionDays: new Float64Array(size),
    startWithinDays: new Float64Array(size),
    lotteryEntryFee: new Float64Array(size),
    petitionFee: new Float64Array(size),
    conradStates: [],
  };
  const conrad = new Map<string, { slots: number; applicants: number[]; probes: number[] }>();

  members.forEach(({ plan, fees, takesConradSlot }, i) => {
    const anchorDay = (parseIsoDate(plan.anchorDate) ?? nowDay) - nowDay; // a missing or malformed stage date counts as today
    cohort.status[i] = plan.status === 'active' ? STATUS_ACTIVE : plan.status === 'arrived' ? STATUS_ARRIVED : STATUS_WITHDRAWN;
    // An arrived candidate counts from the recorded date, or from now when that is missing or ahead.
    cohort.anchor[i] = plan.status === 'arrived' ? Math.min(anchorDay, 0) : anchorDay;
    cohort.stepsStart[i] = stepIds.length;
    for (const step of plan.recruitment) stepIds.push(steps.intern(step.days));
    cohort.licensingStart[i] = stepIds.length;
    for (const step of plan.licensing) stepIds.push(steps.intern(step.days));
    cohort.lotteryEntryFee[i] = fees.perLotteryEntry;
    cohort.petitionFee[i] = fees.perPetition;
    const stepSurvival = [...plan.recruitment, ...plan.licensing].reduce((p, step) => p * step.successProbability, 1);
    const stepCount = plan.recruitment.length + plan.licensing.length;
    cohort.survival[i] = stepSurvival;
    cohort.maxDraws[i] = 1 + stepCount;

    const visa = plan.visa;
    switch (visa.kind) {
      case 'none':
        cohort.visaKind[i] = VISA_NONE;
        break;
      case 'petition':
        cohort.visaKind[i] = VISA_PETITION;
        cohort.visaStep[i] = steps.intern(visa.step.days);
        cohort.survival[i] = stepSurvival * visa.step.successProbability;
        cohort.maxDraws[i] += 1;
        break;
      case 'h1b-lottery':
        cohort.visaKind[i] = VISA_LOTTERY;
        cohort.survival[i] = stepSurvival * visa.successProbability;
        cohort.maxDraws[i] += visa.maxLotteries;
        cohort.selectionProbability[i] = visa.selectionProbability;
        cohort.maxLotteries[i] = visa.maxLotteries;
        cohort.petitionDays[i] = visa.petitionDays;
        break;
      case 'conrad30': {
        cohort.visaKind[i] = VISA_CONRAD;
        cohort.visaStep[i] = steps.intern(visa.filingToStart);
        cohort.survival[i] = stepSurvival * visa.successProbability;
        cohort.startWithinDays[i] = visa.startWithinDays;
        let state = conrad.get(visa.state);
        if (!state) conrad.set(visa.state, (state = { slots: visa.slotsPerFiscalYear, applicants: [], probes: [] }));
        (takesConradSlot ? state.applicants : state.probes).push(i);
        break;
      }
    }
  });
  cohort.stepsStart[size] = stepIds.length;
  cohort.stepIds = Int32Array.from(stepIds);
  cohort.steps = steps.table();
  cohort.conradStates = [...conrad.values()].map((state) => ({
    slotsPerFiscalYear: state.slots,
    applicants: Int32Array.from(state.applicants),
    probes: Int32Array.from(state.probes),
  }));
  return cohort;
}

/**
 * Triangular durations in the form the inverse CDF needs: u < split ? min + √(u·low) : max − √((1 − u)·high),
 * with split = (mode − min)/(max − min), low = (max − min)(mode − min), high = (max − min)(max − mode).
 */
export interface TriangularTable {
  min: Float64Array;
  max: Float64Array;
  split: Float64Array;
  low: Float64Array;
  high: Float64Array;
}

function emptyTable(): TriangularTable {
  const none = new Float64Array(0);
  return { min: none, max: none, split: none, low: none, high: none };
}

/** Distinct durations; most candidates share the same few steps. */
class StepTable {
  private readonly index = new Map<string, number>();
  /** Shared plans share Duration objects: a quick lookup before building the key. */
  private readonly seen = new Map<Duration, number>();
  private readonly rows: Duration[] = [];

  intern(days: Duration): number {
    const known = this.seen.get(days);
    if (known !== undefined) return known;
    const key = `${days.minDays}|${days.modeDays}|${days.maxDays}`;
    let id = this.index.get(key);
    if (id === undefined) {
      id = this.rows.push(days) - 1;
      this.index.set(key, id);
    }
    this.seen.set(days, id);
    return id;
  }

  table(): TriangularTable {
    const column = (f: (span: number, d: Duration) => number) => Float64Array.from(this.rows, (d) => f(d.maxDays - d.minDays, d));
    return {
      min: column((_, d) => d.minDays),
      max: column((_, d) => d.maxDays),
      split: column((span, d) => (span > 0 ? (d.modeDays - d.minDays) / span : 0)),
      low: column((span, d) => span * (d.modeDays - d.minDays)),
      high: column((span, d) => span * (d.maxDays - d.modeDays)),
    };
  }
}
