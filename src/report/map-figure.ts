// The report's map: the app's own choropleth and legend for the chosen view, built off-screen and
// serialised to markup (runs in the browser: the chart functions need a DOM).
import { choropleth, colorScale } from '../charts/choropleth';
import { colorLegend } from '../charts/legend';
import type { UsShapes } from '../data/geo';
import type { AreaValue } from '../data/queries/shortage';
import { METRICS, type MapView } from '../model/map-view';
import type { ServiceArea } from '../model/types';
import { stateByCode } from '../model/workspace';
import { formatNumber } from '../model/format';

const hasGeographicFilter = (v: MapView) => v.states.length > 0 || !!v.censusRegion || !!v.censusDivision || !!v.hhsRegion;

/** Shape ids to outline for the service area at the map's level, as the map screen does. */
function outlinedIds(area: ServiceArea | undefined, view: MapView, shapes: UsShapes): Set<string> {
  if (!area) return new Set();
  const stateFips = new Set(area.states.map((s) => stateByCode(s)?.fips ?? ''));
  if (view.level === 'state') return new Set([...stateFips, ...area.counties.map((c) => c.slice(0, 2))]);
  return new Set([...area.counties, ...shapes.counties.filter((c) => stateFips.has(c.id.slice(0, 2))).map((c) => c.id)]);
}

export function mapFigure(
  view: MapView,
  rows: AreaValue[],
  shapes: UsShapes,
  area: ServiceArea | undefined,
): { svg: string; legend: string } {
  const metric = METRICS[view.metric];
  const digits = METRICS[view.metric].digits;
  const values = new Map(rows.map((r) => [r.geo, r.value]));
  const names = new Map(rows.map((r) => [r.geo, r.name]));
  const scale = colorScale(
    rows.map((r) => r.value).filter((v): v is number => v != null),
    METRICS[view.metric].scheme,
  );
  const svg = choropleth({
    shapes: view.level === 'county' ? shapes.counties : shapes.states,
    borders: view.level === 'county' ? shapes.stateBorders : undefined,
    values,
    scale,
    width: shapes.width,
    height: shapes.height,
    insets: shapes.insets,
    title: `Map of ${view.level === 'county' ? 'counties' : 'states'} coloured by ${metric.label.toLowerCase()}${metric.hpsa ? ` (${view.discipline})` : ''}; the figures are in the table below`,
    tooltip: (shape, v) =>
      `${names.get(shape.id) ?? shape.name}: ${v == null ? 'no value in the loaded data' : `${formatNumber(v, digits)} — ${metric.unit}`}`,
    selected: view.selected,
    outlined: outlinedIds(area, view, shapes),
    zoomTo: hasGeographicFilter(view) ? rows.map((r) => r.geo) : [],
  });
  const legend = colorLegend(scale, `${metric.label} (${metric.unit})`, (v) => formatNumber(v, digits));
  const serializer = new XMLSerializer();
  return {
    svg: serializer.serializeToString(svg),
    legend: [...legend.childNodes].map((node) => serializer.serializeToString(node)).join(''),
  };
}
