// Each candidate's forecast as a row: the Pipeline screen's table, its CSV and the report's table.
// Where they stand is the plan the forecast sampled (the next action reads the same); months are
// those of the forecast ("2027-06"); a candidate not likely to arrive within the horizon says so
// instead of showing a month. One column per target gives the chance of arriving by its due date,
// blank where the candidate does not count toward it; without targets there are none.
import type { CandidateForecast, ForecastResult } from '../../model/forecast/result';
import type { ServiceArea, Target } from '../../model/types';
import type { CountyNames } from '../common/county-names';
import { targetLabelById } from '../common/labels';

const LEADING = [
  'Candidate',
  'Where they are',
  'Where they stand',
  'Chance of arriving within the forecast',
  'Median arrival',
  '10th–90th percentile',
];
const TRAILING = ['Delayed most by', 'Waiver site', 'Waiver service ends'];

const pct = (p: number) => `${Math.round(p * 100)}%`;

export function candidateForecastColumns(
  result: Pick<ForecastResult, 'targets'>,
  targets: readonly Target[],
  areas: readonly ServiceArea[],
  names?: CountyNames,
): string[] {
  const byDue = result.targets.map((t) => `By ${t.dueDate}: ${targetLabelById(t.targetId, targets, areas, names)}`);
  return [...LEADING, ...byDue, ...TRAILING];
}

export function candidateForecastCells(c: CandidateForecast, result: Pick<ForecastResult, 'months' | 'targets'>): string[] {
  const later = `after ${result.months[result.months.length - 1]} or never`;
  // Withdrawn, or a route that cannot bring them: no run arrives. Others not within the horizon may arrive later.
  const never = c.standing.kind === 'withdrawn' || c.standing.kind === 'blocked';
  const median = !c.detailed ? 'not computed (beyond the first 20,000 candidates)' : never ? 'not in any run' : (c.arrivalMedian ?? later);
  const spread = !c.detailed || never ? '' : `${c.arrivalP10 ?? later} – ${c.arrivalP90 ?? later}`;
  const chance = new Map(c.byTarget.map((t) => [t.targetId, pct(t.probability)]));
  const delayed = c.delayedMostBy ? `${c.delayedMostBy.label} (${pct(c.delayedMostBy.share)} of runs)` : '';
  const site = c.waiverSite ? `${c.waiverSite.status}: ${c.waiverSite.sentence}` : '';
  return [
    c.candidateId,
    c.currentStep,
    [c.standing.summary, ...c.flags].join(' '),
    pct(c.arrivalProbability),
    median,
    spread,
    ...result.targets.map((t) => chance.get(t.targetId) ?? ''),
    delayed,
    site,
    c.serviceEnds ?? '',
  ];
}
