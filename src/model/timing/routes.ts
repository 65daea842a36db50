// What still stands between a candidate and arrival, as plain data: the remaining recruitment
// stages, then two tracks that run in parallel once the offer is accepted — licensure and
// credentialing, and the visa process of the candidate's route. Arrival is when both are done.
// The simulator samples these plans; the next-action helper reads them.

import { STAGES, type Candidate, type IsoDate, type Profession, type Stage, type VisaRoute } from '../types';
import type { Assumptions, TriangularPrefix } from './assumptions';
import { DAYS_PER_MONTH } from './calendar';
import { petitionDecisionDays, standardProcessingDelay } from './h1b-calendar';

/** A triangular distribution of a duration in days. */
export interface Duration {
  minDays: number;
  modeDays: number;
  maxDays: number;
}

export interface Step {
  id: string;
  /** The pipeline stage the candidate is in while this step runs. */
  stage: Stage;
  label: string;
  days: Duration;
  /** Chance the candidate does not withdraw (or get rejected) during the step. */
  successProbability: number;
  sources: string[];
}

export type VisaProcess =
  | { kind: 'none' }
  /** One petition-like step: cap-exempt H-1B, transfer, O-1, TN, federal waiver. */
  | { kind: 'petition'; route: VisaRoute; step: Step }
  | {
      kind: 'h1b-lottery';
      successProbability: number;
      selectionProbability: number;
      maxLotteries: number;
      /** From the April 1 filing opening to an approved petition. */
      petitionDays: number;
      sources: string[];
    }
  | {
      kind: 'conrad30';
      successProbability: number;
      state: string;
      slotsPerFiscalYear: number;
      filingToStart: Duration;
      /** The waiver lapses unless the physician can start within this many days of it. */
      startWithinDays: number;
      sources: string[];
    };

export interface CandidatePlan {
  status: 'active' | 'arrived' | 'withdrawn';
  /** The date the candidate entered the current stage; the first remaining step starts here. */
  anchorDate: IsoDate;
  /** Remaining stages up to and including 'accepted', in order. */
  recruitment: Step[];
  /** Licence then credentialing, whichever remain; starts when recruitment ends. */
  licensing: Step[];
  /** Starts when recruitment ends, alongside licensing. */
  visa: VisaProcess;
}

const RECRUITMENT_STAGES = ['sourced', 'screening', 'interview', 'offer', 'accepted'] as const;
type RecruitmentStage = (typeof RECRUITMENT_STAGES)[number];

/** Pipeline order, as listed in types.ts. */
const stageOrder = (stage: Stage) => STAGES.indexOf(stage);

export function planCandidate(candidate: Candidate, assumptions: Assumptions): CandidatePlan {
  if (candidate.stage === 'arrived' || candidate.stage === 'withdrawn') {
    return { status: candidate.stage, anchorDate: candidate.stageDate, recruitment: [], licensing: [], visa: { kind: 'none' } };
  }
  const order = stageOrder(candidate.stage);
  return {
    status: 'active',
    anchorDate: candidate.stageDate,
    recruitment: RECRUITMENT_STAGES.filter((stage) => stageOrder(stage) >= order).map((stage) => recruitmentStep(stage, assumptions)),
    licensing: licensingSteps(candidate.profession, candidate.siteState, assumptions).filter((step) => stageOrder(step.stage) >= order),
    visa: visaProcess(candidate, assumptions),
  };
}

