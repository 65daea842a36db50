// What the exported report shows, gathered from the running app through the same workflows the
// screens use: the map screen's spec (zoom and outline included) for the view in the URL, the
// Pipeline screen's forecast, the workspace and the datasets' provenance. Runs in the browser;
// everything it returns is plain data for buildReportHtml.
import type { Coordinator } from '../data/coordinator';
import type { LoadedDataset } from '../data/datasets';
import { loadUsShapes, type UsShapes } from '../data/geo';
import { stateRegions } from '../data/queries/pipeline';
import { areaValues } from '../data/queries/shortage';
import type { MapView } from '../model/map-view';
import { activeServiceArea } from '../model/service-areas';
import type { ServiceArea } from '../model/types';
import { stateByFips, type Workspace } from '../model/workspace';
import { currentAssumptions } from '../model/workspace-assumptions';
import { reportAssumptions } from './assumption-rows';
import type { Clock } from './clock';
import { forecastWorkspace, type ForecastRunner } from './forecast';
import { runForecastInWorker } from './forecast-client';
import { mapFigure } from './map-figure';
import { mapSpec } from './map-spec';
import { drawForecastCharts, drawFunnel } from './report-figures';
import { stateRegionMap } from './regions';
import type { ReportForecast, ReportInput, ReportMap, Unavailable } from './report-input';

export interface ReportSources {
  coordinator: Coordinator;
  datasets: LoadedDataset[];
  workspace: Workspace;
  view: MapView;
  clock: Clock;
  /** Defaults: the app's shapes, its forecast worker. */
  loadShapes?: () => Promise<UsShapes>;
  runForecast?: ForecastRunner;
}

export type GatheredReport = Omit<ReportInput, 'includeCandidates'>;

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** County display names ("Fresno County, CA") for the service areas' counties. */
function countyNames(shapes: UsShapes, areas: readonly ServiceArea[]): Record<string, string> {
  const wanted = new Set(areas.flatMap((a) => a.counties));
  return Object.fromEntries(
    shapes.counties
      .filter((c) => wanted.has(c.id))
      .map((c) => [c.id, `${c.name}, ${stateByFips(c.id.slice(0, 2))?.code ?? c.id.slice(0, 2)}`]),
  );
}

async function gatherMap(s: ReportSources): Promise<{ map: ReportMap | Unavailable; countyNames: Record<string, string> }> {
  try {
    const [rows, shapes] = await Promise.all([s.coordinator.query(areaValues(s.view)), (s.loadShapes ?? loadUsShapes)()]);
    const spec = mapSpec({ view: s.view, rows, shapes, area: activeServiceArea(s.workspace) });
    return {
      map: { view: s.view, rows, heading: spec.heading, ...mapFigure(spec) },
      countyNames: countyNames(shapes, s.workspace.serviceAreas),
    };
  } catch (e) {
    return { map: { unavailable: `the map could not be drawn (${reason(e)}).` }, countyNames: {} };
  }
}

async function gatherForecast(s: ReportSources): Promise<ReportForecast | Unavailable> {
  const { candidates, targets } = s.workspace;
  if (!candidates.length) return { unavailable: 'no candidates loaded.' };
  if (!targets.length) return { unavailable: 'no targets set.' };
  try {
    const regions = stateRegionMap(await s.coordinator.query(stateRegions()));
    const { result, nextSteps } = await forecastWorkspace(s.workspace, regions, s.clock.today(), s.runForecast ?? runForecastInWorker);
    return { result, nextSteps, charts: drawForecastCharts(result, targets, s.workspace.serviceAreas) };
  } catch (e) {
    return { unavailable: `the forecast could not run (${reason(e)}).` };
  }
}

export async function gatherReport(s: ReportSources): Promise<GatheredReport> {
  const ws = s.workspace;
  const area = activeServiceArea(ws);
  const [{ map, countyNames }, forecast] = await Promise.all([gatherMap(s), gatherForecast(s)]);
  return {
    title: area ? `Shortage and recruitment report — ${area.name}` : 'Shortage and recruitment report',
    generatedAt: s.clock.now().toISOString(),
    datasets: s.datasets,
    map,
    serviceAreas: ws.serviceAreas,
    countyNames,
    targets: ws.targets,
    diversityTargets: ws.diversityTargets,
    candidates: ws.candidates,
    funnelChart: drawFunnel(ws.candidates),
    forecast,
    assumptions: reportAssumptions(currentAssumptions(ws.assumptions)),
  };
}
