// One Monte Carlo run: every candidate's arrival day (relative to now; Infinity = never), the track
// that decided it, and the known fees spent on each added to a running total. Hot loop: typed
// arrays only, no allocation.
//
// Timing rules (the plans come from timing/routes.ts):
// - one draw decides whether the candidate withdraws in any remaining step; a withdrawn
//   candidate never arrives, pays no visa fee and takes no Conrad 30 slot;
// - a step under way began when it actually happened (the stage date, the visa status date) and is
//   sampled given that it has not finished yet; each later step starts when the one before ends;
//   only a step not begun starts today; nothing still pending ends before now;
// - training (ECFMG from today; the first Match, third Friday of March, after it; residency to its
//   end), licensing, the VisaScreen and the visa track run in parallel once recruitment ends, and
//   arrival waits for all of them and for the day the person is free;
// - H-1B lottery: the first March window closing after the visa track starts (or this year's, for
//   a registration awaiting selection), selection with probability p, filing from April 1, start
//   no earlier than Oct 1; missed lotteries retry next March up to the limit. A selected, filed or
//   approved petition never enters another lottery and starts on that fiscal year's Oct 1 or on
//   approval (and the visa appointment abroad), whichever is later;
// - Conrad 30: filings are served first come per state and fiscal year from the employer's expected
//   share of the slots (flex sites also from its flex share); a waiver already filed holds a slot
//   of its year; when a year's slots are gone the application waits for the next Oct 1; the waiver
//   lapses if licensing is not done within the start window after the H-1B start;
// - the $100,000 fee: a new H-1B petition for a person abroad filed inside the fee's window owes
//   it; the employer pays with the assumed probability, or the hire falls through. The same draws
//   decide the counterfactual scenario, whose arrivals go to `altArrival`.

import { fiscalYearIndex, type CalendarTables } from './calendar-tables';
import {
  LOTTERY_APPROVED,
  LOTTERY_AWAITING,
  LOTTERY_FILED,
  LOTTERY_REGISTER,
  LOTTERY_SELECTED,
  STATUS_ARRIVED,
  STATUS_WITHDRAWN,
  VISA_BLOCKED,
  VISA_CONRAD,
  VISA_LOTTERY,
  VISA_NONE,
  type Cohort,
  type ConradState,
  TRI_HIGH,
  TRI_LOW,
  TRI_MAX,
  TRI_MIN,
  TRI_SPLIT,
  TRIANGULAR_STRIDE,
  type TriangularTable,
} from './cohort';
import type { Random } from './random';

/** What decided a candidate's arrival in a run: the track that finished last, or what stopped it. */
export const BIND_RECRUITMENT = 0;
export const BIND_TRAINING = 1;
export const BIND_LICENSING = 2;
export const BIND_VISASCREEN = 3;
export const BIND_VISA = 4;
export const BIND_AVAILABLE = 5;
export const BIND_FEE = 6;
export const BIND_WITHDRAWN = 7;
export const BIND_ARRIVED = 8;
export const BINDINGS = 9;

/** Days from Apr 1 and from Jun 30 to Oct 1: the cap petition filing window before a fiscal year. */
const APRIL_1_TO_OCT_1 = 183;
const JUNE_30_TO_OCT_1 = 93;

/** Uniforms drawn in bulk; refilled when a candidate might need more than remain. */
const POOL_SIZE = 8192;

/** The $100,000 fee's two scenarios as filing-day windows relative to now, with the employer's response. */
export interface FeeRule {
  amount: number;
  payProbability: number;
  /** The scenario in use: petitions filed in [from, until) owe it. */
  from: number;
  until: number;
  /** The scenario compared with. */
  altFrom: number;
  altUntil: number;
}

