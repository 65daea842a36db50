// What still stands between a candidate and arrival, as plain data, and when each remaining step
// starts: a step already under way started when it actually happened (the stage date, the visa
// status date); only a step not begun starts today. Tracks run in parallel once the offer is
// accepted — training (ECFMG certification, USMLE Step 3, Match, residency), licensure and
// credentialing, the VisaScreen, and the visa process of the route at the candidate's visa status —
// and arrival waits for all of them and for the day the person is free (available_from, the end of
// residency). What remains is read from the facts recorded (licence status, visa status and their
// dates); the recruiting stage only stands in for a fact not recorded, so the same facts at another
// stage give the same plan.
// This is the one place that decides where a candidate stands (standing.ts names it): the simulator
// samples these plans and next-action.ts reads them, so the forecast and the next action agree.

import { DAYS_PER_MONTH, DAYS_PER_YEAR, dayOf, formatIsoDate, monthOfDay, parseIsoDate, yearOfDay } from '../calendar';
import { LICENCE_STATUS_ALIASES } from '../pipeline/aliases';
import { isPrimaryCareOrPsychiatry, specialtyInfo } from '../specialties';
import { STAGES, type Candidate, type IsoDate, type Profession, type Stage, type VisaRoute } from '../types';
import type { Assumptions, TriangularPrefix } from './assumptions';
import { conradWindow, nextWindowYear, startFiscalYear, windowDays, type ConradWindow } from './conrad-windows';
import { routeFees } from './fees';
import { capFilingWindow, capStartOfPetition, petitionDecisionDays, standardProcessingDelay } from './h1b-calendar';
import type { CandidatePlan, Chain, Duration, FeeExposure, LotteryMode, PlanContext, Step, TrainingPlan, VisaProcess } from './plan';
import { standingOf } from './standing';
import { ROUTES, type WaiverProgram } from './visa-routes';
import { ARC_STATES, DRA_STATES } from './waiver-sites';

export type { CandidatePlan, Chain, Duration, FeeExposure, LotteryMode, PlanContext, Step, TrainingPlan, VisaProcess } from './plan';

const RECRUITMENT_STAGES = ['sourced', 'screening', 'interview', 'offer', 'accepted'] as const;
type RecruitmentStage = (typeof RECRUITMENT_STAGES)[number];

const stageOrder = (stage: Stage) => STAGES.indexOf(stage);
const NOT_STARTED: Chain = { steps: [], startedOn: null };

/** J-1 status ends this many days after the program (R16): the grace period. */
const J1_GRACE_DAYS = 30;
/** The most years in H-1B status (INA §214(g)(4); R12). */
const H1B_MAX_YEARS = 6;

export function planCandidate(candidate: Candidate, assumptions: Assumptions, context: PlanContext): CandidatePlan {
  const effectiveRoute = effectiveRouteOf(candidate);
  const fees = routeFees(effectiveRoute, assumptions);
  if (candidate.stage === 'arrived' || candidate.stage === 'withdrawn') {
    const plan: Omit<CandidatePlan, 'standing' | 'milestones'> = {
      status: candidate.stage,
      anchorDate: candidate.stageDate,
      recruitment: [],
      training: { ecfmg: null, step3: null, residency: null },
      licensing: NOT_STARTED,
      licenceGate: null,
      visaWhenReady: false,
      visaScreen: null,
      visa: { kind: 'none' },
      effectiveRoute,
      availableFrom: '',
      serviceYears: serviceYearsOf(candidate.visaRoute, assumptions),
      feeExposure: null,
      fees,
      petitionFiled: true,
      h1bLimit: null,
    };
    return { ...plan, ...standingOf(candidate, plan, assumptions, context) };
  }
  const training = trainingPlan(candidate, assumptions);
  const limit = h1bLimitOf(candidate, effectiveRoute, context.now);
  const visa = limit.blocked
    ? ({ kind: 'blocked', reason: limit.blocked } as const)
    : visaProcess(candidate, effectiveRoute, assumptions, context);
  const plan: Omit<CandidatePlan, 'standing' | 'milestones'> = {
    status: 'active',
    anchorDate: candidate.stageDate,
    recruitment: recruitmentSteps(candidate, assumptions),
    training,
    licensing: licensingChain(candidate, training, assumptions),
    licenceGate: licenceGateOf(candidate, effectiveRoute, visa, assumptions),
    visaWhenReady: effectiveRoute === 'tn' && visa.kind === 'steps' && visa.chain.startedOn === null,
    visaScreen: visaScreenStep(candidate, effectiveRoute, assumptions),
    visa,
    effectiveRoute,
    availableFrom: candidate.availableFrom,
    serviceYears: serviceYearsOf(candidate.visaRoute, assumptions),
    feeExposure: feeExposureOf(candidate, effectiveRoute, assumptions),
    fees,
    petitionFiled: petitionFiledOf(candidate, effectiveRoute),
    h1bLimit: limit.day,
  };
  return { ...plan, ...standingOf(candidate, plan, assumptions, context) };
}

