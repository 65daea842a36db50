// What still stands between a candidate and arrival, as plain data, and when each remaining step
// starts: a step already under way started when it actually happened (the stage date, the visa
// status date); only a step not begun starts today. Tracks run in parallel once the offer is
// accepted — training (ECFMG, Match, residency), licensure and credentialing, the VisaScreen, and
// the visa process of the route at the candidate's visa status — and arrival waits for all of them
// and for the day the person is free (available_from, the end of residency).
// The simulator samples these plans; next-action.ts reads them.

import { DAYS_PER_MONTH, dayOf, formatIsoDate, monthOfDay, parseIsoDate, yearOfDay } from '../calendar';
import { specialtyInfo } from '../specialties';
import { STAGES, type Candidate, type IsoDate, type Profession, type Stage, type VisaRoute } from '../types';
import type { Assumptions, TriangularPrefix } from './assumptions';
import { routeFees, type RouteFees } from './fees';
import { earliestCapStart, petitionDecisionDays, standardProcessingDelay } from './h1b-calendar';
import { ROUTES, type WaiverProgram } from './visa-routes';
import type { SiteEligibility } from './waiver-sites';

/** A triangular distribution of a duration in days. */
export interface Duration {
  minDays: number;
  modeDays: number;
  maxDays: number;
}

export interface Step {
  id: string;
  label: string;
  days: Duration;
  /** Chance the candidate does not withdraw (or get rejected) during the step. */
  successProbability: number;
  sources: string[];
}

/** Steps one after another; the first began on `startedOn`, or begins when its track starts. */
export interface Chain {
  steps: Step[];
  startedOn: IsoDate | null;
}

export type LotteryMode =
  /** Enter the next lottery whose registration closes after the visa track starts. */
  | 'register'
  /** Registered for this year's lottery; selections not announced yet. */
  | 'awaiting-selection'
  /** Selected: files Apr 1–Jun 30, starts on Oct 1 or approval; never registered again. */
  | 'selected'
  | 'petition-filed'
  | 'approved';

export type VisaProcess =
  | { kind: 'none' }
  /** The route cannot bring the candidate here (e.g. the waiver site does not qualify). */
  | { kind: 'blocked'; reason: string }
  | { kind: 'steps'; chain: Chain; successProbability: number; sources: string[] }
  | {
      kind: 'h1b-lottery';
      mode: LotteryMode;
      /** Date of the visa status that fixed the mode ('' for register). */
      statusDate: IsoDate;
      selectionProbability: number;
      maxLotteries: number;
      /** Calendar days from filing to a decided petition. */
      petitionDays: number;
      /** Steps after approval, e.g. the visa appointment abroad. */
      after: Step[];
      successProbability: number;
      sources: string[];
    }
  | {
      kind: 'conrad30';
      /** apply: competes for the state's slots; filed: holds a slot of the fiscal year it was filed in. */
      mode: 'apply' | 'filed';
      filedOn: IsoDate | null;
      state: string;
      pool: 'regular' | 'flex';
      filingToStart: Duration;
      /** The waiver lapses unless licensing is done within this many days of the H-1B start. */
      startWithinDays: number;
      successProbability: number;
      sources: string[];
    };

export interface TrainingPlan {
  /** USMLE Step 1, Step 2 CK and the communication requirement, from today. */
  ecfmg: Step | null;
  /** Matching into a US residency and completing it. */
  residency: { matchProbability: number; attempts: number; years: number } | null;
}

/** The $100,000 fee's input (h1b-fee.ts): only a new H-1B petition not yet filed for someone abroad can still owe it. */
export interface FeeExposure {
  /** 1: abroad; between 0 and 1: the share assumed abroad when the candidate's location is not recorded. */
  abroad: number;
}

