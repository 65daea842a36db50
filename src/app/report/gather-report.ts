// What the exported report shows, gathered from the running app through the same workflows the
// screens use: the map screen's spec (zoom and outline included) for the view in the URL, the
// Pipeline screen's forecast, the workspace and the datasets' provenance. Runs in the browser;
// everything it returns is plain data for buildReportHtml.
import type { Coordinator } from '../../data/cache/coordinator';
import type { LoadedDataset } from '../../data/loaders/dataset';
import { loadUsShapes, type UsShapes } from '../../data/geo';
import { countyNameRows } from '../../data/queries/counties';
import { stateRegions } from '../../data/queries/pipeline';
import { hpsaSources } from '../../data/queries/hpsa-sources';
import type { MapView } from '../../model/map-view';
import { activeServiceArea } from '../../model/service-areas';
import type { ServiceArea } from '../../model/types';
import { stateByFips, type Workspace } from '../../model/workspace';
import { currentAssumptions } from '../../model/workspace-assumptions';
import { reportAssumptions } from '../pipeline/assumption-rows';
import type { Clock } from '../common/clock';
import { countyLabelsFor, countyNameMap, countyNamesFromLabels, workspaceCountyFips } from '../common/county-names';
import { forecastKey, forecastWorkspace, type ForecastRunner, type WorkspaceForecast } from '../pipeline/forecast';
import { runForecastInWorker } from '../pipeline/forecast-client';
import { mapFigure } from './map-figure';
import { mapSpec } from '../map/map-spec';
import { shortageView } from '../map/shortage-view';
import { gatherStateFigures, stateFigureTables } from '../map/state-figures';
import { areaStates } from '../targets/area-figures';
import { drawForecastCharts, drawFunnel } from './report-figures';
import { stateRegionMap } from '../map/regions';
import type { ReportForecast, ReportInput, ReportMap, ReportMarket, Unavailable } from './report-input';
import { gatherMarketReport } from './market-report';
import { DEFAULT_MARKET_VIEW, type MarketView } from '../../model/market/market-view';
import { loadSiteDesignations } from '../pipeline/waiver-sites';

export interface ReportSources {
  coordinator: Coordinator;
  datasets: LoadedDataset[];
  workspace: Workspace;
  view: MapView;
  /** The Market screen's view; default: medical laboratory scientists in the United States. */
  marketView?: MarketView;
  clock: Clock;
  /** Defaults: the app's shapes, its forecast worker. */
  loadShapes?: () => Promise<UsShapes>;
  runForecast?: ForecastRunner;
  /** A forecast already made of this workspace (the live one): used instead of running again when its key matches. */
  forecast?: WorkspaceForecast | null;
}

export type GatheredReport = Omit<ReportInput, 'includeCandidates'>;

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** "Kern County, CA" for every county the workspace names (Census names, the embedded county table). */
async function countyNames(s: ReportSources): Promise<Record<string, string>> {
  try {
    return countyLabelsFor(workspaceCountyFips(s.workspace), countyNameMap(await s.coordinator.query(countyNameRows())));
  } catch {
    return {}; // the report then shows the codes
  }
}

async function gatherMap(s: ReportSources): Promise<ReportMap | Unavailable> {
  try {
    const sources = await s.coordinator.query(hpsaSources());
    const { main, companion, values } = shortageView(s.view, sources);
    const [rows, shapes] = await Promise.all([s.coordinator.query(values), (s.loadShapes ?? loadUsShapes)()]);
    const spec = mapSpec({ view: s.view, rows, shapes, area: activeServiceArea(s.workspace), main });
    return { view: s.view, rows, main, companion, heading: spec.heading, vintage: spec.vintage, ...mapFigure(spec) };
  } catch (e) {
    return { unavailable: `the map could not be drawn (${reason(e)}).` };
  }
}

async function gatherForecast(s: ReportSources, names: Record<string, string>): Promise<ReportForecast | Unavailable> {
  const { candidates, targets } = s.workspace;
  if (!candidates.length) return { unavailable: 'no candidates loaded.' };
  if (!targets.length) return { unavailable: 'no targets set.' };
  try {
    const { result, nextSteps } =
      s.forecast && s.forecast.key === forecastKey(s.workspace)
        ? s.forecast
        : await forecastWorkspace(
            s.workspace,
            stateRegionMap(await s.coordinator.query(stateRegions())),
            s.clock.today(),
            s.runForecast ?? runForecastInWorker,
            await loadSiteDesignations(s.coordinator, candidates),
          );
    return { result, nextSteps, charts: drawForecastCharts(result, targets, s.workspace.serviceAreas, countyNamesFromLabels(names)) };
  } catch (e) {
    return { unavailable: `the forecast could not run (${reason(e)}).` };
  }
}

/** The states whose published figures the report lists: the one chosen on the map, then the service area's. */
const MAX_STATE_FIGURES = 6;
export function reportStates(view: MapView, area: ServiceArea | undefined): string[] {
  const chosen = view.selected.length === 2 ? stateByFips(view.selected)?.code : undefined;
  return [...new Set([...(chosen ? [chosen] : []), ...(area ? areaStates(area) : [])])].slice(0, MAX_STATE_FIGURES);
}

async function gatherFigures(s: ReportSources, area: ServiceArea | undefined): Promise<GatheredReport['stateFigures']> {
  const all = await Promise.all(reportStates(s.view, area).map((state) => gatherStateFigures(s.coordinator, state)));
  return all.map((f) => ({ state: f.state, tables: stateFigureTables(f) }));
}

async function gatherMarket(s: ReportSources): Promise<ReportMarket | Unavailable> {
  try {
    return await gatherMarketReport(s.coordinator, s.marketView ?? DEFAULT_MARKET_VIEW, s.workspace);
  } catch (e) {
    return { unavailable: `the market figures could not be gathered (${reason(e)}).` };
  }
}

export async function gatherReport(s: ReportSources): Promise<GatheredReport> {
  const ws = s.workspace;
  const area = activeServiceArea(ws);
  const names = await countyNames(s);
  const [map, forecast, stateFigures, market] = await Promise.all([
    gatherMap(s),
    gatherForecast(s, names),
    gatherFigures(s, area),
    gatherMarket(s),
  ]);
  return {
    title: area ? `Shortage and recruitment report — ${area.name}` : 'Shortage and recruitment report',
    generatedAt: s.clock.now().toISOString(),
    datasets: s.datasets,
    map,
    stateFigures,
    serviceAreas: ws.serviceAreas,
    countyNames: names,
    targets: ws.targets,
    diversityTargets: ws.diversityTargets,
    candidates: ws.candidates,
    funnelChart: drawFunnel(ws.candidates),
    forecast,
    market,
    assumptions: reportAssumptions(currentAssumptions(ws.assumptions)),
  };
}
