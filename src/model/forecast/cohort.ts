// Candidate plans flattened once into typed arrays (one slot per candidate, steps in a shared
// table) so each Monte Carlo run is a tight loop over numbers with no allocation.

import { parseIsoDate } from '../calendar';
import { windowDays } from '../timing/conrad-windows';
import type { CandidatePlan, Chain, Duration, LotteryMode } from '../timing/routes';

export const STATUS_ACTIVE = 0;
export const STATUS_ARRIVED = 1;
export const STATUS_WITHDRAWN = 2;

export const VISA_NONE = 0;
/** A chain of steps (petitions, federal waivers, green cards), from the status date or from the visa track's start. */
export const VISA_STEPS = 1;
export const VISA_LOTTERY = 2;
export const VISA_CONRAD = 3;
/** The route cannot be used (e.g. a waiver site that does not qualify). */
export const VISA_BLOCKED = 4;

export const LOTTERY_REGISTER = 0;
export const LOTTERY_AWAITING = 1;
export const LOTTERY_SELECTED = 2;
export const LOTTERY_FILED = 3;
export const LOTTERY_APPROVED = 4;
const LOTTERY_MODES: Record<LotteryMode, number> = {
  register: LOTTERY_REGISTER,
  'awaiting-selection': LOTTERY_AWAITING,
  selected: LOTTERY_SELECTED,
  'petition-filed': LOTTERY_FILED,
  approved: LOTTERY_APPROVED,
};

export interface CohortMember {
  plan: CandidatePlan;
  /** False for hypothetical candidates: they see the Conrad 30 slots left but take none. */
  takesConradSlot: boolean;
}

export interface ConradState {
  /** Slots the employer can expect per fiscal year, and how many of them may be flex. */
  slotsPerFiscalYear: number;
  flexPerFiscalYear: number;
  /** The state's window, in days from each fiscal year's Oct 1 (closing the day it opens where the slots all go then). */
  opensOffset: number;
  closesOffset: number;
  /** Applications of a window are ranked together: the waiver's clock starts when the window closes. */
  ranked: boolean;
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
  /**
   * Steps of candidate i in stepIds: recruitment [stepsStart[i], licensingStart[i]), licensing up to
   * visaStart[i], the visa chain (or the steps after a lottery approval) up to stepsStart[i + 1].
   */
  stepsStart: Int32Array;
  licensingStart: Int32Array;
  visaStart: Int32Array;
  stepIds: Int32Array;
  steps: TriangularTable;
  /** 1 when licensing began on the stage date (the candidate is in licensure or credentialing). */
  licensingBegun: Uint8Array;
  /** Step id of ECFMG certification, −1 when not needed. */
  ecfmgStep: Int32Array;
  /** Step id of USMLE Step 3 (after certification), −1 when not needed. */
  step3Step: Int32Array;
  /** 1 when the first licensing step is the licence (its end is when a physician's H-1B petition can be filed). */
  licenceFirst: Uint8Array;
  /** Days from the licence to the earliest end of the visa (a physician's H-1B petition filed with it); −1 when no such rule. */
  licenceGate: Float64Array;
  /** 1 when the visa steps start once everything else is done (TN admission). */
  visaWhenReady: Uint8Array;
  /** Matches to try before giving up; 0 when no residency is needed. */
  matchAttempts: Int32Array;
  matchProbability: Float64Array;
  /** Step id of the VisaScreen, −1 when not needed. */
  visaScreenStep: Int32Array;
  /** First day the person is free, relative to now; −Infinity when free now. */
  available: Float64Array;
  visaKind: Uint8Array;
  /** Day of the visa status, relative to now; NaN when the visa track has not begun. */
  visaDay: Float64Array;
  lotteryMode: Uint8Array;
  selectionProbability: Float64Array;
  maxLotteries: Int32Array;
  petitionDays: Float64Array;
  /** Selected, filed or approved cap petitions (or an awaited selection): the Oct 1 their start waits for, relative to now. */
  capStartDay: Float64Array;
  /** This year's selection (awaited or made): its filing window, relative to now. */
  filingOpensDay: Float64Array;
  filingClosesDay: Float64Array;
  /** Conrad 30 applicants: the last day an application can be filed in J-1 status, relative to now; Infinity when not known. */
  j1EndsDay: Float64Array;
  /** The H-1B six-year maximum, relative to now: no start on or after it; Infinity when not binding. */
  h1bLimitDay: Float64Array;
  conradFiled: Uint8Array;
  /** Conrad 30 applicants not yet filed: the first day they can file, relative to now — the opening of the window of their start's fiscal year (A1); −Infinity when any window. */
  conradFirstWindow: Float64Array;
  conradFlex: Uint8Array;
  /** Conrad 30 filing → start, as a step id. */
  conradStep: Int32Array;
  startWithinDays: Float64Array;
  lotteryEntryFee: Float64Array;
  petitionFee: Float64Array;
  /** 1 when the route's petition is filed, so its fee is spent (a waiver filed is not the petition). */
  petitionFiled: Uint8Array;
  /** Chance the person is abroad, so a new H-1B petition may owe the $100,000 fee; 0 when it cannot. */
  feeAbroad: Float64Array;
  /** Candidates that can owe the $100,000 fee. */
  feeExposed: Int32Array;
  conradStates: ConradState[];
  /** Index into conradStates of a Conrad 30 applicant's (or probe's) state; −1 for others. */
  conradStateOf: Int32Array;
}

