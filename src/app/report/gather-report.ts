// What the exported report shows, gathered from the running app through the same workflows the
// screens use: the service area's own totals, the map screen's spec (zoom and outline included) and
// the Market screen's figures for the plan's views (or the screens' last views, when chosen), the
// Pipeline screen's forecast, the workspace and the datasets' provenance. Runs in the browser;
// everything it returns is plain data for buildReportHtml.
import type { Coordinator } from '../../data/cache/coordinator';
import type { LoadedDataset } from '../../data/loaders/dataset';
import { loadUsShapes } from '../../data/geo';
import { countyNameRows } from '../../data/queries/counties';
import { stateRegions } from '../../data/queries/pipeline';
import { hpsaSources } from '../../data/queries/hpsa-sources';
import type { MapView } from '../../model/map-view';
import { activeServiceArea } from '../../model/service-areas';
import type { ServiceArea } from '../../model/types';
import { stateByCode, stateByFips, type Workspace } from '../../model/workspace';
import { currentAssumptions } from '../../model/workspace-assumptions';
import { reportAssumptions } from '../pipeline/assumption-rows';
import type { Clock } from '../common/clock';
import { countyLabelsFor, countyNameMap, countyNamesFromLabels, workspaceCountyFips } from '../common/county-names';
import { forecastKey, forecastWorkspace, type ForecastRunner, type WorkspaceForecast } from '../pipeline/forecast';
import { runForecastInWorker } from '../pipeline/forecast-client';
import { mapFigure } from './map-figure';
import { mapSpec } from '../map/map-spec';
import { rankAreas } from '../map/area-rank';
import { shortageView } from '../map/shortage-view';
import { gatherStateFigures, stateFigureTables } from '../map/state-figures';
import { areaStates } from '../targets/area-figures';
import { drawAtRiskTimelines, drawForecastCharts, drawFunnel } from './report-figures';
import { stateRegionMap } from '../map/regions';
import type { ReportArea, ReportForecast, ReportInput, ReportMap, ReportMarkets, Unavailable, ViewChoice } from './report-input';
import { gatherMarketReport, savedOffers } from './market-report';
import { DEFAULT_MARKET_VIEW, type MarketView } from '../../model/market/market-view';
import { loadSiteDesignations } from '../pipeline/waiver-sites';
import { gatherServiceAreaTotals } from '../map/service-area-totals';
import { areaSupplyTable, gatherAreaSupply, primaryCareSupply } from '../map/supply-figures';
import { mapViewText, marketViewText, planMapView, planMarketViews } from './plan-views';
import { feePolicy } from './plan-page';
import { countOf } from '../../model/format';
import type { StateRegions } from '../map/regions';

