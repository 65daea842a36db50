// The pipeline's and the forecast's charts as rows and options: the screen draws them, the report
// prints the same drawings (serialised), and each has its table.
import type { ArrivalPoint } from '../../charts/arrivals';
import type { StageCount } from '../../charts/funnel';
import type { Band, ForecastResult, TargetForecast } from '../../model/forecast/result';
import { STAGES, type Candidate, type Target } from '../../model/types';

export interface ChartFigure<Row, Options> {
  rows: Row[];
  options: Options;
}

export type FunnelFigure = ChartFigure<StageCount, { title: string; width?: number }>;
export type ArrivalsFigure = ChartFigure<ArrivalPoint, { title: string; target?: number; dueDate?: Date; width?: number }>;

/** Candidates per stage, every stage listed (zero included), in pipeline order. */
export function stageCounts(candidates: readonly Candidate[]): StageCount[] {
  return STAGES.map((stage) => ({ stage, count: candidates.filter((c) => c.stage === stage).length }));
}

export function funnelFigure(candidates: readonly Candidate[]): FunnelFigure {
  return { rows: stageCounts(candidates), options: { title: 'Candidates by pipeline stage; the numbers are in the table' } };
}

/** The first day of a "YYYY-MM" month, in UTC (charts place months on a UTC time axis). */
const monthStart = (month: string) => new Date(`${month}-01T00:00:00Z`);

function points(months: readonly string[], band: Band): ArrivalPoint[] {
  return months.map((m, i) => ({ month: monthStart(m), mean: band.mean[i], p10: band.p10[i], p90: band.p90[i] }));
}

/** Every candidate's expected cumulative arrivals, against all targets' hires combined when there are targets. */
export function totalArrivalsFigure(result: ForecastResult, targets: readonly Target[]): ArrivalsFigure {
  const rows = points(result.months, result.total.cumulative);
  if (!targets.length) {
    return { rows, options: { title: 'Cumulative expected arrivals of all candidates with the 10th–90th percentile band' } };
  }
  return {
    rows,
    options: {
      target: targets.reduce((s, t) => s + t.hires, 0),
      title: 'Cumulative expected arrivals of all candidates with the 10th–90th percentile band, against the sum of target hires',
    },
  };
}

/** Charts of one target each: at most this many (the table has them all). */
export const TARGET_CHARTS = 12;

/** One target's matching candidates: expected cumulative arrivals against its hires and due date. */
export function targetArrivalsFigure(result: ForecastResult, f: TargetForecast, label: string): ArrivalsFigure {
  return {
    rows: points(result.months, f.cumulative),
    options: {
      target: f.hires,
      dueDate: new Date(`${f.dueDate}T00:00:00Z`),
      width: 420,
      title: `${label}: expected cumulative arrivals with the 10th–90th percentile band against the target of ${f.hires} by ${f.dueDate}`,
    },
  };
}