/** Reusable per-run state, sized once for a cohort. */
export interface RunBuffers {
  arrival: Float64Array;
  /** Arrivals under the counterfactual fee scenario; set for members that can owe the fee (others: `arrival`). */
  altArrival: Float64Array;
  binding: Uint8Array;
  /** Known fees spent per candidate, summed over all runs so far. */
  feeTotals: Float64Array;
  random: Random;
  /** Uniforms drawn in bulk: a view of `pool`, shorter for a short unit of work. */
  uniforms: Float64Array;
  pool: Float64Array;
  /** The most uniforms one member's draw can take: the shortest view of the pool. */
  mostDraws: number;
  /** Next unused index in `uniforms`. */
  position: number;
  /** The day each candidate's new H-1B petition is filed in this run (fee-exposed candidates). */
  feeFiling: Float64Array;
  /** Conrad 30 applicants: day they could file, day licensing is done, and when the rest is ready. */
  readyToFile: Float64Array;
  licensed: Float64Array;
  otherReady: Float64Array;
  otherBinding: Uint8Array;
  slotsUsed: Int32Array;
  flexUsed: Int32Array;
  /** Conrad 30 applicants of one state still in the running, and their sort keys. */
  filers: Int32Array;
  sortKeys: Float64Array;
}

/** Sort keys pack (day, applicant) into one number; this bounds applicants per state. */
const APPLICANT_KEY_RANGE = 1 << 20;

export function createRunBuffers(cohort: Cohort, tables: CalendarTables, random: Random): RunBuffers {
  const largestState = cohort.conradStates.reduce((most, state) => Math.max(most, state.applicants.length), 0);
  if (largestState >= APPLICANT_KEY_RANGE) throw new Error(`Too many Conrad 30 applicants in one state: ${largestState}`);
  const mostDraws = cohort.maxDraws.reduce((most, draws) => Math.max(most, draws), 2);
  const pool = new Float64Array(Math.max(POOL_SIZE, mostDraws));
  const uniforms = pool;
  const size = cohort.size;
  return {
    arrival: new Float64Array(size),
    altArrival: new Float64Array(size),
    binding: new Uint8Array(size),
    feeTotals: new Float64Array(size),
    random,
    uniforms,
    pool,
    mostDraws,
    position: uniforms.length, // empty: the first reservation fills it
    feeFiling: new Float64Array(size),
    readyToFile: new Float64Array(size),
    licensed: new Float64Array(size),
    otherReady: new Float64Array(size),
    otherBinding: new Uint8Array(size),
    slotsUsed: new Int32Array(tables.fiscalYearStarts.length),
    flexUsed: new Int32Array(tables.fiscalYearStarts.length),
    filers: new Int32Array(largestState),
    sortKeys: new Float64Array(largestState),
  };
}

/**
 * Switches to another random stream, drawing uniforms in bulk no more than about `draws` at a time
 * (a unit of work that needs few does not fill the whole pool).
 */
export function switchStream(buffers: RunBuffers, random: Random, draws: number): void {
  buffers.random = random;
  buffers.uniforms = buffers.pool.subarray(0, Math.min(buffers.pool.length, Math.max(Math.ceil(draws), buffers.mostDraws)));
  buffers.position = buffers.uniforms.length; // empty: the first draw fills it from this stream
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
  const at = id * TRIANGULAR_STRIDE;
  return u < steps[at + TRI_SPLIT]
    ? steps[at + TRI_MIN] + Math.sqrt(u * steps[at + TRI_LOW])
    : steps[at + TRI_MAX] - Math.sqrt((1 - u) * steps[at + TRI_HIGH]);
}

/** The duration of a step that has run `elapsed` days and not finished: sampled above `elapsed`. */
function remainingAware(steps: TriangularTable, id: number, u: number, elapsed: number): number {
  const at = id * TRIANGULAR_STRIDE;
  const min = steps[at + TRI_MIN];
  const max = steps[at + TRI_MAX];
  if (elapsed <= min) return stepDays(steps, id, u);
  if (elapsed >= max) return max;
  const below =
    elapsed < min + steps[at + TRI_SPLIT] * (max - min)
      ? (elapsed - min) ** 2 / steps[at + TRI_LOW]
      : 1 - (max - elapsed) ** 2 / steps[at + TRI_HIGH];
  return stepDays(steps, id, below + u * (1 - below));
}

