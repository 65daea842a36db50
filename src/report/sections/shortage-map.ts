// The shortage map the report shows (the service area's by default), its legend and sources, the
// service area's own rows beside it, and — in the appendix — every row the map is coloured by.
import { areaColumns } from '../../app/map/area-columns';
import { rankValue } from '../../app/map/area-rank';
import { describeView } from '../../app/map/map-spec';
import { noDataText } from '../../app/map/shortage-view';
import { METRIC_TABLES, METRICS, type MapView } from '../../model/map-view';
import { stateByCode } from '../../model/workspace';
import { html, svgMarkup, type Html } from '../html';
import { isUnavailable, type ReportDataset, type ReportMap } from '../../app/report/report-input';
import { tableHtml, type ReportColumn, type ReportTable } from '../report-table';
import { datasetAddress, SHAPES_SOURCE } from '../dataset-sources';
import type { ReportContext } from '../context';

/** Rows of the map shown in the section itself when no service area picks them. */
const TOP_ROWS = 15;

/** The rows the map is coloured by, in the screen's columns (the figures' dates included). */
export function mapTable(map: ReportMap, rows = map.rows, id = 'shortage-map', title?: string): ReportTable {
  const { view } = map;
  const columns = areaColumns(view, map.main, map.companion);
  const head: ReportColumn[] = [
    { label: 'Rank', digits: 0 },
    { label: view.level === 'county' ? 'County' : 'State' },
    { label: 'FIPS code', nowrap: true },
  ];
  // map.rows are ranked (app/map/area-rank.ts); areas without a figure have no rank.
  const rank = new Map(map.rows.map((r, i) => [r.geo, rankValue(view, r) === null ? null : i + 1]));
  return {
    id,
    title:
      title ??
      `All ${map.rows.length} ${view.level === 'county' ? 'counties' : 'states'} of the map ranked by ${METRICS[view.metric].label} (${map.vintage})`,
    columns: [...head, ...columns.map((c) => ({ label: c.label, digits: c.digits, nowrap: c.key.endsWith('as_of') }))],
    rows: rows.map((r) => [rank.get(r.geo) ?? null, r.name, r.geo, ...columns.map((c) => c.value(r))]),
  };
}

/** The rows of the service area (its counties, or its states at state level); else the top of the ranking. */
export function areaMapTable(ctx: ReportContext, map: ReportMap): ReportTable {
  const area = ctx.input.area?.area;
  const stateFips = new Set((area?.states ?? []).map((s) => stateByCode(s)?.fips ?? ''));
  const inArea = (geo: string) =>
    map.view.level === 'county'
      ? !!area?.counties.includes(geo) || stateFips.has(geo.slice(0, 2))
      : stateFips.has(geo) || !!area?.counties.some((c) => c.startsWith(geo));
  const mine = area ? map.rows.filter((r) => inArea(r.geo)) : [];
  return mine.length
    ? mapTable(
        map,
        mine,
        'shortage-map-area',
        `${area!.name}: its ${map.view.level === 'county' ? 'counties' : 'states'} on the map, with their rank`,
      )
    : mapTable(
        map,
        map.rows.slice(0, TOP_ROWS),
        'shortage-map-top',
        `The ${Math.min(TOP_ROWS, map.rows.length)} highest-ranked ${map.view.level === 'county' ? 'counties' : 'states'} on the map`,
      );
}

function sourceLine(view: MapView, datasets: ReportDataset[]): string {
  const tables = METRIC_TABLES[METRICS[view.metric].kind];
  const used = datasets.filter((d) => tables.includes(d.table) && !d.replacedBy);
  const named = used.map((d) => {
    const address = datasetAddress(d);
    return `${d.publisher}, ${d.vintage}${d.estimate ? ' (estimate)' : ''}${d.sample ? ' (sample)' : ''}${address ? `, ${address.url}` : ''}`;
  });
  return `Source: ${named.length ? named.join('; ') : 'no dataset loaded'}. Shapes: ${SHAPES_SOURCE}.`;
}

export function mapSection(ctx: ReportContext): Html {
  const { input } = ctx;
  const map = input.map;
  if (isUnavailable(map))
    return html`<section id="shortage-map"><h2>Shortage map</h2><p class="note">Not available: ${map.unavailable}</p></section>`;
  const unit = METRICS[map.view.metric].unit;
  return html`<section id="shortage-map">
<h2>Shortage map: ${map.heading}</h2>
<p data-testid="report-map-shows">This map shows ${input.views.mapText}.${input.views.map === 'plan' ? ' Another view can be chosen on the Report screen.' : ''}</p>
<p class="vintage"><strong>${map.vintage}</strong></p>
<p class="note">${describeView(map.view).join(' · ')}. Colours: ${unit}, in classes of equal count (quantiles); hatched: ${noDataText(map.view, map.main)}.${input.serviceAreas.length > 0 && ' Outlined: the service area.'}</p>
<figure class="map">
${svgMarkup(map.svg)}
<div class="legend">${svgMarkup(map.legend)}</div>
<figcaption class="small">${sourceLine(map.view, input.datasets)} Alaska, Hawaii and Puerto Rico are shown inset; the other island areas are in the table only.</figcaption>
</figure>
${tableHtml(areaMapTable(ctx, map))}
<p class="note">Every area of the map, ranked, is in the appendix.</p>
</section>`;
}
