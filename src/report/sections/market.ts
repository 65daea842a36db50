// Who else recruits internationally and what they offer: the Market screen's view with its charts
// and tables, the offers saved on targets, and the sources with their periods.
import { formatNumber } from '../../model/format';
import { html, svgMarkup, type Html } from '../html';
import { isUnavailable, type ReportInput, type ReportMarket } from '../../app/report/report-input';
import { tableHtml, type ReportTable } from '../report-table';

export function marketTables(market: ReportMarket): ReportTable[] {
  return [...market.tables, ...(market.offers.rows.length ? [market.offers] : [])];
}

const money = (v: number | null) => (v === null ? '—' : `$${formatNumber(v)}`);

export function marketSection(input: ReportInput): Html {
  const m = input.market;
  if (isUnavailable(m)) return html`<section id="market"><h2>Market</h2><p class="note">Not available: ${m.unavailable}</p></section>`;
  const s = m.summary;
  return html`<section id="market">
<h2>Market: who else recruits internationally, and what they offer</h2>
<p><strong>${m.heading}</strong> (the view on the Market screen): ${formatNumber(s.filings)} certified H-1B wage filings by ${formatNumber(s.employers)} employers in ${s.period ?? 'no period loaded'};
median offered annual wage ${money(s.median)} (25th–75th percentile ${money(s.q1)} – ${money(s.q3)}, ${formatNumber(s.wages)} filings with a usable wage).
Not counted: ${formatNumber(m.group.trainees)} filings for residents and fellows; ${formatNumber(m.group.unmapped)} filings of the same occupation group could not be given a specialty.</p>
${m.tables.map(
  (t) => html`${m.charts[t.id] ? html`<figure class="chart">${svgMarkup(m.charts[t.id]!)}</figure>` : null}
${tableHtml(t)}`,
)}
${m.offers.rows.length ? tableHtml(m.offers) : html`<p class="note">No offer saved on a target: the forecast uses the default wage level for every cap-subject candidate.</p>`}
${m.notes.map((n) => html`<p class="note">${n}</p>`)}
</section>`;
}