/** End of steps [from, to) starting on `start`; the first began then and has not finished when `begun`. */
function chainEnd(cohort: Cohort, start: number, from: number, to: number, begun: boolean, u: Float64Array, p: number): number {
  let t = start;
  for (let k = from; k < to; k++) {
    const id = cohort.stepIds[k];
    t += k === from && begun ? remainingAware(cohort.steps, id, u[p + k - from], -start) : stepDays(cohort.steps, id, u[p + k - from]);
  }
  return begun ? Math.max(t, 0) : t;
}

/** Members sampled together in each run: they share the Conrad 30 slots of their states. */
export interface MemberGroup {
  members: Int32Array;
  /** The Conrad 30 states whose applicants (and new-candidate probes) are all among `members`. */
  conradStates: ConradState[];
  /** Members that can owe the $100,000 fee. */
  feeExposed: Int32Array;
}

/**
 * One run of a group: every member's tracks, then the Conrad 30 slots of the group's states (first
 * come, first served), then the $100,000 fee. Members outside the group are left as they were.
 */
export function sampleRun(cohort: Cohort, tables: CalendarTables, buffers: RunBuffers, fee: FeeRule, group: MemberGroup): void {
  const { members, conradStates, feeExposed } = group;
  for (let k = 0; k < members.length; k++) drawMember(cohort, tables, buffers, members[k], 1, false, null);
  for (const state of conradStates) placeConradState(cohort, tables, buffers, state);
  for (let k = 0; k < feeExposed.length; k++) applyH1bFee(cohort, buffers, fee, feeExposed[k]);
}

/**
 * `draws` draws of a member who competes with nobody: a Conrad 30 applicant is placed as if alone
 * (its state has a slot for every applicant) and the fee applies; `onDraw` is called after each
 * with the arrival (buffers.arrival[i] and the rest). With `givenStays`, the draws are of the member
 * given that it does not withdraw: whether it does is one draw of its own, so the caller can weigh
 * these draws by the chance it stays instead of drawing it.
 */
export function sampleAlone(
  cohort: Cohort,
  tables: CalendarTables,
  buffers: RunBuffers,
  fee: FeeRule,
  i: number,
  draws: number,
  givenStays: boolean,
  onDraw: () => void,
): void {
  const state = cohort.conradStateOf[i] >= 0 ? cohort.conradStates[cohort.conradStateOf[i]] : null;
  const exposed = cohort.feeAbroad[i] > 0;
  drawMember(cohort, tables, buffers, i, draws, givenStays, () => {
    if (state && Number.isNaN(buffers.arrival[i])) placeUncontested(cohort, tables, buffers, state, i);
    if (exposed) applyH1bFee(cohort, buffers, fee, i);
    onDraw();
  });
}

/**
 * `draws` draws of member i's arrival and of what decided it (a Conrad 30 applicant's waits, NaN,
 * for the slots to be dealt), calling `after` after each. The member's plan is read once.
 */
