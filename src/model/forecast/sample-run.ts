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
// - training (ECFMG certification and USMLE Step 3 from today; the first Match, third Friday of March,
//   after them; residency to its end), licensing, the VisaScreen and the visa track run in parallel
//   once recruitment ends, and arrival waits for all of them and for the day the person is free; TN
//   admission comes once the rest is done;
// - a physician's H-1B petition is filed once licensed (and certified): the visa ends no sooner than
//   the licence plus the petition's decision;
// - H-1B lottery: a registered selection awaited or a selection made is filed in its window (from
//   now, once the physician is licensed); if the window closes first, or for anyone else, the first
//   March window closing after the visa track starts whose June 30 the licence can meet, selection
//   with probability p (a person is selected at most once per lottery), filing from April 1, start
//   no earlier than Oct 1; missed lotteries retry next March up to the limit. A filed or approved
//   petition never enters another lottery and starts on its fiscal year's Oct 1 or on approval (and
//   the visa appointment abroad), whichever is later;
// - Conrad 30: filings are served in each state's window (most from Oct 1, first come; some before
//   or in part of the year; ranked windows start the clock when they close) from the employer's
//   expected share of the slots (flex sites also from its flex share); a waiver already filed holds
//   a slot of its year; when a year's slots are gone the application waits for the next window, and
//   none can be filed after the J-1 ends, nor (in training) before the window of the fiscal year the
//   H-1B starts in opens; the H-1B starts at the end of training at the earliest,
//   and a start later than the start window after it is flagged (`lateStart`), not dropped;
// - the H-1B six-year maximum: no start on or after the day H-1B time runs out;
// - the $100,000 fee: a new H-1B petition for a person abroad filed inside the fee's window owes
//   it; the employer pays with the assumed probability, or the hire falls through. The same draws
//   decide the counterfactual scenario, whose arrivals go to `altArrival`.

