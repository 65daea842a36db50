// The forecast of a workspace, as the Pipeline screen shows it and the report prints it: the
// simulation's result with the workspace's assumptions and settings, and for every target the one
// thing to do next. Both call forecastWorkspace, so their numbers cannot differ.
import { targetNextStep, type NextStep } from '../../model/forecast/next-step';
import type { ForecastResult } from '../../model/forecast/result';
import { FORECAST_SETTINGS } from '../../model/forecast/settings';
import type { ForecastTarget, SimulateOptions } from '../../model/forecast/simulate';
import { matchTargets } from '../../model/forecast/target-matching';
import { regionContainsFor } from '../../model/region-contains';
import type { Assumptions } from '../../model/timing/assumptions';
import { nextAction, type NextAction } from '../../model/timing/next-action';
import { siteChecker, type SiteDesignations } from '../../model/timing/waiver-sites';
import type { Candidate, IsoDate, Target } from '../../model/types';
import type { Workspace } from '../../model/workspace';
import { currentAssumptions } from '../../model/workspace-assumptions';
import { runForecastInWorker } from './forecast-client';
import type { StateRegions } from '../map/regions';

export type ForecastRunner = (options: Omit<SimulateOptions, 'onRun'>) => Promise<ForecastResult>;

export interface WorkspaceForecast {
  result: ForecastResult;
  /** Per target id: what to do next and by when, as of the forecast's date. */
  nextSteps: Record<string, NextStep>;
  /** The workspace state the forecast was run on (see forecastKey). */
  key: string;
}

/** What a forecast depends on: when it changes, a forecast shown is out of date. */
export function forecastKey(ws: Workspace): string {
  return JSON.stringify([ws.candidates, ws.targets, ws.serviceAreas, currentAssumptions(ws.assumptions)]);
}

/** A target as the forecast takes it: a saved offer's wage level applies to its cap-subject candidates. */
export function forecastTarget(target: Target): ForecastTarget {
  return target.offer ? { ...target, wageLevel: target.offer.wageLevel } : target;
}

const inPipeline = (c: Candidate) => c.stage !== 'arrived' && c.stage !== 'withdrawn';

/**
 * Every candidate still in the pipeline with their next action, as of `today`; with the waiver
 * sites' designations, a site that does not qualify is said so, as the forecast treats it.
 */
export function pipelineActions(candidates: readonly Candidate[], assumptions: Assumptions, today: IsoDate, sites?: SiteDesignations) {
  const siteOf = siteChecker(sites, assumptions.hhsMinimumHpsaScore);
  return candidates.filter(inPipeline).map((candidate) => {
    const site = siteOf(candidate);
    return { candidate, site, next: nextAction(candidate, assumptions, today, { site, siteFor: (program) => siteOf(candidate, program) }) };
  });
}

/** Each target's next step: recruit more when it is off track, else its candidates' soonest step (the forecast's own actions). */
export function targetNextSteps(ws: Workspace, regions: StateRegions, result: ForecastResult): Record<string, NextStep> {
  const members = matchTargets(ws.candidates, ws.targets, regionContainsFor(ws.serviceAreas, regions));
  const byTarget = new Map(ws.targets.map((t, i) => [t.id, members[i]]));
  return Object.fromEntries(
    result.targets.map((f) => {
      const pending: NextAction[] = (byTarget.get(f.targetId) ?? [])
        .filter((i) => inPipeline(ws.candidates[i]) && result.candidates[i])
        .map((i) => ({
          candidateId: ws.candidates[i].id,
          standing: result.candidates[i].standing.kind,
          ...result.candidates[i].nextAction,
        }));
      return [f.targetId, targetNextStep(f, result.targetProbability, pending)];
    }),
  );
}

/**
 * Runs the forecast (in a worker, unless told otherwise) of the workspace's pipeline against its
 * targets, with the designations at its J-1 waiver sites (app/waiver-sites.ts) when loaded.
 */
export async function forecastWorkspace(
  ws: Workspace,
  regions: StateRegions,
  today: IsoDate,
  run: ForecastRunner = runForecastInWorker,
  sites?: SiteDesignations,
): Promise<WorkspaceForecast> {
  const key = forecastKey(ws);
  const result = await run({
    candidates: ws.candidates,
    targets: ws.targets.map(forecastTarget),
    assumptions: currentAssumptions(ws.assumptions),
    now: today,
    regionContains: regionContainsFor(ws.serviceAreas, regions),
    siteDesignations: sites,
    ...FORECAST_SETTINGS,
  });
  return { result, nextSteps: targetNextSteps(ws, regions, result), key };
}
