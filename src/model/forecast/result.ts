// The forecast's output: plain, JSON-serialisable data for charts, tables and reports.

import type { IsoDate, Profession, Stage, VisaRoute } from '../types';
import type { FeeItem } from '../timing/fees';
import type { FeeScenario } from '../timing/h1b-fee';
import type { NextAction } from '../timing/next-action';
import type { SiteEligibility } from '../timing/waiver-sites';
import type { Milestone, Standing } from '../timing/standing';

/** Mean and 10th/90th percentiles over runs, one value per month. */
export interface Band {
  mean: number[];
  p10: number[];
  p90: number[];
}

export interface ArrivalSeries {
  profession: Profession;
  specialty: string;
  state: string;
  /** Candidates in the group who have not withdrawn. */
  candidates: number;
  /** Cumulative arrivals by the end of each month in `months`. */
  cumulative: Band;
}

export interface NewCandidateNeed {
  stage: Stage;
  visaRoute: VisaRoute;
  /** Who the new candidate is on that route, in words (a physician trained abroad on a visa route, …). */
  profile: string;
  stageDate: IsoDate;
  /** P(one such candidate arrives by the due date), from the simulation. */
  arrivalProbability: number;
  /** Fewest such candidates to add for P(met) ≥ targetProbability; null when out of reach. */
  candidatesNeeded: number | null;
}

export interface TargetForecast {
  targetId: string;
  /** Last day of the target's due quarter. */
  dueDate: IsoDate;
  hires: number;
  matchedCandidates: number;
  probabilityMet: number;
  /** P(met) under `ForecastResult.fee.counterfactual` (without the $100,000 fee, or with it if it is off). */
  probabilityMetCounterfactual: number;
  /** The OEWS wage level the target's offer set for its cap-subject candidates; null when the default applied. */
  wageLevel: number | null;
  expectedArrivals: number;
  arrivalsP10: number;
  arrivalsP90: number;
  /** Mean of max(0, hires − arrivals by the due date). */
  expectedShortfall: number;
  /**
   * Cumulative arrivals among the matched candidates by the end of each month in
   * `ForecastResult.months` (arrivals before now count in the first month, as in `total`).
   * When the due date falls in the horizon, the value at its month equals `expectedArrivals`.
   */
  cumulative: Band;
  /**
   * False when `cumulative` is mean-only (p10 = p90 = mean): targets with more than 5,000
   * matched candidates, or beyond the memory budget for all targets' bands (see aggregates.ts).
   */
  cumulativePercentiles: boolean;
  newCandidatesNeeded: NewCandidateNeed[];
}

export interface RouteCost {
  visaRoute: VisaRoute;
  /** Candidates still in the pipeline on this route (arrived and withdrawn ones spend nothing more). */
  candidates: number;
  /** Mean arrivals, at any date. */
  expectedHires: number;
  expectedFeesUsd: number;
  /** Known fees per hire, counting fees spent on candidates who never arrive; null when unknown or no hires. */
  costPerHireUsd: number | null;
  feeItems: FeeItem[];
  /** The route's new H-1B petitions can owe the $100,000 fee (included in expectedFeesUsd where paid). */
  h1bFeeCanApply: boolean;
}

/** What decided a candidate's arrival most often, in words. */
export interface DelayingStep {
  /** 'none': every step is done (or overdue); the candidate can start now. */
  track: 'none' | 'recruitment' | 'training' | 'licensing' | 'visascreen' | 'visa' | 'availability' | 'h1b-fee';
  label: string;
  /** Share of the runs in which the candidate stayed in the running. */
  share: number;
}

export interface CandidateForecast {
  candidateId: string;
  /** Where the candidate is: stage and visa status, with their dates. */
  currentStep: string;
  /** Where the candidate stands (lapsed, waiting for Oct 1, waiver pending, ready …): the plan the runs sampled. */
  standing: Standing;
  /** The one thing to do next, read from the same plan: a sentence and its date. */
  nextAction: Pick<NextAction, 'action' | 'date' | 'dateKind' | 'confidence' | 'sources'>;
  /** "YYYY-MM" months; null when later than the horizon or never (see arrivalProbability). */
  arrivalP10: string | null;
  arrivalMedian: string | null;
  arrivalP90: string | null;
  /** P(arrives within the horizon). */
  arrivalProbability: number;
  /** P(arrives by the due date) for each target the candidate counts toward. */
  byTarget: { targetId: string; dueDate: IsoDate; probability: number }[];
  delayedMostBy: DelayingStep | null;
  /** Waiver hires: when the service obligation ends if they arrive in the median month (the retention cliff). */
  serviceEnds: string | null;
  /** J-1 waiver routes: whether the site qualifies, in a sentence. */
  waiverSite: SiteEligibility | null;
  /** What to watch, in sentences (a late Conrad 30 start, the H-1B six-year maximum). */
  flags: string[];
  /** The remaining steps with their finish dates and the fixed dates that matter; null for arrived and withdrawn candidates. */
  timeline: CandidateTimeline | null;
  /** False beyond the detail limit: the month and track fields are then null. */
  detailed: boolean;
}

export interface ForecastResult {
  now: IsoDate;
  /** The day the rules modelled were last read against their sources (timing/assumptions.ts RULES_AS_OF). */
  rulesAsOf: IsoDate;
  runs: number;
  seed: number;
  targetProbability: number;
  /** Month labels "YYYY-MM", the first being the month of `now`. */
  months: string[];
  total: { candidates: number; cumulative: Band };
  bySpecialtyState: ArrivalSeries[];
  targets: TargetForecast[];
  costPerHireByRoute: RouteCost[];
  /** Per candidate, in input order: P(arrives before the end of the horizon). */
  candidateArrivalProbability: number[];
  /** Per candidate, in input order. */
  candidates: CandidateForecast[];
  /** The $100,000 fee scenario used and the one each target's P(met) is compared with. */
  fee: { scenario: FeeScenario; counterfactual: FeeScenario; dates: string; status: string; scenarioText: string };
}

export interface TimelineStep {
  id: string;
  label: string;
  /** The track the step belongs to, as in `delayedMostBy`: the one that delays the candidate most is highlighted. */
  track: DelayingStep['track'];
  /** Finish dates: 10th, 50th and 90th percentile over the draws in which the step happens. */
  p10: string;
  p50: string;
  p90: string;
  /** Share of the draws (given the candidate stays) in which the step happens, e.g. a lottery selection. */
  share: number;
}

export interface CandidateTimeline {
  steps: TimelineStep[];
  /** Fixed dates, in order: end of training, the H-1B calendar, a waiver window, J-1 end, matched targets' due dates. */
  milestones: Milestone[];
  /** Draws the step dates come from. */
  draws: number;
}