export interface CandidatePlan {
  status: 'active' | 'arrived' | 'withdrawn';
  /** The date the candidate entered the current stage; the first remaining recruitment step began then. */
  anchorDate: IsoDate;
  /** Remaining stages up to and including 'accepted', in order. */
  recruitment: Step[];
  training: TrainingPlan;
  /** Licence then credentialing, whichever remain; they start when recruitment and training allow. */
  licensing: Chain;
  /** CGFNS VisaScreen for MLS/MLT without one; starts with the visa track. */
  visaScreen: Step | null;
  visa: VisaProcess;
  /** The route the visa process follows (a cap-exempt H-1B moving to a cap-subject employer is a lottery). */
  effectiveRoute: VisaRoute;
  /** First day the person can start; '' when free now. */
  availableFrom: IsoDate;
  /** Years of waiver service that follow arrival (the retention cliff); null when none. */
  serviceYears: number | null;
  feeExposure: FeeExposure | null;
  fees: RouteFees;
}

export interface PlanContext {
  now: IsoDate;
  /** OEWS wage level of the offer (a matched target's saved offer); the profession's default otherwise. */
  wageLevel?: number;
  /** Waiver-site eligibility of the candidate's site; unknown sites plan as eligible. */
  site?: SiteEligibility;
}

const RECRUITMENT_STAGES = ['sourced', 'screening', 'interview', 'offer', 'accepted'] as const;
type RecruitmentStage = (typeof RECRUITMENT_STAGES)[number];

const stageOrder = (stage: Stage) => STAGES.indexOf(stage);
const NOT_STARTED: Chain = { steps: [], startedOn: null };

export function planCandidate(candidate: Candidate, assumptions: Assumptions, context: PlanContext): CandidatePlan {
  const effectiveRoute = effectiveRouteOf(candidate);
  const fees = routeFees(effectiveRoute, assumptions);
  if (candidate.stage === 'arrived' || candidate.stage === 'withdrawn') {
    return {
      status: candidate.stage,
      anchorDate: candidate.stageDate,
      recruitment: [],
      training: { ecfmg: null, residency: null },
      licensing: NOT_STARTED,
      visaScreen: null,
      visa: { kind: 'none' },
      effectiveRoute,
      availableFrom: '',
      serviceYears: serviceYearsOf(candidate.visaRoute, assumptions),
      feeExposure: null,
      fees,
    };
  }
  const order = stageOrder(candidate.stage);
  const training = trainingPlan(candidate, assumptions);
  const licensingSteps = licensingStepsOf(candidate.profession, candidate.siteState, assumptions)
    .filter((entry) => stageOrder(entry.stage) >= order)
    .map((entry) => entry.step);
  // A licence cannot be under way before ECFMG certification, whatever the stage says.
  const licensingBegun = (candidate.stage === 'licensure' || candidate.stage === 'credentialing') && training.ecfmg === null;
  return {
    status: 'active',
    anchorDate: candidate.stageDate,
    recruitment: RECRUITMENT_STAGES.filter((stage) => stageOrder(stage) >= order).map((stage) => recruitmentStep(stage, assumptions)),
    training,
    licensing: { steps: licensingSteps, startedOn: licensingBegun ? candidate.stageDate : null },
    visaScreen: visaScreenStep(candidate, effectiveRoute, assumptions),
    visa: visaProcess(candidate, effectiveRoute, assumptions, context),
    effectiveRoute,
    availableFrom: candidate.availableFrom,
    serviceYears: serviceYearsOf(candidate.visaRoute, assumptions),
    feeExposure: feeExposureOf(candidate, effectiveRoute, assumptions),
    fees,
  };
}

/**
 * An H-1B with a cap-exempt employer (or serving a waiver) was never counted against the cap, so a
 * transfer to a cap-subject employer goes through the lottery.
 */
export function effectiveRouteOf(candidate: Pick<Candidate, 'visaRoute' | 'currentStatus'>): VisaRoute {
  const uncounted = candidate.currentStatus === 'h1b-cap-exempt' || candidate.currentStatus === 'h1b-waiver-service';
  return candidate.visaRoute === 'h1b-transfer' && uncounted ? 'h1b-cap-subject' : candidate.visaRoute;
}

