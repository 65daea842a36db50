// The timing model's assumptions the forecast used, each with its basis and sources, and the
// sources cited, with when they were collected.
import { html, type Html } from '../html';
import type { ReportAssumption, ReportInput } from '../../app/report/report-input';
import { tableHtml, type ReportTable } from '../report-table';

export function assumptionsTable(rows: ReportAssumption[]): ReportTable {
  return {
    id: 'assumptions',
    title: 'Assumptions of the timing model',
    columns: [
      { label: 'Group' },
      { label: 'Assumption' },
      { label: 'Value' },
      { label: 'Default' },
      { label: 'Basis' },
      { label: 'Sources' },
      { label: 'Note' },
    ],
    rows: rows.map((r) => [r.group, r.label, r.value, r.defaultValue, r.basis, r.sources.join(', ') || 'none found', r.note]),
    groupBy: 0,
  };
}

export function assumptionsSection(input: ReportInput): Html {
  const assumptions = input.assumptions;
  const cited = [...new Set(assumptions.rows.flatMap((r) => r.sources))].sort(
    (a, b) => a[0].localeCompare(b[0]) || Number(a.slice(1)) - Number(b.slice(1)),
  );
  return html`<section id="assumptions">
<h2>Assumptions</h2>
<p class="note">“confirmed”: a source states this exact value; “assumption”: a secondary, old, conflicting or computed figure, or a planning placeholder, with the reason in the note; “your value”: edited in this workspace (its default is beside it). S-numbers are in shared/domain.md, R-numbers are rules looked up since.</p>
${tableHtml(assumptionsTable(assumptions.rows))}
<h3>Sources</h3>
<p class="note">Collected ${assumptions.vintage}. Immigration rules change: check the dates.</p>
<ul class="citations">${cited.map((id) => html`<li><strong>${id}</strong> ${Object.hasOwn(assumptions.sources, id) ? assumptions.sources[id] : 'not listed'}</li>`)}</ul>
</section>`;
}
