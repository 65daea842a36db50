// The shortage map for the view chosen on the map screen, its legend and source, and the table of
// the same rows the map is coloured by.
import { areaColumns } from '../../app/map/area-columns';
import { describeView } from '../../app/map/map-spec';
import { noDataText } from '../../app/map/shortage-view';
import { METRIC_TABLES, METRICS, type MapView } from '../../model/map-view';
import { html, svgMarkup, type Html } from '../html';
import { isUnavailable, type ReportDataset, type ReportInput, type ReportMap } from '../../app/report/report-input';
import { tableHtml, type ReportColumn, type ReportTable } from '../report-table';

/** The rows the map is coloured by, in the screen's columns (the figures' dates included). */
export function mapTable(map: ReportMap): ReportTable {
  const { view, rows } = map;
  const columns = areaColumns(view, map.main, map.companion);
  const head: ReportColumn[] = [
    { label: 'Rank', digits: 0 },
    { label: view.level === 'county' ? 'County' : 'State' },
    { label: 'FIPS', nowrap: true },
  ];
  return {
    id: 'shortage-map',
    title: `${rows.length} ${view.level === 'county' ? 'counties' : 'states'} ranked by ${METRICS[view.metric].label} (${map.vintage}), as on the map`,
    columns: [...head, ...columns.map((c) => ({ label: c.label, digits: c.digits, nowrap: c.key.endsWith('as_of') }))],
    rows: rows.map((r, i) => [i + 1, r.name, r.geo, ...columns.map((c) => c.value(r))]),
  };
}

function sourceLine(view: MapView, datasets: ReportDataset[]): string {
  const tables = METRIC_TABLES[METRICS[view.metric].kind];
  const used = datasets.filter((d) => tables.includes(d.table) && !d.replacedBy);
  const named = used.map((d) => `${d.publisher}, ${d.vintage}${d.estimate ? ' (estimate)' : ''}${d.sample ? ' (sample)' : ''}`);
  return `Source: ${named.length ? named.join('; ') : 'no dataset loaded'}. Shapes: US Census Bureau cartographic boundaries (us-atlas).`;
}

export function mapSection(input: ReportInput): Html {
  const map = input.map;
  if (isUnavailable(map))
    return html`<section id="shortage-map"><h2>Shortage map</h2><p class="note">Not available: ${map.unavailable}</p></section>`;
  const unit = METRICS[map.view.metric].unit;
  return html`<section id="shortage-map">
<h2>Shortage map: ${map.heading}</h2>
<p class="vintage"><strong>${map.vintage}</strong></p>
<p class="note">${describeView(map.view).join(' · ')}. Colours: ${unit}, in classes of equal count (quantiles); grey: ${noDataText(map.view, map.main)}.${input.serviceAreas.length > 0 && ' Outlined: the service area.'}</p>
<figure class="map">
${svgMarkup(map.svg)}
<div class="legend">${svgMarkup(map.legend)}</div>
<figcaption class="small">${sourceLine(map.view, input.datasets)} Alaska, Hawaii and Puerto Rico are shown inset; the other island areas are in the table only.</figcaption>
</figure>
${tableHtml(mapTable(map))}
</section>`;
}
