// The shortage map of a view, as the screen draws it and the report prints it: colours, title,
// tooltips, the service area's outline and the zoom. Both call mapSpec, so they cannot differ.
import type { ChoroplethOptions } from '../../charts/choropleth';
import { colorScale } from '../../charts/choropleth';
import type { UsShapes } from '../../data/geo';
import type { AreaValue } from '../../data/queries/shortage';
import { countOf, formatNumber } from '../../model/format';
import type { HpsaSource } from '../../model/hpsa-sources';
import { METRICS, type MapView } from '../../model/map-view';
import type { ServiceArea } from '../../model/types';
import { stateByCode } from '../../model/workspace';
import { mapHeading, noDataText, vintageText } from './shortage-view';
import { MEASURE_INFO } from '../../model/county-supply';
import type { LegendText } from '../../charts/legend';
import { filterWords } from './view-words';
import { noProviderCounted, noProviderText, rankValue } from './area-rank';

export { mapHeading };

export interface MapSpec extends ChoroplethOptions {
  /** The map's heading, e.g. "Practitioners needed (FTE) — Primary Care". */
  heading: string;
  /** The figures' source and date, e.g. "HRSA state summary as of 2021-12-31". */
  vintage: string;
  legend: { label: string; format: (v: number) => string } & LegendText;
}

/** The view's level and filters in words. */
export function describeView(view: MapView): string[] {
  const parts = [view.level === 'county' ? 'Counties' : 'States'];
  if (METRICS[view.metric].kind === 'hpsa' && view.level === 'county') {
    parts.push(`status: ${view.statuses.join(', ')}`);
    if (view.designationClass !== 'all')
      parts.push(view.designationClass === 'area' ? 'geographic and population designations' : 'facility designations');
  }
  return [...parts, ...filterWords(view)];
}

const geographicFilter = (v: MapView) => v.states.length > 0 || !!v.censusRegion || !!v.censusDivision || !!v.hhsRegion;

/** Zoom to the areas shown when a region is filtered, or when the loaded data cover only a few states. */
export function zoomTarget(view: MapView, rows: readonly AreaValue[]): string[] {
  const states = new Set(rows.map((r) => r.geo.slice(0, 2)));
  return rows.length && (geographicFilter(view) || states.size <= 3) ? rows.map((r) => r.geo) : [];
}

/** Shape ids to outline for the service area at the map's level: its counties and whole states. */
export function outlinedIds(area: ServiceArea | undefined, shapes: UsShapes): Set<string> {
  if (!area) return new Set();
  const stateFips = new Set(area.states.map((s) => stateByCode(s)?.fips ?? ''));
  if (shapes.level === 'state') return new Set([...stateFips, ...area.counties.map((c) => c.slice(0, 2))]);
  return new Set([...area.counties, ...shapes.areas.filter((c) => stateFips.has(c.id.slice(0, 2))).map((c) => c.id)]);
}

export interface MapSpecInput {
  view: MapView;
  /** The rows of `areaValues(view)`. */
  rows: readonly AreaValue[];
  shapes: UsShapes;
  /** The service area to outline. */
  area: ServiceArea | undefined;
  /** The HRSA source the rows come from (HPSA metrics). */
  main: HpsaSource | null;
}

export function mapSpec({ view, rows, shapes, area, main }: MapSpecInput): MapSpec {
  if (shapes.level !== view.level) throw new Error(`a ${view.level} map cannot be drawn with the ${shapes.level} shapes`);
  const metric = METRICS[view.metric];
  const format = (v: number) => formatNumber(v, metric.digits);
  // People but no provider counted: an unbounded ratio, drawn as the class beyond the darkest.
  const values = new Map(rows.map((r) => [r.geo, rankValue(view, r)]));
  const beyond = rows.some((r) => noProviderCounted(view, r))
    ? `${noProviderText(view)} (people, but none counted): the most severe, ranked first`
    : undefined;
  const byGeo = new Map(rows.map((r) => [r.geo, r]));
  /** A value and what it is; a provider figure with its year, count and population. */
  const describe = (r: AreaValue | undefined, v: number | null | undefined) => {
    if (metric.kind === 'supply' && r?.as_of) {
      const what = MEASURE_INFO[metric.measure].providers;
      if (v === Infinity) return `${noProviderText(view)}, ${r.as_of} (${formatNumber(r.people)} people)`;
      if (v == null) return `no ${what} counted (${r.as_of})`;
      return `${format(v)} ${metric.unit}, ${r.as_of} (${formatNumber(r.providers)} ${what}, ${formatNumber(r.people)} people)`;
    }
    if (view.metric === 'fte_needed' && r?.fte_missing) {
      const without = `${countOf(r.fte_missing, 'designation')} without an FTE figure in HRSA's file`;
      return v == null ? `${without}: no FTE figure` : `${format(v)} — ${metric.unit}; ${without}, left out`;
    }
    // No row of the detail file here (a row without an FTE figure said so above).
    if (v == null && metric.kind === 'hpsa' && main?.kind === 'detail') return 'no designation in the loaded detail file';
    return v == null ? noData : `${format(v)} — ${metric.unit}`;
  };
  const areas = view.level === 'county' ? 'counties' : 'states';
  const vintage = vintageText(view, main, rows);
  const noData = noDataText(view, main);
  return {
    heading: mapHeading(view),
    vintage,
    shapes: shapes.areas,
    borders: shapes.borders,
    values,
    scale: colorScale(
      rows.map((r) => r.value).filter((v): v is number => v != null),
      metric.scheme,
      beyond,
    ),
    width: shapes.width,
    height: shapes.height,
    insets: shapes.insets,
    title: `Map of ${areas} coloured by ${mapHeading(view)} (${vintage}); the figures are in the table below`,
    tooltip: (shape, v) => `${byGeo.get(shape.id)?.name ?? shape.name}: ${describe(byGeo.get(shape.id), v)}`,
    selected: view.selected,
    outlined: outlinedIds(area, shapes),
    zoomTo: zoomTarget(view, rows),
    legend: { label: metric.label, format, vintage, noData, ...notDrawn(rows, values, shapes) },
  };
}

/** Areas named before "and N more". */
const NOT_DRAWN_SHOWN = 6;

/**
 * Areas with a figure but no shape on this map, in a state the map draws (Connecticut's planning
 * regions and Alaska's newer census areas on the county map: the shapes are the older counties),
 * said in the legend so a hatched state is not read as having no figures. The island areas without
 * shapes are left to the map's own note.
 */
function notDrawn(rows: readonly AreaValue[], values: ReadonlyMap<string, number | null>, shapes: UsShapes): { notDrawn?: string } {
  const ids = new Set(shapes.areas.map((s) => s.id));
  const states = new Set(shapes.areas.map((s) => s.id.slice(0, 2)));
  const missing = rows.filter((r) => values.get(r.geo) != null && !ids.has(r.geo) && states.has(r.geo.slice(0, 2)));
  if (!missing.length) return {};
  const more = missing.length > NOT_DRAWN_SHOWN ? ` and ${missing.length - NOT_DRAWN_SHOWN} more` : '';
  const names = missing
    .slice(0, NOT_DRAWN_SHOWN)
    .map((r) => r.name)
    .join('; ');
  return {
    notDrawn: `In the table, not on the map (no shape of theirs on this map's ${shapes.level === 'county' ? 'counties' : 'states'}): ${names}${more}.`,
  };
}
