// The appendix: the long tables behind the evidence — every area of the map ranked, the published
// figures by state, the service areas' counties, every candidate at risk, the market's sponsors, all
// the assumptions with their sources and, when asked for, one row per candidate.
import { stateByCode } from '../../model/workspace';
import type { ServiceArea } from '../../model/types';
import { isUnavailable } from '../../app/report/report-input';
import { html, type Html } from '../html';
import { tableHtml, type ReportTable } from '../report-table';
import type { ReportContext } from '../context';
import { mapTable } from './shortage-map';
import { atRiskTable, candidateForecastTable } from './forecast';
import { marketAppendixTables } from './market';
import { assumptionsTable } from './assumptions';
import { candidatesTable } from './pipeline';

/** A table of the appendix, with the sentences printed under it. */
export interface AppendixTable {
  table: ReportTable;
  notes: string[];
}

export function serviceAreasTable(areas: readonly ServiceArea[], countyNames: Readonly<Record<string, string>>): ReportTable {
  const county = (fips: string) => (Object.hasOwn(countyNames, fips) ? countyNames[fips] : `County ${fips}`);
  return {
    id: 'service-areas',
    title: 'Service areas',
    columns: [{ label: 'Service area' }, { label: 'Whole states' }, { label: 'Counties', digits: 0 }, { label: 'County list' }],
    rows: areas.map((a) => [
      a.name,
      a.states.map((s) => stateByCode(s)?.name ?? s).join(', '),
      a.counties.length,
      a.counties.map(county).join('; '),
    ]),
  };
}

export function appendixTables(ctx: ReportContext): AppendixTable[] {
  const { input, cite } = ctx;
  const out: AppendixTable[] = [];
  const add = (table: ReportTable, notes: string[] = []) => out.push({ table, notes });
  if (!isUnavailable(input.map)) add(mapTable(input.map));
  for (const { tables } of input.stateFigures)
    for (const t of tables)
      add(
        t,
        t.notes.map((n) => cite.text(n)),
      );
  if (input.area?.supplyTable) add(input.area.supplyTable, input.area.supplyTable.notes);
  if (input.serviceAreas.length) add(serviceAreasTable(input.serviceAreas, input.countyNames));
  if (!isUnavailable(input.forecast) && atRiskTable(ctx, input.forecast).rows.length) add(atRiskTable(ctx, input.forecast));
  if (!isUnavailable(input.market)) for (const t of marketAppendixTables(input.market)) add(t);
  add(assumptionsTable(input.assumptions.rows, cite));
  if (input.includeCandidates && input.candidates.length) add(candidatesTable(input.candidates, ctx.names));
  if (input.includeCandidates && !isUnavailable(input.forecast)) add(candidateForecastTable(input.forecast, input, ctx.names));
  return out;
}

export function appendixSection(tables: readonly AppendixTable[]): Html {
  return html`<section id="appendix" class="appendix">
<h2>Appendix: the tables in full</h2>
${tables.map(({ table, notes }) => html`${tableHtml(table)}${notes.map((n) => html`<p class="small">${n}</p>`)}`)}
</section>`;
}