function recruitmentStep(stage: RecruitmentStage, assumptions: Assumptions): Step {
  const typical = assumptions[STAGE_DAYS_FIELD[stage]];
  return {
    id: `stage-${stage}`,
    stage,
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

function mlsLicensureRequired(state: string, assumptions: Assumptions): boolean {
  return assumptions.mlsLicensureStates.split(',').includes(state);
}

function licensingSteps(profession: Profession, state: string, assumptions: Assumptions): Step[] {
  if (profession === 'mls') {
    if (!mlsLicensureRequired(state, assumptions)) return [];
    return [
      {
        id: 'mls-licence',
        stage: 'licensure',
        label: `${state} lab personnel licence`,
        days: triangularDays(assumptions, 'mlsLicenceDays'),
        successProbability: 1 - assumptions.withdrawalLicensure,
        sources: ['S44', 'S45'],
      },
    ];
  }
  return [
    {
      id: 'medical-licence',
      stage: 'licensure',
      label: `${state} medical licence`,
      days: triangularDays(assumptions, 'physicianLicenceDays'),
      successProbability: 1 - assumptions.withdrawalLicensure,
      sources: ['S29'],
    },
    {
      id: 'credentialing',
      stage: 'credentialing',
      label: 'Credentialing and privileging',
      days: triangularDays(assumptions, 'credentialingDays'),
      successProbability: 1 - assumptions.withdrawalCredentialing,
      sources: ['S30'],
    },
  ];
}

function visaProcess(candidate: Candidate, assumptions: Assumptions): VisaProcess {
  const successProbability = 1 - assumptions.withdrawalVisa;
  const route = candidate.visaRoute;
  const petition = (label: string, days: Duration, sources: string[]): VisaProcess => ({
    kind: 'petition',
    route,
    step: { id: `visa-${route}`, stage: 'visa', label, days, successProbability, sources },
  });
  switch (route) {
    case 'us-authorized':
    case 'ead':
      return { kind: 'none' };
    case 'h1b-cap-subject':
      return {
        kind: 'h1b-lottery',
        successProbability,
        selectionProbability: selectionProbability(candidate.profession, assumptions),
        maxLotteries: assumptions.h1bMaxLotteries,
        petitionDays: petitionDecisionDays(assumptions),
        sources: ['S1', 'S6', 'S7', 'S8', 'S9', 'S15'],
      };
    case 'h1b-cap-exempt':
      return petition(
        'H-1B cap-exempt petition',
        shift(triangularDays(assumptions, 'h1bCapExemptOfferToStartMonths'), standardProcessingDelay(assumptions)),
        ['S14', 'S15'],
      );
    case 'h1b-transfer':
      // Portability lets the worker start once the petition is filed, so processing time does not matter.
      return petition('H-1B transfer petition', triangularDays(assumptions, 'h1bTransferDays'), []);
    case 'o1':
      return petition('O-1 petition', shift(triangularDays(assumptions, 'o1Months'), standardProcessingDelay(assumptions)), []);
    case 'tn':
      return petition('TN status (Canadians, Mexicans)', triangularDays(assumptions, 'tnDays'), ['S47']);
    case 'j1-federal-waiver':
      return petition(
        'Federal J-1 waiver (HHS, DRA, ARC or VA), then H-1B',
        triangularDays(assumptions, 'federalWaiverFilingToStartMonths'),
        ['S21', 'S23'],
      );
    case 'j1-conrad30':
      return {
        kind: 'conrad30',
        successProbability,
        state: candidate.siteState,
        slotsPerFiscalYear: assumptions.conrad30SlotsPerState,
        filingToStart: triangularDays(assumptions, 'conrad30FilingToStartMonths'),
        startWithinDays: assumptions.conrad30StartWithinDays,
        sources: ['S17', 'S22', 'S25'],
      };
  }
}

export function selectionProbability(profession: Profession, assumptions: Assumptions): number {
  if (assumptions.h1bSelectionModel === 'flat') return assumptions.h1bSelectionProbability;
  const level = profession === 'mls' ? assumptions.h1bWageLevelMls : assumptions.h1bWageLevelPhysician;
  return assumptions[`h1bSelectionProbabilityLevel${level as 1 | 2 | 3 | 4}`];
}

function triangularDays(assumptions: Assumptions, prefix: TriangularPrefix): Duration {
  const scale = prefix.endsWith('Months') ? DAYS_PER_MONTH : 1;
  return {
    minDays: assumptions[`${prefix}Min`] * scale,
    modeDays: assumptions[`${prefix}Mode`] * scale,
    maxDays: assumptions[`${prefix}Max`] * scale,
  };
}

function shift(duration: Duration, days: number): Duration {
  return { minDays: duration.minDays + days, modeDays: duration.modeDays + days, maxDays: duration.maxDays + days };
}
