// The plan strip: the five steps from a question to a shared answer — where, targets, pipeline,
// forecast, share — each with its state in words and the screen where to act. Every screen shows
// it, so a first-time user can follow it from an empty workspace to a downloaded report.
import { countOf } from '../../model/format';
import { activeServiceArea } from '../../model/service-areas';
import type { ServiceArea, Target } from '../../model/types';
import { stateByCode, type Workspace } from '../../model/workspace';
import { countyLabel, type CountyNames } from '../common/county-names';
import type { LiveForecastState } from '../pipeline/live-forecast-state';

export type PlanStepId = 'where' | 'targets' | 'pipeline' | 'forecast' | 'share';

export interface PlanStep {
  id: PlanStepId;
  title: string;
  /** done: this step has what the next ones need; busy: being worked out now. */
  status: 'done' | 'todo' | 'busy';
  /** The state in words, e.g. "3 targets · 12 hires by 2028-Q4". */
  summary: string;
  /** The screen (tab id) where to act. */
  screen: 'map' | 'targets' | 'pipeline' | 'report';
  /** What to do there, one sentence. */
  action: string;
}

export const percent = (p: number) => `${Math.round(p * 100)}%`;

/** The last report downloaded or printed in this session: at what time ("14:05"), and whether the plan is still as it was then. */
export interface SharedReport {
  at: string;
  current: boolean;
}

/** "San Joaquin Valley · 8 counties", "Kern · Kern County, CA", "West · California, Nevada". */
export function describeServiceArea(area: ServiceArea, names: CountyNames): string {
  const parts = [
    ...area.states.map((s) => stateByCode(s)?.name ?? s),
    ...(area.counties.length <= 2
      ? area.counties.map((c) => countyLabel(c, names))
      : [countOf(area.counties.length, 'county', 'counties')]),
  ];
  return `${area.name} · ${parts.length ? parts.join(', ') : 'no counties yet'}`;
}

/** "3 targets · 12 hires by 2028-Q4" (the latest due quarter). */
export function describeTargets(targets: readonly Target[]): string {
  if (!targets.length) return 'No targets yet';
  const hires = targets.reduce((s, t) => s + t.hires, 0);
  const last = targets.map((t) => t.dueQuarter).sort()[targets.length - 1];
  return `${countOf(targets.length, 'target')} · ${countOf(hires, 'hire')} by ${last}`;
}

/** "P(met) 62%" for one target; "P(met) 12–88% · 1 of 3 on track" for several. */
export function describeForecast(state: LiveForecastState): string {
  switch (state.kind) {
    case 'waiting':
      return `Needs ${state.missing}`;
    case 'updating':
      return state.progress === null || !state.slow ? 'Updating…' : `Updating… ${percent(state.progress)}`;
    case 'failed':
      return `Could not run: ${state.message}`;
    case 'current': {
      const { targets, targetProbability } = state.forecast.result;
      if (!targets.length) return 'Each candidate’s arrival forecast; no target to measure against yet';
      const ps = targets.map((t) => t.probabilityMet);
      if (ps.length === 1) return `P(met) ${percent(ps[0])}`;
      const [lo, hi] = [Math.min(...ps), Math.max(...ps)];
      const onTrack = ps.filter((p) => p >= targetProbability).length;
      return `P(met) ${lo === hi ? percent(lo) : `${Math.round(lo * 100)}–${percent(hi)}`} · ${onTrack} of ${targets.length} on track`;
    }
  }
}

export function planSteps(ws: Workspace, forecast: LiveForecastState, names: CountyNames, shared: SharedReport | null = null): PlanStep[] {
  const area = activeServiceArea(ws);
  const hasArea = !!area && area.counties.length + area.states.length > 0;
  const inProgress = ws.candidates.filter((c) => c.stage !== 'arrived' && c.stage !== 'withdrawn').length;
  const current = forecast.kind === 'current';
  return [
    {
      id: 'where',
      title: 'Where',
      status: hasArea ? 'done' : 'todo',
      summary: area ? describeServiceArea(area, names) : 'No service area yet',
      screen: 'map',
      action: hasArea ? 'See the shortage in your service area and change its counties.' : 'Choose the counties you recruit for.',
    },
    {
      id: 'targets',
      title: 'Targets',
      status: ws.targets.length ? 'done' : 'todo',
      summary: describeTargets(ws.targets),
      screen: 'targets',
      action: ws.targets.length
        ? 'Review or change what to hire, where and by when.'
        : 'Set how many hires of which specialty you need, and by when.',
    },
    {
      id: 'pipeline',
      title: 'Pipeline',
      status: ws.candidates.length ? 'done' : 'todo',
      summary: ws.candidates.length
        ? `${countOf(ws.candidates.length, 'candidate')} · ${inProgress.toLocaleString('en-US')} in progress`
        : 'No candidates yet',
      screen: 'pipeline',
      action: ws.candidates.length ? 'Review the candidates and their next actions.' : 'Import your candidates from a spreadsheet (CSV).',
    },
    {
      id: 'forecast',
      title: 'Forecast',
      status: current ? 'done' : forecast.kind === 'updating' ? 'busy' : 'todo',
      summary: describeForecast(forecast),
      screen: 'pipeline',
      action: 'See who arrives when, and what to do next for each target.',
    },
    {
      id: 'share',
      title: 'Share',
      status: shared?.current ? 'done' : 'todo',
      summary: shared?.current
        ? `Report downloaded at ${shared.at}`
        : shared
          ? `Downloaded at ${shared.at}; the plan has changed since`
          : current
            ? 'Report ready to preview and download'
            : forecast.kind === 'updating'
              ? 'Waiting for the forecast'
              : 'Report without a forecast yet',
      screen: 'report',
      action: !shared
        ? 'Preview the report and download it as one HTML file.'
        : shared.current
          ? 'Send the downloaded file; a change to the plan will ask for a new one.'
          : 'Download the report again: the plan has changed since the last one.',
    },
  ];
}

/** The first step still to do: what the strip points at. */
export function nextPlanStep(steps: readonly PlanStep[]): PlanStep {
  return steps.find((s) => s.status === 'todo') ?? steps[steps.length - 1];
}
