// The timing model's assumptions the forecast used: in the evidence, how many there are, how sure
// each kind is, and the ones this workspace changed; in the appendix, all of them with their basis
// and numbered sources.
import { html, type Html } from '../html';
import type { ReportAssumption } from '../../app/report/report-input';
import { tableHtml, type ReportTable } from '../report-table';
import type { Citations } from '../citations';
import type { ReportContext } from '../context';
import { countOf } from '../../model/format';

export function assumptionsTable(
  rows: ReportAssumption[],
  cite: Citations,
  id = 'assumptions',
  title = 'Assumptions of the timing model',
): ReportTable {
  return {
    id,
    title,
    columns: [
      { label: 'Group' },
      { label: 'Assumption' },
      { label: 'Value' },
      { label: 'Default' },
      { label: 'Basis' },
      { label: 'Sources' },
      { label: 'Note' },
    ],
    rows: rows.map((r) => [r.group, r.label, r.value, r.defaultValue, r.basis, cite.refs(r.sources) || 'none found', cite.text(r.note)]),
    groupBy: 0,
  };
}

const BASIS_WORDS =
  '“confirmed”: a source states this exact value; “assumption”: a secondary, old, conflicting or computed figure, or a planning placeholder, with the reason in the note; “your value”: edited in this workspace (its default is beside it). Numbers in brackets refer to the sources listed at the end.';

/** The changed assumptions' table, when any; built before the appendix so the citations number in reading order. */
export function changedAssumptionsTable(ctx: ReportContext): ReportTable | null {
  const changed = ctx.input.assumptions.rows.filter((r) => r.changed);
  return changed.length ? assumptionsTable(changed, ctx.cite, 'assumptions-changed', 'Assumptions changed in this workspace') : null;
}

export function assumptionsSection(ctx: ReportContext): Html {
  const { rows, vintage } = ctx.input.assumptions;
  const count = (basis: string) => rows.filter((r) => r.basis === basis).length;
  const changed = changedAssumptionsTable(ctx);
  return html`<section id="assumptions">
<h2>Assumptions</h2>
<p>The forecast rests on ${countOf(rows.length, 'assumption')} about visa, licensure and credentialing timing and fees: ${count('confirmed')} confirmed by a source, ${count('assumption')} planning assumptions, ${count('your value')} set in this workspace. Sources ${vintage}; immigration rules change, so check the dates. All of them, with their sources, are in the appendix.</p>
<p class="note">${BASIS_WORDS}</p>
${changed ? tableHtml(changed) : html`<p class="note">No assumption was changed from its default in this workspace.</p>`}
</section>`;
}