function drawMember(
  cohort: Cohort,
  tables: CalendarTables,
  buffers: RunBuffers,
  i: number,
  draws: number,
  givenStays: boolean,
  after: (() => void) | null,
): void {
  const { steps, stepIds } = cohort;
  const { arrival, binding, feeTotals, feeFiling } = buffers;
  const years = tables.registrationCloses.length;
  const status = cohort.status[i];
  const anchor = cohort.anchor[i];
  const survival = givenStays ? Infinity : cohort.survival[i];
  const need = cohort.maxDraws[i];
  const recruitmentFrom = cohort.stepsStart[i];
  const licensingFrom = cohort.licensingStart[i];
  const chainFrom = cohort.visaStart[i];
  const chainTo = cohort.stepsStart[i + 1];
  const ecfmgStep = cohort.ecfmgStep[i];
  const attempts = cohort.matchAttempts[i];
  const matchProbability = cohort.matchProbability[i];
  const begun = cohort.licensingBegun[i] === 1;
  const available = cohort.available[i];
  const visaScreenStep = cohort.visaScreenStep[i];
  const kind = cohort.visaKind[i];
  const mode = cohort.lotteryMode[i];
  const visaDay = cohort.visaDay[i];
  const u = buffers.uniforms;
  let p = buffers.position;

  for (let d = 0; d < draws; d++) {
    draw: {
      if (status === STATUS_ARRIVED) {
        arrival[i] = anchor;
        binding[i] = BIND_ARRIVED;
        break draw;
      }
      if (status === STATUS_WITHDRAWN) {
        arrival[i] = Infinity;
        binding[i] = BIND_WITHDRAWN;
        break draw;
      }
      if (p + need > u.length) {
        buffers.random.fill(u);
        p = 0;
      }
      if (!givenStays && u[p++] >= survival) {
        arrival[i] = Infinity;
        binding[i] = BIND_WITHDRAWN;
        break draw;
      }

      // Recruitment: the current stage began on the stage date.
      let recruited = anchor;
      for (let k = recruitmentFrom; k < licensingFrom; k++) {
        const days = k === recruitmentFrom ? remainingAware(steps, stepIds[k], u[p++], -anchor) : stepDays(steps, stepIds[k], u[p++]);
        recruited = Math.max(recruited + days, 0);
      }
      recruited = Math.max(recruited, 0);

      // Training: ECFMG certification from today, then the Match and residency.
      let trained = 0;
      let trainingGate = -Infinity;
      if (ecfmgStep >= 0) trainingGate = trained = stepDays(steps, ecfmgStep, u[p++]);
      if (attempts > 0) {
        let year = 0;
        while (year < years && tables.matchDays[year] < trained) year++;
        let matchedYear = -1;
        for (let a = 0; a < attempts; a++, year++) {
          const draw = u[p++];
          if (matchedYear < 0 && year < years && draw < matchProbability) matchedYear = year;
        }
        if (matchedYear < 0) {
          arrival[i] = Infinity;
          binding[i] = BIND_TRAINING;
          break draw;
        }
        trained = Math.max(trained, tables.matchDays[matchedYear]); // licences are applied for during residency
        trainingGate = tables.residencyEnds[matchedYear];
      }

      // Licensing: under way since the stage date, or from when recruitment and training allow.
      let licensing = begun ? anchor : Math.max(recruited, trained);
      for (let k = licensingFrom; k < chainFrom; k++) {
        const days =
          k === licensingFrom && begun ? remainingAware(steps, stepIds[k], u[p++], -anchor) : stepDays(steps, stepIds[k], u[p++]);
        licensing = Math.max(licensing + days, 0);
      }

      // The latest of the non-visa tracks, and which one it is.
      let ready = recruited;
      let bind = BIND_RECRUITMENT;
      if (trainingGate > ready) {
        ready = trainingGate;
        bind = BIND_TRAINING;
      }
      if (licensing > ready) {
        ready = licensing;
        bind = BIND_LICENSING;
      }
      if (available > ready) {
        ready = available;
        bind = BIND_AVAILABLE;
      }
      const visaFrom = recruited;
      if (visaScreenStep >= 0) {
        const screened = visaFrom + stepDays(steps, visaScreenStep, u[p++]);
        if (screened > ready) {
          ready = screened;
          bind = BIND_VISASCREEN;
        }
      }
      feeFiling[i] = visaFrom;

      let visaDone = -Infinity;
      if (kind === VISA_NONE) {
        // nothing to wait for
      } else if (kind === VISA_BLOCKED) {
        arrival[i] = Infinity;
        binding[i] = BIND_VISA;
        break draw;
      } else if (kind === VISA_LOTTERY) {
        let filing = NaN;
        let octFirst = cohort.capStartDay[i];
        if (mode === LOTTERY_REGISTER || mode === LOTTERY_AWAITING) {
          let year = 0;
          if (mode === LOTTERY_REGISTER) while (year < years && tables.registrationCloses[year] < visaFrom) year++;
          const lastYear = Math.min(years, year + cohort.maxLotteries[i]);
          for (let n = 0; year < lastYear; year++, n++) {
            if (mode === LOTTERY_REGISTER || n > 0) feeTotals[i] += cohort.lotteryEntryFee[i];
            if (u[p++] < cohort.selectionProbability[i]) {
              filing = tables.petitionFilingOpens[year];
              octFirst = tables.capStart[year];
              break;
            }
          }
        } else if (mode === LOTTERY_SELECTED) {
          // Files in the April–June window (now, if it is open); a stale record is read as filed by June 30.
          filing = Math.min(Math.max(octFirst - APRIL_1_TO_OCT_1, 0), octFirst - JUNE_30_TO_OCT_1);
        }
        if (mode !== LOTTERY_FILED && mode !== LOTTERY_APPROVED && Number.isNaN(filing)) {
          arrival[i] = Infinity;
          binding[i] = BIND_VISA;
          break draw;
        }
        let approval: number;
        if (mode === LOTTERY_FILED) approval = Math.max(visaDay + cohort.petitionDays[i], 0);
        else if (mode === LOTTERY_APPROVED) approval = visaDay;
        else {
          feeTotals[i] += cohort.petitionFee[i];
          feeFiling[i] = filing;
          approval = filing + cohort.petitionDays[i];
        }
        const afterApproval = chainEnd(cohort, approval, chainFrom, chainTo, approval < 0, u, p);
        p += chainTo - chainFrom;
        visaDone = Math.max(octFirst, afterApproval);
      } else if (kind === VISA_CONRAD) {
        arrival[i] = NaN; // decided when the state's slots are dealt (placeConradState, placeUncontested)
        buffers.readyToFile[i] = cohort.conradFiled[i] === 1 ? visaDay : visaFrom;
        buffers.licensed[i] = licensing;
        buffers.otherReady[i] = ready;
        buffers.otherBinding[i] = bind;
        break draw;
      } else {
        // A chain of steps: from the visa status date when under way, else from the end of recruitment.
        const started = !Number.isNaN(visaDay);
        visaDone = chainEnd(cohort, started ? visaDay : visaFrom, chainFrom, chainTo, started, u, p);
        p += chainTo - chainFrom;
        if (!started) feeTotals[i] += cohort.petitionFee[i];
      }
      if (visaDone > ready) {
        ready = visaDone;
        bind = BIND_VISA;
      }
      arrival[i] = Math.max(ready, 0);
      binding[i] = bind;
    }
    if (after) {
      buffers.position = p;
      after();
      p = buffers.position;
    }
  }
  buffers.position = p;
}

