// The report's pipeline and forecast charts: the Pipeline screen's own charts for the same figures,
// drawn off-screen and serialised (runs in the browser: the chart functions need a DOM).
import { arrivalsChart } from '../../charts/arrivals';
import { funnelChart } from '../../charts/funnel';
import { toMarkup } from '../../charts/serialize';
import { timelineChart } from '../../charts/timeline';
import { timelineFigure } from '../pipeline/candidate-timeline';
import { atRiskCandidates } from './plan-page';
import type { ForecastResult } from '../../model/forecast/result';
import type { Candidate, ServiceArea, Stage, Target } from '../../model/types';
import { stageName } from '../../model/names';
import { TARGET_CHARTS, funnelFigure, targetArrivalsFigure, totalArrivalsFigure } from '../pipeline/figures';
import type { CountyNames } from '../common/county-names';
import { targetLabelById } from '../common/labels';
import type { ReportForecast } from './report-input';

/** The Pipeline screen's funnel, its stages by name. */
export function drawFunnel(candidates: readonly Candidate[]): string | null {
  if (!candidates.length) return null;
  const f = funnelFigure(candidates);
  return toMarkup(
    funnelChart(
      f.rows.map((r) => ({ ...r, stage: stageName(r.stage as Stage) })),
      f.options,
    ),
  );
}

export function drawForecastCharts(
  result: ForecastResult,
  targets: readonly Target[],
  areas: readonly ServiceArea[],
  names?: CountyNames,
): ReportForecast['charts'] {
  const total = totalArrivalsFigure(result, targets);
  return {
    total: toMarkup(arrivalsChart(total.rows, total.options)),
    targets: result.targets.slice(0, TARGET_CHARTS).map((f) => {
      const figure = targetArrivalsFigure(result, f, targetLabelById(f.targetId, targets, areas, names));
      return { targetId: f.targetId, svg: toMarkup(arrivalsChart(figure.rows, figure.options)) };
    }),
  };
}

/** The report's width for a candidate's timeline (the page's text width, about). */
const TIMELINE_WIDTH = 680;

/** The Pipeline screen's timeline of each candidate at risk of missing a due date, by candidate id. */
export function drawAtRiskTimelines(
  result: ForecastResult,
  candidates: readonly Candidate[],
  targets: readonly Target[],
  areas: readonly ServiceArea[],
  names?: CountyNames,
): Record<string, string> {
  const label = (id: string) => targetLabelById(id, targets, areas, names);
  const byId = new Map(result.candidates.map((c) => [c.candidateId, c]));
  const out: Record<string, string> = {};
  for (const { candidateId } of atRiskCandidates(result, candidates)) {
    const c = byId.get(candidateId);
    const figure = c && timelineFigure(c, result.now, label);
    if (figure)
      out[candidateId] = toMarkup(
        timelineChart(figure.steps, figure.dates, { title: figure.title, now: figure.now, width: TIMELINE_WIDTH }),
      );
  }
  return out;
}
