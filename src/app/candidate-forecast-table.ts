// Each candidate's forecast as a row: the Pipeline screen's table, its CSV and the report's table.
// Months are those of the forecast ("2027-06"); a candidate not likely to arrive within the horizon
// says so instead of showing a month.
import type { CandidateForecast, ForecastResult } from '../model/forecast/result';
import type { ServiceArea, Target } from '../model/types';
import { targetLabelById } from './labels';

export const CANDIDATE_FORECAST_COLUMNS = [
  'Candidate',
  'Where they are',
  'Chance of arriving within the forecast',
  'Median arrival',
  '10th–90th percentile',
  'Chance by each target’s due date',
  'Delayed most by',
  'Waiver site',
  'Waiver service ends',
] as const;

const pct = (p: number) => `${Math.round(p * 100)}%`;

export function candidateForecastCells(
  c: CandidateForecast,
  result: Pick<ForecastResult, 'months'>,
  targets: readonly Target[],
  areas: readonly ServiceArea[],
): string[] {
  const last = result.months[result.months.length - 1];
  const later = `after ${last} or never`;
  const median = c.detailed ? (c.arrivalMedian ?? later) : 'not computed (beyond the first 20,000 candidates)';
  const spread = c.detailed ? `${c.arrivalP10 ?? later} – ${c.arrivalP90 ?? later}` : '';
  const byTarget = c.byTarget.length
    ? c.byTarget.map((t) => `${targetLabelById(t.targetId, targets, areas)} (due ${t.dueDate}): ${pct(t.probability)}`).join('; ')
    : 'no matching target';
  const delayed = c.delayedMostBy ? `${c.delayedMostBy.label} (${pct(c.delayedMostBy.share)} of runs)` : '';
  const site = c.waiverSite ? `${c.waiverSite.status}: ${c.waiverSite.sentence}` : '';
  return [c.candidateId, c.currentStep, pct(c.arrivalProbability), median, spread, byTarget, delayed, site, c.serviceEnds ?? ''];
}