/** The $100,000 fee for member i: whether it owes it in each scenario, and whether the hire survives it. */
function applyH1bFee(cohort: Cohort, buffers: RunBuffers, fee: FeeRule, i: number): void {
  const { arrival, altArrival, binding, feeTotals, feeFiling } = buffers;
  altArrival[i] = arrival[i];
  if (arrival[i] === Infinity) return;
  const p = reserve(buffers, 2);
  buffers.position = p + 2;
  if (buffers.uniforms[p] >= cohort.feeAbroad[i]) return; // changes status inside the US: exempt
  const filed = feeFiling[i];
  const pays = buffers.uniforms[p + 1] < fee.payProbability;
  if (filed >= fee.altFrom && filed < fee.altUntil && !pays) altArrival[i] = Infinity;
  if (filed >= fee.from && filed < fee.until) {
    if (pays) feeTotals[i] += fee.amount;
    else {
      arrival[i] = Infinity;
      binding[i] = BIND_FEE;
    }
  }
}

function placeConradState(cohort: Cohort, tables: CalendarTables, buffers: RunBuffers, state: ConradState): void {
  const { arrival, readyToFile, slotsUsed, flexUsed, filers, sortKeys } = buffers;
  const { applicants, probes, slotsPerFiscalYear: slots, flexPerFiscalYear: flex } = state;
  slotsUsed.fill(0);
  flexUsed.fill(0);

  // Waivers already filed hold a slot of the fiscal year they were filed in.
  let count = 0;
  for (let k = 0; k < applicants.length; k++) {
    const i = applicants[k];
    if (!Number.isNaN(arrival[i])) continue;
    if (cohort.conradFiled[i] === 1) {
      const day = readyToFile[i];
      if (day >= tables.fiscalYearStarts[0]) {
        const year = fiscalYearIndex(tables, day);
        if (year < slotsUsed.length) {
          slotsUsed[year]++;
          if (cohort.conradFlex[i] === 1) flexUsed[year]++;
        }
      }
      placeConradApplicant(cohort, buffers, i, day, true);
    } else filers[count++] = i;
  }
  // First come, first served: order by the day each could file (ties by list order).
  for (let k = 0; k < count; k++) sortKeys[k] = Math.floor(readyToFile[filers[k]]) * APPLICANT_KEY_RANGE + k;
  const keys = count > 1 ? sortKeys.subarray(0, count).sort() : sortKeys;
  for (let k = 0; k < count; k++) {
    const i = filers[keys[k] % APPLICANT_KEY_RANGE];
    placeConradApplicant(
      cohort,
      buffers,
      i,
      fileConrad(tables, buffers, slots, flex, readyToFile[i], cohort.conradFlex[i] === 1, true),
      false,
    );
  }
  // Each new candidate is placed as the one extra applicant, after everyone in the pipeline.
  for (let k = 0; k < probes.length; k++) {
    const i = probes[k];
    if (Number.isNaN(arrival[i])) {
      placeConradApplicant(
        cohort,
        buffers,
        i,
        fileConrad(tables, buffers, slots, flex, readyToFile[i], cohort.conradFlex[i] === 1, false),
        false,
      );
    }
  }
}