export interface ConradSlots {
  perEmployer: number;
  flexPerEmployer: number;
}

export function buildCohort(members: CohortMember[], nowDay: number, slots: ConradSlots): Cohort {
  const size = members.length;
  const steps = new StepTable();
  const stepIds: number[] = [];
  const day = (iso: string | null) => (iso === null || iso === '' ? NaN : (parseIsoDate(iso) ?? NaN) - nowDay);
  const cohort: Cohort = {
    size,
    status: new Uint8Array(size),
    anchor: new Float64Array(size),
    survival: new Float64Array(size),
    maxDraws: new Int32Array(size),
    stepsStart: new Int32Array(size + 1),
    licensingStart: new Int32Array(size),
    visaStart: new Int32Array(size),
    stepIds: new Int32Array(0),
    steps: emptyTable(),
    licensingBegun: new Uint8Array(size),
    ecfmgStep: new Int32Array(size).fill(-1),
    step3Step: new Int32Array(size).fill(-1),
    licenceFirst: new Uint8Array(size),
    licenceGate: new Float64Array(size).fill(-1),
    visaWhenReady: new Uint8Array(size),
    matchAttempts: new Int32Array(size),
    matchProbability: new Float64Array(size),
    visaScreenStep: new Int32Array(size).fill(-1),
    available: new Float64Array(size).fill(-Infinity),
    visaKind: new Uint8Array(size),
    visaDay: new Float64Array(size).fill(NaN),
    lotteryMode: new Uint8Array(size),
    selectionProbability: new Float64Array(size),
    maxLotteries: new Int32Array(size),
    petitionDays: new Float64Array(size),
    capStartDay: new Float64Array(size).fill(-Infinity),
    filingOpensDay: new Float64Array(size).fill(NaN),
    filingClosesDay: new Float64Array(size).fill(NaN),
    j1EndsDay: new Float64Array(size).fill(Infinity),
    h1bLimitDay: new Float64Array(size).fill(Infinity),
    conradFiled: new Uint8Array(size),
    conradFirstWindow: new Float64Array(size).fill(-Infinity),
    conradFlex: new Uint8Array(size),
    conradStep: new Int32Array(size).fill(-1),
    startWithinDays: new Float64Array(size),
    lotteryEntryFee: new Float64Array(size),
    petitionFee: new Float64Array(size),
    petitionFiled: new Uint8Array(size),
    feeAbroad: new Float64Array(size),
    feeExposed: new Int32Array(0),
    conradStates: [],
    conradStateOf: new Int32Array(size).fill(-1),
  };
  const conrad = new Map<
    string,
    { index: number; applicants: number[]; probes: number[]; window: Pick<ConradState, 'opensOffset' | 'closesOffset' | 'ranked'> }
  >();
  const exposed: number[] = [];

  members.forEach(({ plan, takesConradSlot }, i) => {
    const anchorDay = Number.isNaN(day(plan.anchorDate)) ? 0 : day(plan.anchorDate); // a missing stage date counts as today
    cohort.status[i] = plan.status === 'active' ? STATUS_ACTIVE : plan.status === 'arrived' ? STATUS_ARRIVED : STATUS_WITHDRAWN;
    // An arrived candidate counts from the recorded date, or from now when that is missing or ahead.
    cohort.anchor[i] = plan.status === 'arrived' ? Math.min(anchorDay, 0) : anchorDay;
    cohort.stepsStart[i] = stepIds.length;
    for (const step of plan.recruitment) stepIds.push(steps.intern(step.days));
    cohort.licensingStart[i] = stepIds.length;
    for (const step of plan.licensing.steps) stepIds.push(steps.intern(step.days));
    cohort.licensingBegun[i] = plan.licensing.startedOn === null ? 0 : 1;
    cohort.licenceFirst[i] = plan.licensing.steps[0]?.id === 'medical-licence' ? 1 : 0;
    cohort.licenceGate[i] = plan.licenceGate ?? -1;
    cohort.visaWhenReady[i] = plan.visaWhenReady ? 1 : 0;
    if (plan.h1bLimit !== null) cohort.h1bLimitDay[i] = day(plan.h1bLimit);
    cohort.visaStart[i] = stepIds.length;
    cohort.lotteryEntryFee[i] = plan.fees.perLotteryEntry;
    cohort.petitionFee[i] = plan.fees.perPetition;
    cohort.petitionFiled[i] = plan.petitionFiled ? 1 : 0;
    let survival = [...plan.recruitment, ...plan.licensing.steps].reduce((p, step) => p * step.successProbability, 1);
    let draws = 1 + plan.recruitment.length + plan.licensing.steps.length;

    const { ecfmg, step3, residency } = plan.training;
    if (ecfmg) {
      cohort.ecfmgStep[i] = steps.intern(ecfmg.days);
      draws++;
    }
    if (step3) {
      cohort.step3Step[i] = steps.intern(step3.days);
      draws++;
    }
    if (residency) {
      cohort.matchAttempts[i] = residency.attempts;
      cohort.matchProbability[i] = residency.matchProbability;
      draws += residency.attempts;
    }
    if (plan.visaScreen) {
      cohort.visaScreenStep[i] = steps.intern(plan.visaScreen.days);
      draws++;
    }
    if (plan.availableFrom !== '') cohort.available[i] = day(plan.availableFrom);
    if (plan.feeExposure) {
      cohort.feeAbroad[i] = plan.feeExposure.abroad;
      exposed.push(i);
      draws += 2;
    }

    const visa = plan.visa;
    const chain = (c: Chain) => {
      for (const step of c.steps) stepIds.push(steps.intern(step.days));
      draws += c.steps.length;
    };
    switch (visa.kind) {
      case 'none':
        cohort.visaKind[i] = VISA_NONE;
        break;
      case 'blocked':
        cohort.visaKind[i] = VISA_BLOCKED;
        break;
      case 'steps':
        cohort.visaKind[i] = VISA_STEPS;
        cohort.visaDay[i] = day(visa.chain.startedOn);
        chain(visa.chain);
        survival *= visa.successProbability;
        break;
      case 'h1b-lottery':
        cohort.visaKind[i] = VISA_LOTTERY;
        cohort.lotteryMode[i] = LOTTERY_MODES[visa.mode];
        cohort.visaDay[i] = day(visa.statusDate || null);
        if (visa.capStart !== null) cohort.capStartDay[i] = day(visa.capStart);
        if (visa.filingWindow) {
          cohort.filingOpensDay[i] = day(visa.filingWindow.opens);
          cohort.filingClosesDay[i] = day(visa.filingWindow.closes);
        }
        chain({ steps: visa.after, startedOn: null });
        survival *= visa.successProbability;
        draws += visa.maxLotteries;
        cohort.selectionProbability[i] = visa.selectionProbability;
        cohort.maxLotteries[i] = visa.maxLotteries;
        cohort.petitionDays[i] = visa.petitionDays;
        break;
      case 'conrad30': {
        cohort.visaKind[i] = VISA_CONRAD;
        cohort.conradStep[i] = steps.intern(visa.filingToStart);
        cohort.conradFiled[i] = visa.mode === 'filed' ? 1 : 0;
        if (visa.firstFiscalYear !== null) {
          cohort.conradFirstWindow[i] = windowDays(visa.window, visa.firstFiscalYear, visa.filledAtOpening).opens - nowDay;
        }
        cohort.conradFlex[i] = visa.pool === 'flex' ? 1 : 0;
        cohort.visaDay[i] = day(visa.filedOn);
        cohort.startWithinDays[i] = visa.startWithinDays;
        if (visa.j1Ends !== null) cohort.j1EndsDay[i] = day(visa.j1Ends);
        survival *= visa.successProbability;
        let state = conrad.get(visa.state);
        if (!state) {
          const { opensOffset, closesOffset, ranked } = visa.window;
          const window = { opensOffset, closesOffset: visa.filledAtOpening ? opensOffset : closesOffset, ranked };
          conrad.set(visa.state, (state = { index: conrad.size, applicants: [], probes: [], window }));
        }
        (takesConradSlot ? state.applicants : state.probes).push(i);
        cohort.conradStateOf[i] = state.index;
        break;
      }
    }
    cohort.survival[i] = survival;
    cohort.maxDraws[i] = draws;
  });
  cohort.stepsStart[size] = stepIds.length;
  cohort.stepIds = Int32Array.from(stepIds);
  cohort.steps = steps.table();
  cohort.feeExposed = Int32Array.from(exposed);
  cohort.conradStates = [...conrad.values()].map((state) => ({
    slotsPerFiscalYear: slots.perEmployer,
    flexPerFiscalYear: slots.flexPerEmployer,
    ...state.window,
    applicants: Int32Array.from(state.applicants),
    probes: Int32Array.from(state.probes),
  }));
  return cohort;
}

