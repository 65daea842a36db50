// The service areas the organisation recruits for: whole states and counties.
import { stateByCode } from '../../model/workspace';
import type { ServiceArea } from '../../model/types';
import { html, type Html } from '../html';
import type { ReportInput } from '../../app/report/report-input';
import { tableHtml, type ReportTable } from '../report-table';

export function serviceAreasTable(areas: ServiceArea[], countyNames: Record<string, string>): ReportTable {
  const county = (fips: string) => (Object.hasOwn(countyNames, fips) ? `${countyNames[fips]} (${fips})` : fips);
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

export function serviceAreasSection(input: ReportInput): Html {
  return html`<section id="service-areas">
<h2>Service areas</h2>
${input.serviceAreas.length ? tableHtml(serviceAreasTable(input.serviceAreas, input.countyNames)) : html`<p class="note">No service area defined.</p>`}
</section>`;
}