/**
 * Filing day of an application ready on `day`: that day if its fiscal year has a slot left (a flex
 * slot too, for a flex site), else the opening (Oct 1) of the first later year with one; Infinity
 * when none is in the table.
 */
function fileConrad(
  tables: CalendarTables,
  buffers: RunBuffers,
  slots: number,
  flex: number,
  day: number,
  needsFlex: boolean,
  takeSlot: boolean,
): number {
  const { slotsUsed, flexUsed } = buffers;
  const fiscalYears = tables.fiscalYearStarts.length;
  const first = fiscalYearIndex(tables, day);
  let year = first;
  while (year < fiscalYears && (slotsUsed[year] >= slots || (needsFlex && flexUsed[year] >= flex))) year++;
  if (year >= fiscalYears) return Infinity;
  if (takeSlot) {
    slotsUsed[year]++;
    if (needsFlex) flexUsed[year]++;
  }
  return year === first ? day : tables.fiscalYearStarts[year];
}

/** A Conrad 30 applicant whose state has a slot for every applicant: files when ready. */
function placeUncontested(cohort: Cohort, tables: CalendarTables, buffers: RunBuffers, state: ConradState, i: number): void {
  const filed = cohort.conradFiled[i] === 1;
  const ready = buffers.readyToFile[i];
  const needsFlex = cohort.conradFlex[i] === 1;
  const filingDay = filed ? ready : fileConrad(tables, buffers, state.slotsPerFiscalYear, state.flexPerFiscalYear, ready, needsFlex, false);
  placeConradApplicant(cohort, buffers, i, filingDay, filed);
}

function placeConradApplicant(cohort: Cohort, buffers: RunBuffers, i: number, filingDay: number, begun: boolean): void {
  const { arrival, binding, feeTotals, licensed, otherReady, otherBinding } = buffers;
  if (filingDay === Infinity) {
    arrival[i] = Infinity;
    binding[i] = BIND_VISA;
    return;
  }
  const p = reserve(buffers, 1);
  buffers.position = p + 1;
  const u = buffers.uniforms[p];
  const id = cohort.conradStep[i];
  if (!begun) feeTotals[i] += cohort.petitionFee[i];
  const duration = begun ? remainingAware(cohort.steps, id, u, -filingDay) : stepDays(cohort.steps, id, u);
  const start = begun ? Math.max(filingDay + duration, 0) : filingDay + duration;
  if (licensed[i] > start + cohort.startWithinDays[i]) {
    arrival[i] = Infinity; // the waiver lapses: licensing came too late
    binding[i] = BIND_LICENSING;
    return;
  }
  const ready = otherReady[i];
  arrival[i] = Math.max(ready, start, 0);
  binding[i] = start > ready ? BIND_VISA : otherBinding[i];
}