import type { CalendarTables } from './calendar-tables';
import {
  LOTTERY_APPROVED,
  LOTTERY_AWAITING,
  LOTTERY_FILED,
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

/**
 * Where a traced draw writes when each event happened (days from now; NaN when it does not happen
 * in the draw): the timeline of a candidate's remaining steps (timeline.ts). Only traced draws write.
 */
export const TRACE_RECRUITED = 0;
export const TRACE_ECFMG = 1;
export const TRACE_STEP3 = 2;
export const TRACE_RESIDENCY = 3;
/** The end of the first licensing step, and of the last. */
export const TRACE_LICENSING_FIRST = 4;
export const TRACE_LICENSING_LAST = 5;
export const TRACE_VISASCREEN = 6;
/** H-1B lottery: the selection (Mar 31 of the lottery that selected them), the cap petition filed, approved. */
export const TRACE_SELECTED = 7;
export const TRACE_FILED = 8;
export const TRACE_APPROVED = 9;
/** Conrad 30: the application filed (its clock started) and the H-1B start it allows. */
export const TRACE_WAIVER_FILED = 10;
export const TRACE_WAIVER_START = 11;
/** The end of each step of the visa chain (after a lottery's approval: the visa abroad). */
export const TRACE_CHAIN = 12;
export const TRACE_CHAIN_STEPS = 6;
export const TRACE_SLOTS = TRACE_CHAIN + TRACE_CHAIN_STEPS;

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
  /** The day the licence is granted (−Infinity when done), for a physician's H-1B petition after the waiver. */
  licensed: Float64Array;
  otherReady: Float64Array;
  /** 1 when the member's last Conrad 30 start came later than the start window after the H-1B's validity began. */
  lateStart: Uint8Array;
  /** When set, draws write their events here (TRACE_ slots): the timeline's draws only. */
  trace: Float64Array | null;
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
    lateStart: new Uint8Array(size),
    trace: null,
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

/**
 * End of steps [from, to) starting on `start`; the first began then and has not finished when `begun`.
 * A traced draw records each step's end (nothing pending ends before now).
 */
function chainEnd(
  cohort: Cohort,
  start: number,
  from: number,
  to: number,
  begun: boolean,
  u: Float64Array,
  p: number,
  trace: Float64Array | null,
  approvedFrom = -Infinity,
): number {
  let t = start;
  for (let k = from; k < to; k++) {
    const id = cohort.stepIds[k];
    t += k === from && begun ? remainingAware(cohort.steps, id, u[p + k - from], -start) : stepDays(cohort.steps, id, u[p + k - from]);
    // The first step ends in the H-1B approval, which a physician's licence gates; the next (a visa abroad) follow it.
    if (k === from) t = Math.max(t, approvedFrom);
    if (trace !== null && k - from < TRACE_CHAIN_STEPS) trace[TRACE_CHAIN + k - from] = Math.max(t, 0);
  }
  return Math.max(begun ? Math.max(t, 0) : t, approvedFrom);
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
  const step3Step = cohort.step3Step[i];
  const attempts = cohort.matchAttempts[i];
  const matchProbability = cohort.matchProbability[i];
  const begun = cohort.licensingBegun[i] === 1;
  const licenceFirst = cohort.licenceFirst[i] === 1;
  const gate = cohort.licenceGate[i];
  const available = cohort.available[i];
  const visaScreenStep = cohort.visaScreenStep[i];
  const kind = cohort.visaKind[i];
  const mode = cohort.lotteryMode[i];
  const visaDay = cohort.visaDay[i];
  const limit = cohort.h1bLimitDay[i];
  const trace = buffers.trace;
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
      if (trace !== null) trace.fill(NaN);
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
      if (trace !== null && licensingFrom > recruitmentFrom) trace[TRACE_RECRUITED] = recruited;

      // Training: ECFMG certification and Step 3 from today, then the Match and residency.
      let trained = 0;
      let trainingGate = -Infinity;
      if (ecfmgStep >= 0) trainingGate = trained = stepDays(steps, ecfmgStep, u[p++]);
      const certified = trained;
      if (step3Step >= 0) trainingGate = trained = trained + stepDays(steps, step3Step, u[p++]);
      if (trace !== null) {
        if (ecfmgStep >= 0) trace[TRACE_ECFMG] = certified;
        if (step3Step >= 0) trace[TRACE_STEP3] = trained;
      }
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
        // The licence is applied for during residency, and granted no sooner than its first year is done (S31).
        trained = Math.max(trained, tables.firstTrainingYearEnds[matchedYear]);
        trainingGate = tables.residencyEnds[matchedYear];
        if (trace !== null) trace[TRACE_RESIDENCY] = trainingGate;
      }

      // Licensing: under way since the stage date, or from when recruitment and training allow.
      let licensing = begun ? anchor : Math.max(recruited, trained);
      let licensed = -Infinity;
      for (let k = licensingFrom; k < chainFrom; k++) {
        const days =
          k === licensingFrom && begun ? remainingAware(steps, stepIds[k], u[p++], -anchor) : stepDays(steps, stepIds[k], u[p++]);
        licensing = Math.max(licensing + days, 0);
        if (k === licensingFrom && licenceFirst) licensed = licensing;
        if (trace !== null) trace[k === licensingFrom ? TRACE_LICENSING_FIRST : TRACE_LICENSING_LAST] = licensing;
      }
      // A physician's H-1B petition is filed once certified and licensed.
      const credentials = gate >= 0 ? Math.max(licensed, trainingGate) : -Infinity;

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
        if (trace !== null) trace[TRACE_VISASCREEN] = screened;
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
        let approval: number;
        if (mode === LOTTERY_FILED) approval = Math.max(visaDay + cohort.petitionDays[i], 0);
        else if (mode === LOTTERY_APPROVED) approval = visaDay;
        else {
          let entered = 0;
          let year = 1; // after this year's selection, the next lottery is next March's
          if (mode === LOTTERY_SELECTED || mode === LOTTERY_AWAITING) {
            // This year's selection is filed in its window, from now and once the physician is licensed.
            entered = 1;
            const selected = mode === LOTTERY_SELECTED || u[p++] < cohort.selectionProbability[i];
            const day = Math.max(cohort.filingOpensDay[i], 0, credentials);
            if (selected && day <= cohort.filingClosesDay[i]) filing = day;
            if (trace !== null && selected && mode === LOTTERY_AWAITING) trace[TRACE_SELECTED] = Math.max(cohort.filingOpensDay[i] - 1, 0);
          } else {
            year = 0;
            while (year < years && tables.registrationCloses[year] < visaFrom) year++;
          }
          // Lotteries whose June 30 the licence cannot meet are not entered.
          for (; Number.isNaN(filing) && year < years && entered < cohort.maxLotteries[i]; year++) {
            if (tables.petitionFilingCloses[year] < credentials) continue;
            entered++;
            feeTotals[i] += cohort.lotteryEntryFee[i];
            if (u[p++] < cohort.selectionProbability[i]) {
              filing = Math.max(tables.petitionFilingOpens[year], credentials);
              octFirst = tables.capStart[year];
              if (trace !== null) trace[TRACE_SELECTED] = tables.petitionFilingOpens[year] - 1;
            }
          }
          if (Number.isNaN(filing)) {
            arrival[i] = Infinity;
            binding[i] = BIND_VISA;
            break draw;
          }
          feeTotals[i] += cohort.petitionFee[i];
          feeFiling[i] = filing;
          approval = filing + cohort.petitionDays[i];
          if (trace !== null) trace[TRACE_FILED] = filing;
        }
        if (trace !== null) trace[TRACE_APPROVED] = Math.max(approval, 0);
        // The steps after the approval (a consular visa for someone abroad) start once it is in hand
        // and, with no later step recorded, not before today: the next action then says to book them.
        const afterApproval = chainEnd(cohort, Math.max(approval, 0), chainFrom, chainTo, false, u, p, trace);
        p += chainTo - chainFrom;
        visaDone = Math.max(octFirst, afterApproval);
      } else if (kind === VISA_CONRAD) {
        arrival[i] = NaN; // decided when the state's slots are dealt (placeConradState, placeUncontested)
        // Not before the window of the start's fiscal year opens (A1: the fall before the June the training ends).
        buffers.readyToFile[i] = cohort.conradFiled[i] === 1 ? visaDay : Math.max(visaFrom, cohort.conradFirstWindow[i]);
        buffers.licensed[i] = credentials;
        buffers.otherReady[i] = ready;
        buffers.otherBinding[i] = bind;
        break draw;
      } else {
        // A chain of steps: from the visa status date when under way, else from the end of recruitment
        // (TN admission: once everything else is done).
        const started = !Number.isNaN(visaDay);
        const from = started ? visaDay : cohort.visaWhenReady[i] === 1 ? Math.max(visaFrom, ready) : visaFrom;
        // A physician's petition is filed once licensed: approved no sooner than the licence plus its decision.
        visaDone = chainEnd(cohort, from, chainFrom, chainTo, started, u, p, trace, gate >= 0 ? credentials + gate : -Infinity);
        p += chainTo - chainFrom;
        if (gate >= 0) feeFiling[i] = Math.max(from, credentials);
        if (cohort.petitionFiled[i] === 0) feeTotals[i] += cohort.petitionFee[i];
      }
      if (visaDone > ready) {
        // TN admission follows whatever came last before it: that step, not the admission, held them up.
        if (cohort.visaWhenReady[i] === 0 || bind === BIND_RECRUITMENT) bind = BIND_VISA;
        ready = visaDone;
      }
      if (ready >= limit) {
        arrival[i] = Infinity; // the H-1B six-year maximum comes first
        binding[i] = BIND_VISA;
        break draw;
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
  const { applicants, probes } = state;
  slotsUsed.fill(0);
  flexUsed.fill(0);

  // Waivers already filed hold a slot of the fiscal year whose window they were filed in.
  let count = 0;
  for (let k = 0; k < applicants.length; k++) {
    const i = applicants[k];
    if (!Number.isNaN(arrival[i])) continue;
    if (cohort.conradFiled[i] === 1) {
      const day = readyToFile[i];
      const year = windowYear(tables, state, day);
      const inTable = year < slotsUsed.length && day >= tables.fiscalYearStarts[year] + state.opensOffset;
      if (inTable) {
        slotsUsed[year]++;
        if (cohort.conradFlex[i] === 1) flexUsed[year]++;
      }
      placeConradApplicant(cohort, buffers, i, filedClock(tables, state, day), true);
    } else filers[count++] = i;
  }
  // First come, first served: order by the day each could file (ties by list order).
  for (let k = 0; k < count; k++) sortKeys[k] = Math.floor(readyToFile[filers[k]]) * APPLICANT_KEY_RANGE + k;
  const keys = count > 1 ? sortKeys.subarray(0, count).sort() : sortKeys;
  for (let k = 0; k < count; k++) {
    const i = filers[keys[k] % APPLICANT_KEY_RANGE];
    placeConradApplicant(cohort, buffers, i, fileConrad(cohort, tables, buffers, state, i, true), false);
  }
  // Each new candidate is placed as the one extra applicant, after everyone in the pipeline.
  for (let k = 0; k < probes.length; k++) {
    const i = probes[k];
    if (Number.isNaN(arrival[i])) placeConradApplicant(cohort, buffers, i, fileConrad(cohort, tables, buffers, state, i, false), false);
  }
}