function serviceYearsOf(route: VisaRoute, assumptions: Assumptions): number | null {
  return ROUTES[route].waiver ? assumptions.waiverServiceYears : null;
}

function recruitmentStep(stage: RecruitmentStage, assumptions: Assumptions): Step {
  const typical = assumptions[STAGE_DAYS_FIELD[stage]];
  return {
    id: `stage-${stage}`,
    label: `${stage} stage`,
    days: { minDays: typical / 2, modeDays: typical, maxDays: typical * 2 },
    successProbability: 1 - assumptions[WITHDRAWAL_FIELD[stage]],
    sources: [],
  };
}

const STAGE_DAYS_FIELD = {
  sourced: 'stageDaysSourced',
  screening: 'stageDaysScreening',
  interview: 'stageDaysInterview',
  offer: 'stageDaysOffer',
  accepted: 'stageDaysAccepted',
} as const satisfies Record<RecruitmentStage, keyof Assumptions>;

const WITHDRAWAL_FIELD = {
  sourced: 'withdrawalSourced',
  screening: 'withdrawalScreening',
  interview: 'withdrawalInterview',
  offer: 'withdrawalOffer',
  accepted: 'withdrawalAccepted',
} as const satisfies Record<RecruitmentStage, keyof Assumptions>;

const US_TRAINED = new Set(['', 'us', 'usa', 'united states', 'united states of america']);

/** IMGs without ECFMG certification certify first; those not yet in a US residency match into one and complete it. */
function trainingPlan(candidate: Candidate, assumptions: Assumptions): TrainingPlan {
  if (candidate.profession !== 'physician') return { ecfmg: null, residency: null };
  const img = !US_TRAINED.has(candidate.countryOfTraining.trim().toLowerCase());
  const ecfmg: Step | null =
    img && candidate.ecfmgCertified === false
      ? {
          id: 'ecfmg',
          label: 'ECFMG certification (USMLE Step 1, Step 2 CK, communication)',
          days: triangularDays(assumptions, 'ecfmgCertificationMonths'),
          successProbability: 1,
          sources: ['S28'],
        }
      : null;
  const residency =
    candidate.trainingStatus === 'needs-residency'
      ? { matchProbability: assumptions.matchRateNonUsImg, attempts: assumptions.matchAttempts, years: assumptions.residencyYears }
      : null;
  return { ecfmg, residency };
}

export function mlsLicensureRequired(state: string, assumptions: Assumptions): boolean {
  return assumptions.mlsLicensureStates.split(',').includes(state);
}

/** The licensing steps with the pipeline stage the candidate is in while each runs. */
function licensingStepsOf(profession: Profession, state: string, assumptions: Assumptions): { stage: Stage; step: Step }[] {
  if (profession === 'mls') {
    if (!mlsLicensureRequired(state, assumptions)) return [];
    const step: Step = {
      id: 'mls-licence',
      label: `${state} lab personnel licence`,
      days: triangularDays(assumptions, 'mlsLicenceDays'),
      successProbability: 1 - assumptions.withdrawalLicensure,
      sources: ['S44', 'S45'],
    };
    return [{ stage: 'licensure', step }];
  }
  const licence: Step = {
    id: 'medical-licence',
    label: `${state} medical licence`,
    days: triangularDays(assumptions, 'physicianLicenceDays'),
    successProbability: 1 - assumptions.withdrawalLicensure,
    sources: ['S29'],
  };
  const credentialing: Step = {
    id: 'credentialing',
    label: 'credentialing and privileging',
    days: triangularDays(assumptions, 'credentialingDays'),
    successProbability: 1 - assumptions.withdrawalCredentialing,
    sources: ['S30'],
  };
  return [
    { stage: 'licensure', step: licence },
    { stage: 'credentialing', step: credentialing },
  ];
}