/**
 * Triangular durations in the form the inverse CDF needs: u < split ? min + √(u·low) : max − √((1 − u)·high),
 * with split = (mode − min)/(max − min), low = (max − min)(mode − min), high = (max − min)(max − mode).
 * Step `id`'s five numbers sit together (at id × TRIANGULAR_STRIDE + TRI_SPLIT …): one draw reads one
 * cache line.
 */
export type TriangularTable = Float64Array;
export const TRIANGULAR_STRIDE = 5;
export const TRI_SPLIT = 0;
export const TRI_MIN = 1;
export const TRI_LOW = 2;
export const TRI_MAX = 3;
export const TRI_HIGH = 4;

function emptyTable(): TriangularTable {
  return new Float64Array(0);
}

/** Distinct durations; most candidates share the same few steps. */
class StepTable {
  /** min → mode → max → id, so a lookup allocates nothing. */
  private readonly index = new Map<number, Map<number, Map<number, number>>>();
  private readonly rows: Duration[] = [];

  intern(days: Duration): number {
    let byMode = this.index.get(days.minDays);
    if (!byMode) this.index.set(days.minDays, (byMode = new Map<number, Map<number, number>>()));
    let byMax = byMode.get(days.modeDays);
    if (!byMax) byMode.set(days.modeDays, (byMax = new Map<number, number>()));
    let id = byMax.get(days.maxDays);
    if (id === undefined) byMax.set(days.maxDays, (id = this.rows.push(days) - 1));
    return id;
  }

  table(): TriangularTable {
    const table = new Float64Array(this.rows.length * TRIANGULAR_STRIDE);
    this.rows.forEach((d, id) => {
      const span = d.maxDays - d.minDays;
      const at = id * TRIANGULAR_STRIDE;
      table[at + TRI_SPLIT] = span > 0 ? (d.modeDays - d.minDays) / span : 0;
      table[at + TRI_MIN] = d.minDays;
      table[at + TRI_LOW] = span * (d.modeDays - d.minDays);
      table[at + TRI_MAX] = d.maxDays;
      table[at + TRI_HIGH] = span * (d.maxDays - d.modeDays);
    });
    return table;
  }
}