export interface ReportSources {
  coordinator: Coordinator;
  datasets: LoadedDataset[];
  /** The person's files loaded before that are not loaded now (kept-uploads). */
  goneFiles?: string[];
  workspace: Workspace;
  /** The Shortage map screen's last view: the report's map when `views.map` is 'screen'. */
  view: MapView;
  /** The Market screen's last view (default: medical laboratory scientists in the United States): shown when `views.market` is 'screen'. */
  marketView?: MarketView;
  /** Which views the map and market sections show; default: the plan's. */
  views?: { map: ViewChoice; market: ViewChoice };
  clock: Clock;
  /** Default: the app's forecast worker. */
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

async function gatherMap(s: ReportSources, view: MapView): Promise<ReportMap | Unavailable> {
  try {
    const sources = await s.coordinator.query(hpsaSources());
    const { main, companion, values } = shortageView(view, sources);
    const [rows, shapes] = await Promise.all([s.coordinator.query(values), loadUsShapes(view.level)]);
    const spec = mapSpec({ view, rows, shapes, area: activeServiceArea(s.workspace), main });
    // Ranked as the screen's table ranks them (app/map/area-rank.ts).
    return { view, rows: rankAreas(view, rows), main, companion, heading: spec.heading, vintage: spec.vintage, ...mapFigure(spec) };
  } catch (e) {
    return { unavailable: `the map could not be drawn (${reason(e)}).` };
  }
}

const totalFees = (result: { costPerHireByRoute: { expectedFeesUsd: number }[] }) =>
  result.costPerHireByRoute.reduce((sum, r) => sum + r.expectedFeesUsd, 0);

async function gatherForecast(
  s: ReportSources,
  regions: StateRegions,
  names: Record<string, string>,
): Promise<ReportForecast | Unavailable> {
  const ws = s.workspace;
  const { candidates, targets } = ws;
  if (!candidates.length) return { unavailable: 'no candidates loaded.' };
  if (!targets.length) return { unavailable: 'no targets set.' };
  try {
    const sites = await loadSiteDesignations(s.coordinator, candidates);
    const run = (w: Workspace) => forecastWorkspace(w, regions, s.clock.today(), s.runForecast ?? runForecastInWorker, sites);
    const { result, nextSteps } = s.forecast && s.forecast.key === forecastKey(ws) ? s.forecast : await run(ws);
    // The same forecast under the other fee scenario, for what the scenario costs (the simulation reports fees in total only).
    const counterfactualFeesUsd = await run({
      ...ws,
      assumptions: { ...currentAssumptions(ws.assumptions), h1bFeeScenario: result.fee.counterfactual },
    }).then(
      (other) => totalFees(other.result),
      () => null,
    );
    const countyNames = countyNamesFromLabels(names);
    return {
      result,
      nextSteps,
      charts: drawForecastCharts(result, targets, ws.serviceAreas, countyNames),
      counterfactualFeesUsd,
      timelines: drawAtRiskTimelines(result, candidates, targets, ws.serviceAreas, countyNames),
    };
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

async function gatherFigures(s: ReportSources, view: MapView, area: ServiceArea | undefined): Promise<GatheredReport['stateFigures']> {
  const all = await Promise.all(reportStates(view, area).map((state) => gatherStateFigures(s.coordinator, state)));
  return all.map((f) => ({ state: f.state, tables: stateFigureTables(f) }));
}

async function gatherMarket(s: ReportSources, views: readonly MarketView[]): Promise<ReportMarkets | Unavailable> {
  try {
    return {
      views: await Promise.all(views.map((v, i) => gatherMarketReport(s.coordinator, v, s.workspace, i ? `-${i + 1}` : ''))),
      offers: savedOffers(s.workspace),
    };
  } catch (e) {
    return { unavailable: `the market figures could not be gathered (${reason(e)}).` };
  }
}

/** "8 counties in California", "California and Nevada", "3 counties in California, and Nevada". */
function extentText(area: ServiceArea): string {
  const name = (code: string) => stateByCode(code)?.name ?? code;
  const countyStates = [...new Set(area.counties.map((c) => stateByFips(c.slice(0, 2))?.code ?? ''))].filter(Boolean).map(name);
  const parts = [
    ...(area.counties.length ? [`${countOf(area.counties.length, 'county', 'counties')} in ${countyStates.join(' and ')}`] : []),
    ...(area.states.length ? [area.states.map(name).join(' and ')] : []),
  ];
  return parts.join(', and ') || 'no counties yet';
}

async function gatherArea(s: ReportSources, area: ServiceArea | undefined, names: Record<string, string>): Promise<ReportArea | null> {
  if (!area) return null;
  const [totals, supply] = await Promise.all([
    gatherServiceAreaTotals(s.coordinator, area).catch((e: unknown) => ({
      unavailable: `the area's HRSA figures could not be gathered (${reason(e)}).`,
    })),
    gatherAreaSupply(s.coordinator, area).catch((e: unknown) => ({ unavailable: reason(e) })),
  ]);
  // Counts summed over the area's counties (whole states by their own rows), the rate from the sums.
  const nameOf = (fips: string) => names[fips] ?? `County ${fips}`;
  return {
    area,
    extent: extentText(area),
    totals,
    primaryCareSupply: Array.isArray(supply)
      ? primaryCareSupply(supply, nameOf)
      : { unavailable: `the county physician figures could not be read (${supply.unavailable})` },
    ...(Array.isArray(supply) ? { supplyTable: areaSupplyTable(area.name, supply, nameOf) } : {}),
  };
}

export async function gatherReport(s: ReportSources): Promise<GatheredReport> {
  const ws = s.workspace;
  const area = activeServiceArea(ws);
  const choice = s.views ?? { map: 'plan', market: 'plan' };
  const [names, regions] = await Promise.all([
    countyNames(s),
    s.coordinator.query(stateRegions()).then(stateRegionMap, () => stateRegionMap(undefined)),
  ]);
  const mapView = choice.map === 'screen' ? s.view : planMapView(ws, regions);
  const marketViews = choice.market === 'screen' ? [s.marketView ?? DEFAULT_MARKET_VIEW] : planMarketViews(ws, regions);
  const [areaPart, map, forecast, stateFigures, market] = await Promise.all([
    gatherArea(s, area, names),
    gatherMap(s, mapView),
    gatherForecast(s, regions, names),
    gatherFigures(s, mapView, area),
    gatherMarket(s, marketViews),
  ]);
  return {
    title: area ? `Recruitment plan — ${area.name}` : 'Recruitment plan',
    generatedAt: s.clock.now().toISOString(),
    datasets: s.datasets,
    goneFiles: s.goneFiles ?? [],
    area: areaPart,
    views: {
      map: choice.map,
      market: choice.market,
      mapText: mapViewText(choice.map, mapView, ws),
      marketText: marketViewText(choice.market, marketViews, ws),
    },
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
    policy: feePolicy(currentAssumptions(ws.assumptions)),
  };
}