/** Index into fiscalYearStarts of the first fiscal year whose window in `state` has not closed on `day`. */
function windowYear(tables: CalendarTables, state: ConradState, day: number): number {
  const starts = tables.fiscalYearStarts;
  let year = 0;
  while (year < starts.length && starts[year] + state.closesOffset < day) year++;
  return year;
}

/**
 * The day member i's waiver clock starts: the application, ready on readyToFile[i], is filed in the
 * first window not yet closed that has a slot left (a flex slot too, for a flex site) — on the
 * window's first day if it is ready before — and a ranked window's clock starts when it closes.
 * Infinity when no window in the table has a slot, or the filing would come after the J-1 ends.
 */
function fileConrad(cohort: Cohort, tables: CalendarTables, buffers: RunBuffers, state: ConradState, i: number, takeSlot: boolean): number {
  const { slotsUsed, flexUsed } = buffers;
  const needsFlex = cohort.conradFlex[i] === 1;
  const day = buffers.readyToFile[i];
  const fiscalYears = tables.fiscalYearStarts.length;
  let year = windowYear(tables, state, day);
  while (year < fiscalYears && (slotsUsed[year] >= state.slotsPerFiscalYear || (needsFlex && flexUsed[year] >= state.flexPerFiscalYear)))
    year++;
  if (year >= fiscalYears) return Infinity;
  const filed = Math.max(day, tables.fiscalYearStarts[year] + state.opensOffset);
  if (filed > cohort.j1EndsDay[i]) return Infinity;
  if (takeSlot) {
    slotsUsed[year]++;
    if (needsFlex) flexUsed[year]++;
  }
  return state.ranked ? Math.max(filed, tables.fiscalYearStarts[year] + state.closesOffset) : filed;
}

