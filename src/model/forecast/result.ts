// The forecast's output: plain, JSON-serialisable data for charts, tables and reports.

import type { IsoDate, Profession, Stage, VisaRoute } from '../types';
import type { FeeItem } from '../timing/fees';

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
}

export interface ForecastResult {
  now: IsoDate;
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
}
