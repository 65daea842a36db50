// The shortage map for the view chosen on the map screen, its legend and source, and the table of
// the same rows the map is coloured by.
import type { AreaValue } from '../../data/queries/shortage';
import { describeView } from '../../app/map-spec';
import { METRICS, type MapView, type Metric } from '../../model/map-view';
import { html, svgMarkup, type Html } from '../html';
import { isUnavailable, type ReportDataset, type ReportInput, type ReportMap } from '../../app/report-input';
import { tableHtml, type ReportColumn, type ReportTable } from '../report-table';

const HPSA_COLUMNS: { key: keyof AreaValue & Metric; label: string; digits: number }[] = [
  { key: 'designations', label: 'Designations', digits: 0 },
  { key: 'fte_needed', label: 'FTE needed', digits: 1 },
  { key: 'population', label: 'Population in area HPSAs', digits: 0 },
  { key: 'max_score', label: 'Highest score', digits: 0 },
  { key: 'weighted_score', label: 'Population-weighted score', digits: 1 },
];

export function mapTable(map: ReportMap): ReportTable {
  const { view, rows } = map;
  const metric = METRICS[view.metric];
  const extra = metric.hpsa ? HPSA_COLUMNS.filter((c) => c.key !== view.metric) : [];
  const columns: ReportColumn[] = [
    { label: 'Rank', digits: 0 },
    { label: view.level === 'county' ? 'County' : 'State' },
    { label: 'FIPS', nowrap: true },
    { label: `${metric.label} (${metric.unit})`, digits: metric.digits },
    ...(metric.hpsa ? extra.map(({ label, digits }) => ({ label, digits })) : [{ label: 'Estimate' }]),
  ];
  return {
    id: 'shortage-map',
    title: `${rows.length} ${view.level === 'county' ? 'counties' : 'states'} ranked by ${metric.label}, as on the map`,
    columns,
    rows: rows.map((r, i) => [
      i + 1,
      r.name,
      r.geo,
      r.value,
      ...(metric.hpsa ? extra.map((c) => r[c.key]) : [r.estimate ? 'estimate' : '']),
    ]),
  };
}

function sourceLine(view: MapView, datasets: ReportDataset[]): string {
  const used = datasets.filter((d) => d.table === METRICS[view.metric].table && !d.replacedBy);
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
<p class="note">${describeView(map.view).join(' · ')}. Colours: ${unit}, in classes of equal count (quantiles); grey: no value in the loaded data.${input.serviceAreas.length > 0 && ' Outlined: the service area.'}</p>
<figure class="map">
${svgMarkup(map.svg)}
<div class="legend">${svgMarkup(map.legend)}</div>
<figcaption class="small">${sourceLine(map.view, input.datasets)} Alaska, Hawaii and Puerto Rico are shown inset; the other island areas are in the table only.</figcaption>
</figure>
${tableHtml(mapTable(map))}
</section>`;
}