/** Medical technologists and technicians need a health care worker certificate for any visa (8 CFR 212.15). */
function visaScreenStep(candidate: Candidate, route: VisaRoute, assumptions: Assumptions): Step | null {
  const needsVisa = route !== 'us-authorized' && route !== 'ead';
  if (!needsVisa || candidate.visaScreen === true || !specialtyInfo(candidate.specialty)?.visaScreen) return null;
  return {
    id: 'visascreen',
    label: 'CGFNS VisaScreen certificate',
    days: triangularDays(assumptions, 'visaScreenMonths'),
    successProbability: 1,
    sources: ['S48', 'R7'],
  };
}

function visaProcess(candidate: Candidate, route: VisaRoute, assumptions: Assumptions, context: PlanContext): VisaProcess {
  const successProbability = 1 - assumptions.withdrawalVisa;
  const status = candidate.visaStatus;
  const statusDate = candidate.visaStatusDate;
  const abroad = candidate.currentStatus === 'abroad' || (candidate.currentStatus === 'j1' && route === 'o1');
  const consular = (): Step[] => (abroad ? [consularStep(assumptions)] : []);
  const decision = (label: string) => fixedStep('petition-decision', label, petitionDecisionDays(assumptions), ['S15']);
  const steps = (list: Step[], startedOn: IsoDate | null, sources: string[]): VisaProcess => ({
    kind: 'steps',
    chain: { steps: list, startedOn },
    successProbability,
    sources,
  });
  /** Petition routes: not started → the whole offer-to-approval range; filed → the decision; approved → nothing. */
  const petition = (whole: Step, sources: string[]) => {
    if (status === 'petition-filed') return steps([decision(`${whole.label}: decision`), ...consular()], statusDate, sources);
    if (status === 'approved') return steps(consular(), statusDate, sources);
    return steps([whole, ...consular()], null, sources);
  };
  const waiver = ROUTES[route].waiver;
  if (waiver) return waiverProcess(candidate, waiver, assumptions, context, successProbability);

  switch (route) {
    case 'us-authorized':
    case 'ead':
      return { kind: 'none' };
    case 'h1b-cap-subject':
      return lotteryProcess(candidate, assumptions, context, consular(), successProbability);
    case 'h1b-cap-exempt':
      return petition(
        {
          id: 'visa-h1b-cap-exempt',
          label: 'H-1B cap-exempt petition',
          days: shift(triangularDays(assumptions, 'h1bCapExemptOfferToStartMonths'), standardProcessingDelay(assumptions)),
          successProbability: 1,
          sources: ['S14', 'S15'],
        },
        ['S14', 'S15'],
      );
    case 'h1b-transfer':
      // Portability: the worker may start once the new petition is filed.
      if (status === 'petition-filed' || status === 'approved') return steps([], statusDate, []);
      return steps(
        [
          {
            id: 'visa-h1b-transfer',
            label: 'H-1B transfer petition',
            days: triangularDays(assumptions, 'h1bTransferDays'),
            successProbability: 1,
            sources: [],
          },
        ],
        null,
        [],
      );
    case 'o1':
      return petition(
        {
          id: 'visa-o1',
          label: 'O-1 petition',
          days: shift(triangularDays(assumptions, 'o1Months'), standardProcessingDelay(assumptions)),
          successProbability: 1,
          sources: [],
        },
        [],
      );
    case 'tn':
      if (status === 'petition-filed' || status === 'approved') return steps([], statusDate, ['S47']);
      return steps(
        [{ id: 'visa-tn', label: 'TN status', days: triangularDays(assumptions, 'tnDays'), successProbability: 1, sources: ['S47', 'R8'] }],
        null,
        ['S47', 'R8'],
      );
    case 'eb2-niw':
    case 'eb3-perm':
      return immigrantProcess(candidate, route, assumptions, abroad, successProbability);
  }
  return { kind: 'none' };
}

