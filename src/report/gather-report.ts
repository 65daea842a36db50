// Collects what a report shows from the running app: the map view's rows and shapes, the
// workspace, the datasets' provenance, and a fresh forecast. Runs in the browser; everything it
// returns is plain data for buildReportHtml.
import type { Coordinator } from '../data/coordinator';
import type { LoadedDataset } from '../data/datasets';
import { loadUsShapes } from '../data/geo';
import { stateRegions } from '../data/queries/pipeline';
import { areaValues } from '../data/queries/shortage';
import { matchTargets } from '../model/forecast/target-matching';
import type { MapView } from '../model/map-view';
import { regionContainsFor } from '../model/region-contains';
import type { Assumptions } from '../model/timing/assumptions';
import { nextAction } from '../model/timing/next-action';
import type { ServiceArea } from '../model/types';
import { stateByFips, type Workspace } from '../model/workspace';
import { runForecastInWorker } from '../views/forecast-client';
import { currentAssumptions } from '../views/pipeline/assumptions-panel';
import { activeServiceArea } from '../views/map/service-area-panel';
import { reportAssumptions } from './assumption-rows';
import { mapFigure } from './map-figure';
import type { ReportForecast, ReportInput, ReportMap, Unavailable } from './report-input';
import { targetNextStep } from '../model/forecast/next-step';
import { FORECAST_SETTINGS } from '../model/forecast/settings';

/** The Pipeline screen's settings, so the report's figures agree with it. */

export interface ReportSources {
  coordinator: Coordinator;
  datasets: LoadedDataset[];
  workspace: Workspace;
  view: MapView;
  now: Date;
}

export type GatheredReport = Omit<ReportInput, 'includeCandidates'>;

/** YYYY-MM-DD in the user's time zone. */
export const localIsoDate = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

async function gatherMap(
  s: ReportSources,
  area: ServiceArea | undefined,
): Promise<{ map: ReportMap | Unavailable; countyNames: Record<string, string> }> {
  try {
    const [rows, shapes] = await Promise.all([s.coordinator.query(areaValues(s.view)), loadUsShapes()]);
    const wanted = new Set(s.workspace.serviceAreas.flatMap((a) => a.counties));
    const countyNames = Object.fromEntries(
      shapes.counties
        .filter((c) => wanted.has(c.id))
        .map((c) => [c.id, `${c.name}, ${stateByFips(c.id.slice(0, 2))?.code ?? c.id.slice(0, 2)}`]),
    );
    return { map: { view: s.view, rows, ...mapFigure(s.view, rows, shapes, area) }, countyNames };
  } catch (e) {
    return { map: { unavailable: `the map could not be drawn (${reason(e)}).` }, countyNames: {} };
  }
}

async function gatherForecast(s: ReportSources, assumptions: Assumptions): Promise<ReportForecast | Unavailable> {
  const { candidates, targets, serviceAreas } = s.workspace;
  if (!candidates.length) return { unavailable: 'no candidates loaded.' };
  if (!targets.length) return { unavailable: 'no targets set.' };
  try {
    const regions = await s.coordinator.query(stateRegions());
    const regionContains = regionContainsFor(
      serviceAreas,
      new Map(regions.map((r) => [r.state, { census: r.census_region ?? '', hhs: r.hhs_region ?? 0 }])),
    );
    const now = localIsoDate(s.now);
    const result = await runForecastInWorker({ candidates, targets, assumptions, now, regionContains, ...FORECAST_SETTINGS });
    const matched = new Map(matchTargets(candidates, targets, regionContains).map((members, i) => [targets[i].id, members]));
    const nextSteps = Object.fromEntries(
      result.targets.map((f) => {
        const pending = (matched.get(f.targetId) ?? [])
          .map((i) => candidates[i])
          .filter((c) => c.stage !== 'arrived' && c.stage !== 'withdrawn');
        return [
          f.targetId,
          targetNextStep(
            f,
            result.targetProbability,
            pending.map((c) => nextAction(c, assumptions, now)),
          ),
        ];
      }),
    );
    return { result, nextSteps };
  } catch (e) {
    return { unavailable: `the forecast could not run (${reason(e)}).` };
  }
}

export async function gatherReport(s: ReportSources): Promise<GatheredReport> {
  const ws = s.workspace;
  const area = activeServiceArea(ws);
  const assumptions = currentAssumptions(ws.assumptions);
  const [{ map, countyNames }, forecast] = await Promise.all([gatherMap(s, area), gatherForecast(s, assumptions)]);
  return {
    title: area ? `Shortage and recruitment report — ${area.name}` : 'Shortage and recruitment report',
    generatedAt: s.now.toISOString(),
    datasets: s.datasets,
    map,
    serviceAreas: ws.serviceAreas,
    countyNames,
    targets: ws.targets,
    diversityTargets: ws.diversityTargets,
    candidates: ws.candidates,
    forecast,
    assumptions: reportAssumptions(assumptions),
  };
}
