// How the areas behind the map are ranked, shared by the screen's table, its CSV and the report: the
// direction of need of the metric, and — for "people per provider" — the areas with people but no
// provider counted, whose ratio has no finite value: the most severe shortages, ranked first and
// coloured as their own class, never as "no figure".
import type { AreaValue } from '../../data/queries/shortage';
import { MEASURE_INFO } from '../../model/county-supply';
import { METRICS, metricInfo, type MapView } from '../../model/map-view';

/** People per provider with people but no provider counted (a real zero in the release): the ratio is unbounded. */
export function noProviderCounted(view: MapView, r: Pick<AreaValue, 'providers' | 'people'>): boolean {
  return metricInfo(view.metric).form === 'pop_per' && r.providers === 0 && (r.people ?? 0) > 0;
}

/** The same for the other release's figures beside the shown one. */
export const otherNoProviderCounted = (view: MapView, r: AreaValue): boolean =>
  noProviderCounted(view, { providers: r.other_providers, people: r.other_people });

/** "no primary-care physician counted": what such an area shows in place of a ratio. */
export function noProviderText(view: MapView): string {
  const measure = metricInfo(view.metric).measure;
  return `no ${measure ? MEASURE_INFO[measure].providers.replace(/s$/, '') : 'provider'} counted`;
}

/** The figure an area is ranked and coloured by: its value, Infinity where people have no provider, null for no figure. */
export const rankValue = (view: MapView, r: AreaValue): number | null => (noProviderCounted(view, r) ? Infinity : r.value);

/** Whether the metric ranks its highest values first (need, neutral) or its lowest (supply). */
export const highestFirst = (view: MapView): boolean => METRICS[view.metric].scheme !== 'supply';

/** Orders two areas by their figure; areas without one go last either way (Connecticut's counties in 2022). */
export function compareByValue(view: MapView, descending: boolean): (a: AreaValue, b: AreaValue) => number {
  return (a, b) => {
    const [x, y] = [rankValue(view, a), rankValue(view, b)];
    if (x === null || y === null) return Number(x === null) - Number(y === null);
    if (x === y) return a.name.localeCompare(b.name);
    return (descending ? -1 : 1) * (x < y ? -1 : 1);
  };
}

/** The areas in the metric's order of need, the most severe first. */
export const rankAreas = (view: MapView, rows: readonly AreaValue[]): AreaValue[] =>
  [...rows].sort(compareByValue(view, highestFirst(view)));