/**
 * Whether the route's petition is filed, from the visa status: on a waiver route, from
 * "petition filed" on (the waiver filed or approved comes before the H-1B petition, S17, S25); on
 * another, from its first step (the lottery's fees are counted by the lottery's own statuses).
 */
function petitionFiledOf(candidate: Candidate, route: VisaRoute): boolean {
  const statuses = ROUTES[route].statuses;
  const at = statuses.indexOf(candidate.visaStatus);
  return at > 0 && at >= (ROUTES[route].waiver ? statuses.indexOf('petition-filed') : 1);
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

export type LicenceProgress = 'licensed' | 'applied' | 'not-applied' | 'not-recorded';

/** The licence status as recorded; free text saved before the codes reads as not recorded unless it names one. */
export function licenceProgress(candidate: Pick<Candidate, 'licenceStatus'>): LicenceProgress {
  const code = LICENCE_STATUS_ALIASES.find(candidate.licenceStatus.trim());
  return code === undefined || code === '' ? 'not-recorded' : code;
}

/** Something of the hire's own has begun: the licence applied for or granted, or a visa step taken. */
function hireBegun(candidate: Candidate): boolean {
  const licence = licenceProgress(candidate);
  return licence === 'applied' || licence === 'licensed' || candidate.visaStatus !== 'not-started';
}

/**
 * The recruitment stages still ahead, from the current one. The wait after acceptance until the
 * hire's own steps start is past once one of them has begun.
 */
function recruitmentSteps(candidate: Candidate, assumptions: Assumptions): Step[] {
  const order = stageOrder(candidate.stage);
  const begun = hireBegun(candidate);
  return RECRUITMENT_STAGES.filter((stage) => stageOrder(stage) >= order && !(stage === 'accepted' && begun)).map((stage) =>
    recruitmentStep(stage, assumptions),
  );
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

export function trainedAbroad(candidate: Pick<Candidate, 'countryOfTraining'>): boolean {
  return !US_TRAINED.has(candidate.countryOfTraining.trim().toLowerCase());
}

/**
 * IMGs without ECFMG certification certify first, then take USMLE Step 3 (unless a US residency
 * comes first, where they take it); those not yet in a US residency match into one and complete it.
 */
function trainingPlan(candidate: Candidate, assumptions: Assumptions): TrainingPlan {
  if (candidate.profession !== 'physician') return { ecfmg: null, step3: null, residency: null };
  const uncertified = trainedAbroad(candidate) && candidate.ecfmgCertified === false;
  const needsResidency = candidate.trainingStatus === 'needs-residency';
  const ecfmg: Step | null = uncertified
    ? {
        id: 'ecfmg',
        label: 'ECFMG certification (USMLE Step 1, Step 2 CK, communication)',
        days: triangularDays(assumptions, 'ecfmgCertificationMonths'),
        successProbability: 1,
        sources: ['S28'],
      }
    : null;
  const step3: Step | null =
    uncertified && !needsResidency
      ? {
          id: 'usmle-step3',
          label: 'USMLE Step 3',
          days: triangularDays(assumptions, 'usmleStep3Months'),
          successProbability: 1,
          sources: ['R10'],
        }
      : null;
  const residency = needsResidency
    ? { matchProbability: assumptions.matchRateNonUsImg, attempts: assumptions.matchAttempts, years: assumptions.residencyYears }
    : null;
  return { ecfmg, step3, residency };
}

export function mlsLicensureRequired(state: string, assumptions: Assumptions): boolean {
  return assumptions.mlsLicensureStates.split(',').includes(state);
}

type StepState = 'done' | 'under-way' | 'to-start';

/**
 * Licence then credentialing, as the facts have them: a licence applied for is under way since the
 * stage date and a granted one is done, whatever the stage; credentialing follows the licence. The
 * stage speaks only where the licence status is not recorded (licensure: under way; credentialing:
 * licensed and credentialing; visa: both done). No licence is under way before ECFMG certification.
 */
function licensingChain(candidate: Candidate, training: TrainingPlan, assumptions: Assumptions): Chain {
  const { licence, credentialing } = licensingStepsOf(candidate.profession, candidate.siteState, assumptions);
  const progress = licenceProgress(candidate);
  const stage = candidate.stage;
  const order = stageOrder(stage);
  const licenceState: StepState = !licence
    ? 'done'
    : progress === 'licensed'
      ? 'done'
      : progress === 'applied'
        ? 'under-way'
        : progress === 'not-applied'
          ? 'to-start'
          : order >= stageOrder('credentialing')
            ? 'done'
            : stage === 'licensure'
              ? 'under-way'
              : 'to-start';
  const credentialingState: StepState = !credentialing
    ? 'done'
    : licenceState !== 'done'
      ? 'to-start'
      : stage === 'visa'
        ? 'done'
        : stage === 'credentialing'
          ? 'under-way'
          : 'to-start';
  const steps = [licenceState === 'done' ? null : licence, credentialingState === 'done' ? null : credentialing].filter(
    (step): step is Step => step !== null,
  );
  const underWay = licenceState === 'under-way' || (licenceState === 'done' && credentialingState === 'under-way');
  return { steps, startedOn: underWay && training.ecfmg === null ? candidate.stageDate : null };
}

function licensingStepsOf(
  profession: Profession,
  state: string,
  assumptions: Assumptions,
): { licence: Step | null; credentialing: Step | null } {
  if (profession === 'mls') {
    if (!mlsLicensureRequired(state, assumptions)) return { licence: null, credentialing: null };
    return {
      licence: {
        id: 'mls-licence',
        label: `${state} lab personnel licence`,
        days: triangularDays(assumptions, 'mlsLicenceDays'),
        successProbability: 1 - assumptions.withdrawalLicensure,
        sources: ['S44', 'S45'],
      },
      credentialing: null,
    };
  }
  return {
    licence: {
      id: 'medical-licence',
      label: `${state} medical licence`,
      days: triangularDays(assumptions, 'physicianLicenceDays'),
      successProbability: 1 - assumptions.withdrawalLicensure,
      sources: ['S29'],
    },
    credentialing: {
      id: 'credentialing',
      label: 'credentialing and privileging',
      days: triangularDays(assumptions, 'credentialingDays'),
      successProbability: 1 - assumptions.withdrawalCredentialing,
      sources: ['S30'],
    },
  };
}

/**
 * A physician's H-1B petition not yet filed is filed once licensed (R10): the visa ends no sooner
 * than the licence plus the petition's decision. A lottery applies the rule to its filing window.
 */
function licenceGateOf(candidate: Candidate, route: VisaRoute, visa: VisaProcess, assumptions: Assumptions): number | null {
  if (candidate.profession !== 'physician' || !usesH1b(route)) return null;
  const filed = candidate.visaStatus === 'petition-filed' || candidate.visaStatus === 'approved';
  if (filed || route === 'h1b-transfer' || visa.kind === 'none' || visa.kind === 'blocked') return null;
  return petitionDecisionDays(assumptions);
}

/** Routes that end in H-1B status: the H-1B itself and the J-1 waivers (the waiver's service is in H-1B). */
function usesH1b(route: VisaRoute): boolean {
  return route.startsWith('h1b-') || ROUTES[route].waiver !== undefined;
}

/**
 * The six-year maximum (R12), from the years already used: someone in H-1B status now keeps using
 * it until the start; someone out of it starts a new stay with what is left. J-1 time does not count.
 */
function h1bLimitOf(candidate: Candidate, route: VisaRoute, now: IsoDate): { day: IsoDate | null; blocked: string | null } {
  const used = candidate.h1bYearsUsed;
  if (used === null || used === undefined || !usesH1b(route)) return { day: null, blocked: null };
  const left = H1B_MAX_YEARS - used;
  const inH1b =
    candidate.currentStatus === 'h1b' || candidate.currentStatus === 'h1b-cap-exempt' || candidate.currentStatus === 'h1b-waiver-service';
  const reset = 'a year spent outside the US starts a new six years; a green card process pending long enough extends them';
  if (!inH1b) {
    return left > 0
      ? { day: null, blocked: null }
      : { day: null, blocked: `The H-1B six-year maximum is used up (${used} years recorded): ${reset} (INA §214(g)(4)).` };
  }
  const nowDay = parseIsoDate(now) as number;
  const limit = nowDay + left * DAYS_PER_YEAR;
  if (limit <= nowDay) {
    return { day: null, blocked: `The H-1B six-year maximum is used up (${used} years recorded): ${reset} (INA §214(g)(4)).` };
  }
  return { day: formatIsoDate(Math.floor(limit)), blocked: null };
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
    case 'tn': {
      // Canadians are admitted at the border; Mexicans need a TN visa at a consulate first (R17).
      if (status === 'petition-filed' || status === 'approved') return steps([], statusDate, ['S47', 'R17']);
      const admission: Step = {
        id: 'visa-tn',
        label: 'TN admission',
        days: triangularDays(assumptions, 'tnDays'),
        successProbability: 1,
        sources: ['S47', 'R17'],
      };
      const mexican = candidate.countryOfTraining.trim().toLowerCase() === 'mexico';
      return steps(mexican ? [consularStep(assumptions), admission] : [admission], null, ['S47', 'R17']);
    }
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
): Extract<VisaProcess, { kind: 'h1b-lottery' }> {
  const nowDay = parseIsoDate(context.now) as number;
  const statusDay = parseIsoDate(candidate.visaStatusDate);
  const base = {
    kind: 'h1b-lottery' as const,
    mode: 'register' as LotteryMode,
    statusDate: '',
    capStart: null as IsoDate | null,
    filingWindow: null as { opens: IsoDate; closes: IsoDate } | null,
    lapsed: null as { selectedOn: IsoDate; closed: IsoDate; fiscalYear: number } | null,
    notSelectedFor: null as number | null,
    selectionProbability: selectionProbability(candidate.profession, assumptions, context.wageLevel),
    maxLotteries: assumptions.h1bMaxLotteries,
    petitionDays: petitionDecisionDays(assumptions),
    after,
    successProbability,
    sources: ['S1', 'S6', 'S7', 'S8', 'S9', 'S15', 'R13'],
  };
  if (statusDay === null) return base;
  const at = { statusDate: candidate.visaStatusDate };
  const year = yearOfDay(statusDay);
  switch (candidate.visaStatus) {
    case 'registered': {
      // Selections are announced by Mar 31; a registration whose result is out and not "selected" was not.
      const awaiting = year === yearOfDay(nowDay) && monthOfDay(statusDay) <= 3 && nowDay <= dayOf(year, 3, 31);
      if (!awaiting) return { ...base, notSelectedFor: year + 1 };
      const window = capFilingWindow(statusDay);
      return {
        ...base,
        ...at,
        mode: 'awaiting-selection',
        capStart: formatIsoDate(window.capStart),
        filingWindow: { opens: formatIsoDate(window.opens), closes: formatIsoDate(window.closes) },
      };
    }
    case 'selected': {
      const window = capFilingWindow(statusDay);
      if (nowDay > window.closes) {
        return {
          ...base,
          lapsed: {
            selectedOn: candidate.visaStatusDate,
            closed: formatIsoDate(window.closes),
            fiscalYear: yearOfDay(window.capStart) + 1,
          },
        };
      }
      return {
        ...base,
        ...at,
        mode: 'selected',
        capStart: formatIsoDate(window.capStart),
        filingWindow: { opens: formatIsoDate(window.opens), closes: formatIsoDate(window.closes) },
      };
    }
    case 'petition-filed':
    case 'approved':
      return { ...base, ...at, mode: candidate.visaStatus, capStart: formatIsoDate(capStartOfPetition(statusDay)) };
    default:
      return base;
  }
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
  const sources = conrad ? ['S17', 'S22', 'S25', 'R14'] : ['S21', 'S23'];
  const decision = fixedStep('petition-decision', 'H-1B petition decision', petitionDecisionDays(assumptions), ['S15']);
  // The waiver's approvals still ahead: the state's recommendation (Conrad 30), then the State Department and USCIS.
  const approvals =
    status === 'waiver-approved' || status === 'petition-filed' || status === 'approved'
      ? 1
      : assumptions.waiverApprovalProbability * (conrad ? assumptions.conrad30RecommendProbability : 1);
  const steps = (list: Step[], startedOn: IsoDate | null): VisaProcess => ({
    kind: 'steps',
    chain: { steps: list, startedOn },
    successProbability: successProbability * approvals,
    sources,
  });
  if (status === 'waiver-approved') return steps([decision], statusDate);
  if (status === 'petition-filed') return steps([decision], statusDate);
  if (status === 'approved') return steps([], statusDate);
  if (conrad) {
    const trainingEnds = candidate.availableFrom !== '' && (candidate.currentStatus === 'j1' || candidate.trainingStatus === 'in-training');
    const j1Ends = trainingEnds ? (parseIsoDate(candidate.availableFrom) as number) + J1_GRACE_DAYS : null;
    const window = conradWindow(candidate.siteState);
    const filledAtOpening = assumptions.conrad30StatesFilledAtOpening.split(',').includes(candidate.siteState);
    const filed = status === 'waiver-filed';
    const firstFiscalYear = trainingEnds ? startFiscalYear(parseIsoDate(candidate.availableFrom)) : null;
    if (!filed && j1Ends !== null) {
      // An application is filed in J-1 status: when the next window opens after the J-1 ends, the route is closed.
      const nowDay = parseIsoDate(context.now) as number;
      const fiscalYear = nextWindowYear(window, nowDay, filledAtOpening, firstFiscalYear);
      const opens = Math.max(nowDay, windowDays(window, fiscalYear, filledAtOpening).opens);
      if (opens > j1Ends) return { kind: 'blocked', reason: conradClosedReason(candidate, window, fiscalYear, opens, j1Ends, context) };
    }
    return {
      kind: 'conrad30',
      mode: filed ? 'filed' : 'apply',
      filedOn: filed ? statusDate : null,
      state: candidate.siteState,
      pool: site?.pool === 'flex' ? 'flex' : 'regular',
      window,
      filledAtOpening,
      j1Ends: j1Ends === null ? null : formatIsoDate(j1Ends),
      firstFiscalYear,
      filingToStart: triangularDays(assumptions, 'conrad30FilingToStartMonths'),
      startWithinDays: assumptions.conrad30StartWithinDays,
      successProbability: successProbability * approvals,
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

/** Why Conrad 30 is closed for this start, with the federal waivers that could take its place (A3; S21, S23, R3). */
function conradClosedReason(
  candidate: Candidate,
  window: ConradWindow,
  fiscalYear: number,
  opens: number,
  j1Ends: number,
  context: PlanContext,
): string {
  const state = candidate.siteState;
  return `Conrad 30 is closed for this start: ${state} takes applications ${window.text}, and its next window (FY${fiscalYear}) opens ${formatIsoDate(opens)}, after the J-1 ends on ${formatIsoDate(j1Ends)} (training end + 30 days). Unless the physician stays in J-1 status (a fellowship), consider ${waiverAlternatives(candidate, context)}.`;
}

/** The federal J-1 waivers the site and specialty could use, each with its rule and, where data is loaded, the site's check. */
export function waiverAlternatives(candidate: Candidate, context: Pick<PlanContext, 'siteFor'>): string {
  const check = (program: WaiverProgram) => {
    const site = context.siteFor?.(program);
    return site ? ` — ${site.status}: ${site.sentence}` : '';
  };
  const options: string[] = [];
  if (isPrimaryCareOrPsychiatry(candidate.specialty)) {
    options.push(
      `an HHS clinical waiver (a primary-care HPSA, mental-health for psychiatry, scored 7 or more; residency finished 12 months or less before the start${check('hhs-clinical')})`,
    );
  }
  if (ARC_STATES.includes(candidate.siteState)) options.push(`an ARC waiver (the county must be in the Appalachian Region${check('arc')})`);
  if (DRA_STATES.includes(candidate.siteState))
    options.push(`a Delta Regional Authority waiver (the county must be in the Delta region${check('dra')})`);
  options.push('a VA waiver (at a VA facility)');
  return options.join('; ');
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

/**
 * The median of a triangular duration given that it has already run `elapsed` days without
 * finishing — what the forecast samples for a step under way (sample-run.ts, remainingAware), so a
 * date read from it is the forecast's median for the step on its own. A step not begun: elapsed 0.
 */
export function medianDays({ minDays: min, modeDays: mode, maxDays: max }: Duration, elapsed = 0): number {
  if (max <= min) return max;
  if (elapsed >= max) return max;
  const cdf = (x: number) =>
    x <= min ? 0 : x <= mode ? (x - min) ** 2 / ((max - min) * (mode - min)) : 1 - (max - x) ** 2 / ((max - min) * (max - mode));
  const below = cdf(elapsed);
  const u = below + 0.5 * (1 - below);
  const split = (mode - min) / (max - min);
  return u < split ? min + Math.sqrt(u * (max - min) * (mode - min)) : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
}

function fixedStep(id: string, label: string, days: number, sources: string[]): Step {
  return { id, label, days: { minDays: days, modeDays: days, maxDays: days }, successProbability: 1, sources };
}

function shift(duration: Duration, days: number): Duration {
  return { minDays: duration.minDays + days, modeDays: duration.modeDays + days, maxDays: duration.maxDays + days };
}
