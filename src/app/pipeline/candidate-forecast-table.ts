// Each candidate's forecast as a row: the Pipeline screen's CSV and the report's table. Where they
// stand is the plan the forecast sampled (the next action reads the same); months are those of the
// forecast ("2027-06"); a candidate not likely to arrive within the horizon says so instead of
// showing a month. The target is named in a cell, not in the header: the one the candidate is least
// likely to arrive in time for (the list's "chance by the due date"), blank without targets.
import type { CandidateForecast, ForecastResult } from '../../model/forecast/result';
import { routeName, stageName } from '../../model/names';
import { specialtyLabel } from '../../model/specialties';
import type { Candidate, ServiceArea, Target } from '../../model/types';
import { siteLabel, type CountyNames } from '../common/county-names';
import { targetLabelById } from '../common/labels';
import { arrivalNote, leastLikelyTarget } from './candidate-list';

export const CANDIDATE_FORECAST_COLUMNS = [
  'Candidate',
  'Specialty',
  'Stage',
  'Visa route',
  'Site',
  'Where they are',
  'Where they stand',
  'Chance of arriving within the forecast',
  'Median arrival',
  '10th–90th percentile',
  'Target least likely to be met in time',
  'Due',
  'Chance of arriving by the due date',
  'Delayed most by',
  'Next action',
  'Next action by',
  'Waiver site',
  'Waiver service ends',
] as const;

const pct = (p: number) => `${Math.round(p * 100)}%`;

export interface CandidateTableContext {
  targets: readonly Target[];
  serviceAreas: readonly ServiceArea[];
  names?: CountyNames;
}

/** `candidate`: the record the forecast was made from (its specialty, stage, route and site). */
export function candidateForecastCells(
  c: CandidateForecast,
  candidate: Candidate | undefined,
  result: Pick<ForecastResult, 'months'>,
  context: CandidateTableContext,
): string[] {
  const note = arrivalNote(c, result);
  const months = c.detailed && c.standing.kind !== 'withdrawn' && c.standing.kind !== 'blocked';
  const median = months ? (c.arrivalMedian ?? note) : note;
  const spread = months ? `${c.arrivalP10 ?? note} – ${c.arrivalP90 ?? note}` : '';
  const worst = leastLikelyTarget(c);
  const delayed = c.delayedMostBy ? `${c.delayedMostBy.label} (${pct(c.delayedMostBy.share)} of runs)` : '';
  const site = c.waiverSite ? `${c.waiverSite.status}: ${c.waiverSite.sentence}` : '';
  return [
    c.candidateId,
    candidate ? specialtyLabel(candidate.specialty) : '',
    candidate ? stageName(candidate.stage) : '',
    candidate ? routeName(candidate.visaRoute) : '',
    candidate ? siteLabel(candidate, context.names ?? new Map()) : '',
    c.currentStep,
    [c.standing.summary, ...c.flags].join(' '),
    pct(c.arrivalProbability),
    median,
    spread,
    worst ? targetLabelById(worst.targetId, context.targets, context.serviceAreas, context.names) : '',
    worst?.dueDate ?? '',
    worst ? pct(worst.probability) : '',
    delayed,
    c.nextAction.action,
    c.nextAction.date ?? '',
    site,
    c.serviceEnds ?? '',
  ];
}

/** Every candidate's row, in the forecast's order, with the record it was made from. */
export function candidateForecastRows(
  result: ForecastResult,
  candidates: readonly Candidate[],
  context: CandidateTableContext,
): string[][] {
  const byId = new Map(candidates.map((c) => [c.id, c]));
  return result.candidates.map((c) => candidateForecastCells(c, byId.get(c.candidateId), result, context));
}