/** A filed application's clock: from its filing, or in a ranked state from the close of the window it was filed in. */
function filedClock(tables: CalendarTables, state: ConradState, day: number): number {
  if (!state.ranked) return day;
  const starts = tables.fiscalYearStarts;
  const year = windowYear(tables, state, day);
  return year < starts.length && day >= starts[year] + state.opensOffset ? Math.max(day, starts[year] + state.closesOffset) : day;
}

/** A Conrad 30 applicant whose state has a slot for every applicant: files when ready. */
function placeUncontested(cohort: Cohort, tables: CalendarTables, buffers: RunBuffers, state: ConradState, i: number): void {
  const day = buffers.readyToFile[i];
  if (cohort.conradFiled[i] === 1) placeConradApplicant(cohort, buffers, i, filedClock(tables, state, day), true);
  else placeConradApplicant(cohort, buffers, i, fileConrad(cohort, tables, buffers, state, i, false), false);
}

/**
 * The waiver's clock from `clockStart` (under way since then when `begun`); the H-1B follows the
 * licence (a physician's petition is filed with it) and starts no sooner than the rest is ready (the
 * end of training). A start later than the start window after the H-1B's validity begins is flagged.
 */
function placeConradApplicant(cohort: Cohort, buffers: RunBuffers, i: number, clockStart: number, begun: boolean): void {
  const { arrival, binding, feeTotals, licensed, otherReady, otherBinding } = buffers;
  buffers.lateStart[i] = 0;
  if (clockStart === Infinity) {
    arrival[i] = Infinity;
    binding[i] = BIND_VISA;
    return;
  }
  const p = reserve(buffers, 1);
  buffers.position = p + 1;
  const u = buffers.uniforms[p];
  const id = cohort.conradStep[i];
  // The H-1B petition follows the waiver: a waiver filed has not paid its fees (S17, S25).
  if (cohort.petitionFiled[i] === 0) feeTotals[i] += cohort.petitionFee[i];
  const duration = begun ? remainingAware(cohort.steps, id, u, -clockStart) : stepDays(cohort.steps, id, u);
  let start = begun ? Math.max(clockStart + duration, 0) : clockStart + duration;
  if (cohort.licenceGate[i] >= 0) start = Math.max(start, licensed[i] + cohort.licenceGate[i]);
  const trace = buffers.trace;
  if (trace !== null) {
    if (!begun) trace[TRACE_WAIVER_FILED] = clockStart;
    trace[TRACE_WAIVER_START] = Math.max(start, 0);
  }
  const ready = otherReady[i];
  const arrives = Math.max(ready, start, 0);
  if (arrives >= cohort.h1bLimitDay[i]) {
    arrival[i] = Infinity;
    binding[i] = BIND_VISA;
    return;
  }
  // The H-1B's validity begins when it is approved or at the end of training, whichever is later (R14).
  if (arrives > Math.max(start, cohort.available[i]) + cohort.startWithinDays[i]) buffers.lateStart[i] = 1;
  arrival[i] = arrives;
  binding[i] = start > ready ? BIND_VISA : otherBinding[i];
}