function lotteryProcess(
  candidate: Candidate,
  assumptions: Assumptions,
  context: PlanContext,
  after: Step[],
  successProbability: number,
): VisaProcess {
  const nowDay = parseIsoDate(context.now) as number;
  const statusDay = parseIsoDate(candidate.visaStatusDate);
  let mode: LotteryMode = 'register';
  if (statusDay !== null) {
    const year = yearOfDay(statusDay);
    if (candidate.visaStatus === 'registered') {
      // Selections are announced by Mar 31; a registration whose result is out and not "selected" was not.
      mode = year === yearOfDay(nowDay) && monthOfDay(statusDay) <= 3 && nowDay <= dayOf(year, 3, 31) ? 'awaiting-selection' : 'register';
    } else if (candidate.visaStatus === 'selected' || candidate.visaStatus === 'petition-filed' || candidate.visaStatus === 'approved') {
      mode = candidate.visaStatus;
    }
  }
  return {
    kind: 'h1b-lottery',
    mode,
    statusDate: mode === 'register' ? '' : candidate.visaStatusDate,
    selectionProbability: selectionProbability(candidate.profession, assumptions, context.wageLevel),
    maxLotteries: assumptions.h1bMaxLotteries,
    petitionDays: petitionDecisionDays(assumptions),
    after,
    successProbability,
    sources: ['S1', 'S6', 'S7', 'S8', 'S9', 'S15'],
  };
}

/**
 * The Oct 1 a cap petition's start waits for: the fiscal year the selection was for. A petition filed
 * in the April–June window of year Y is for FY Y+1, starting Oct 1 of Y.
 */
export function capStartFor(date: IsoDate): IsoDate {
  return formatIsoDate(earliestCapStart(yearOfDay(parseIsoDate(date) as number)));
}

function waiverProcess(
  candidate: Candidate,
  program: WaiverProgram,
  assumptions: Assumptions,
  context: PlanContext,
  successProbability: number,
): VisaProcess {
  const site = context.site;
  if (site?.pool === 'none') return { kind: 'blocked', reason: site.sentence };
  const status = candidate.visaStatus;
  const statusDate = candidate.visaStatusDate;
  const conrad = program === 'conrad30';
  const sources = conrad ? ['S17', 'S22', 'S25'] : ['S21', 'S23'];
  const decision = fixedStep('petition-decision', 'H-1B petition decision', petitionDecisionDays(assumptions), ['S15']);
  const steps = (list: Step[], startedOn: IsoDate | null): VisaProcess => ({
    kind: 'steps',
    chain: { steps: list, startedOn },
    successProbability,
    sources,
  });
  if (status === 'waiver-approved') return steps([decision], statusDate);
  if (status === 'petition-filed') return steps([decision], statusDate);
  if (status === 'approved') return steps([], statusDate);
  if (conrad) {
    return {
      kind: 'conrad30',
      mode: status === 'waiver-filed' ? 'filed' : 'apply',
      filedOn: status === 'waiver-filed' ? statusDate : null,
      state: candidate.siteState,
      pool: site?.pool === 'flex' ? 'flex' : 'regular',
      filingToStart: triangularDays(assumptions, 'conrad30FilingToStartMonths'),
      startWithinDays: assumptions.conrad30StartWithinDays,
      successProbability,
      sources,
    };
  }
  const federal: Step = {
    id: 'visa-federal-waiver',
    label: `${ROUTES[candidate.visaRoute].label}, then the H-1B`,
    days: triangularDays(assumptions, 'federalWaiverFilingToStartMonths'),
    successProbability: 1,
    sources: ['S21', 'S23'],
  };
  return steps([federal], status === 'waiver-filed' ? statusDate : null);
}

