// Which views a report shows: by default the plan's — the shortage map of the active service area
// and the market for each target's occupation in its states — rather than whatever the map and
// Market screens were last left on; the user may choose the screens' views instead.
import { DEFAULT_VIEW, type MapView } from '../../model/map-view';
import { DEFAULT_MARKET_VIEW, isKnownOccupation, type MarketRegion, type MarketView } from '../../model/market/market-view';
import { activeServiceArea } from '../../model/service-areas';
import type { Target } from '../../model/types';
import { stateByCode, type Workspace } from '../../model/workspace';
import { areaStates, statesOfRegion } from '../targets/area-figures';
import type { StateRegions } from '../map/regions';
import { describeView, mapHeading } from '../map/map-spec';
import { marketViewLabel } from '../market/market';

const names = (states: readonly string[]) => states.map((s) => stateByCode(s)?.name ?? s).join(', ');

/**
 * The service area's shortage map: its states' counties by HRSA's primary-care need, the area
 * outlined (a whole-states area at state level); without an area, the targets' states; else the nation.
 */
export function planMapView(ws: Workspace, regions: StateRegions): MapView {
  const area = activeServiceArea(ws);
  if (area && area.counties.length) return { ...DEFAULT_VIEW, level: 'county', states: areaStates(area) };
  if (area && area.states.length) return { ...DEFAULT_VIEW, states: [...area.states].sort() };
  const states = [...new Set(ws.targets.flatMap((t) => statesOfRegion(t.region, ws.serviceAreas, regions)))].sort();
  return states.length ? { ...DEFAULT_VIEW, states } : DEFAULT_VIEW;
}

/** A target's market: its occupation (its group when the Market screen has no such option) in its state, service area or region. */
function targetMarketView(target: Target, ws: Workspace, regions: StateRegions): MarketView {
  const occupation = isKnownOccupation(target.specialty) ? target.specialty : target.profession === 'mls' ? 'lab' : 'physician';
  const states = statesOfRegion(target.region, ws.serviceAreas, regions);
  const r = target.region;
  const region: MarketRegion =
    states.length === 1
      ? { kind: 'state', state: states[0] }
      : r.kind === 'service-area' || r.kind === 'census-region' || r.kind === 'hhs-region'
        ? r
        : { kind: 'nation' };
  return { occupation, region };
}

/** One market view per distinct occupation and place among the targets, in the targets' order; the default view without targets. */
export function planMarketViews(ws: Workspace, regions: StateRegions): MarketView[] {
  const views = new Map(ws.targets.map((t) => targetMarketView(t, ws, regions)).map((v) => [JSON.stringify(v), v]));
  return views.size ? [...views.values()] : [DEFAULT_MARKET_VIEW];
}

/** What the report's map shows, in words, e.g. "your service area, San Joaquin Valley, outlined on the counties of California". */
export function mapViewText(choice: 'plan' | 'screen', view: MapView, ws: Workspace): string {
  const area = activeServiceArea(ws);
  if (choice === 'screen') return `the view last chosen on the Shortage map screen: ${mapHeading(view)}; ${describeView(view).join(', ')}`;
  if (area && (area.counties.length || area.states.length))
    return `your service area, ${area.name}, outlined on the ${view.level === 'county' ? 'counties' : 'states'} of ${names(areaStates(area))}`;
  return view.states.length ? `your targets’ states: ${names(view.states)}` : 'the whole country: no service area or target is set';
}

/** What the report's market section shows, in words. */
export function marketViewText(choice: 'plan' | 'screen', views: readonly MarketView[], ws: Workspace): string {
  const labels = views.map((v) => marketViewLabel(v, ws.serviceAreas)).join('; ');
  if (choice === 'screen') return `the view last chosen on the Market screen: ${labels}`;
  return ws.targets.length ? `your targets’ occupations where they recruit: ${labels}` : `${labels} (no target is set)`;
}