/** Green cards: PERM (EB-3 only), the I-140, the wait for a visa number, then the interview abroad. */
function immigrantProcess(
  candidate: Candidate,
  route: 'eb2-niw' | 'eb3-perm',
  assumptions: Assumptions,
  abroad: boolean,
  successProbability: number,
): VisaProcess {
  const step = (id: string, label: string, prefix: TriangularPrefix, sources: string[]): Step => ({
    id,
    label,
    days: triangularDays(assumptions, prefix),
    successProbability: 1,
    sources,
  });
  const perm = step('perm', 'PERM labour certification', 'permMonths', ['S46']);
  const i140 = step(
    'i140',
    route === 'eb2-niw' ? 'I-140 with the physician national interest waiver' : 'I-140 petition',
    'immigrantPetitionMonths',
    [],
  );
  const wait = step('visa-number', 'wait for an immigrant visa number', 'immigrantVisaWaitMonths', ['S49']);
  const tail = abroad ? [wait, consularStep(assumptions)] : [wait];
  const sources = route === 'eb2-niw' ? ['R6', 'S49'] : ['S46', 'S49'];
  const steps = (list: Step[], startedOn: IsoDate | null): VisaProcess => ({
    kind: 'steps',
    chain: { steps: list, startedOn },
    successProbability,
    sources,
  });
  switch (candidate.visaStatus) {
    case 'perm-filed':
      return steps([perm, i140, ...tail], candidate.visaStatusDate);
    case 'immigrant-petition-filed':
      return steps([i140, ...tail], candidate.visaStatusDate);
    case 'approved':
      return steps(tail, candidate.visaStatusDate);
    default:
      return steps(route === 'eb3-perm' ? [perm, i140, ...tail] : [i140, ...tail], null);
  }
}

function consularStep(assumptions: Assumptions): Step {
  return {
    id: 'consular',
    label: 'visa appointment abroad',
    days: triangularDays(assumptions, 'consularDays'),
    successProbability: 1,
    sources: [],
  };
}

/**
 * Who can still owe the $100,000 fee: a new H-1B petition (cap-subject, or cap-exempt unless switched
 * off) for someone not inside the US, not yet filed (a filed one has paid it or not already).
 */
function feeExposureOf(candidate: Candidate, route: VisaRoute, assumptions: Assumptions): FeeExposure | null {
  if (!ROUTES[route].newH1bPetition) return null;
  if (route === 'h1b-cap-exempt' && !assumptions.h1bFeeAppliesToCapExempt) return null;
  if (candidate.visaStatus === 'petition-filed' || candidate.visaStatus === 'approved') return null;
  const abroad = candidate.currentStatus === 'abroad' ? 1 : candidate.currentStatus === '' ? assumptions.shareOfNewH1bHiresAbroad : 0;
  return abroad === 0 ? null : { abroad };
}

/** Selection odds: flat, or by the offer's OEWS wage level under the wage-weighted rule (FY2027 on). */
export function selectionProbability(profession: Profession, assumptions: Assumptions, wageLevel?: number): number {
  if (assumptions.h1bSelectionModel === 'flat') return assumptions.h1bSelectionProbability;
  const level = wageLevel ?? (profession === 'mls' ? assumptions.h1bWageLevelMls : assumptions.h1bWageLevelPhysician);
  return assumptions[`h1bSelectionProbabilityLevel${Math.min(4, Math.max(1, Math.round(level))) as 1 | 2 | 3 | 4}`];
}

export function triangularDays(assumptions: Assumptions, prefix: TriangularPrefix): Duration {
  const scale = prefix.endsWith('Months') ? DAYS_PER_MONTH : 1;
  return {
    minDays: assumptions[`${prefix}Min`] * scale,
    modeDays: assumptions[`${prefix}Mode`] * scale,
    maxDays: assumptions[`${prefix}Max`] * scale,
  };
}

function fixedStep(id: string, label: string, days: number, sources: string[]): Step {
  return { id, label, days: { minDays: days, modeDays: days, maxDays: days }, successProbability: 1, sources };
}

function shift(duration: Duration, days: number): Duration {
  return { minDays: duration.minDays + days, modeDays: duration.modeDays + days, maxDays: duration.maxDays + days };
}
