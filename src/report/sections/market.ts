// Who else recruits internationally and what they offer, for each view the report shows (the
// targets' occupations in their states, by default): the Market screen's summary, wage levels and
// employers with their charts; the sponsors by year go to the appendix; the offers saved on targets
// and the sources with their periods.
import { formatNumber } from '../../model/format';
import { html, svgMarkup, type Html } from '../html';
import { isUnavailable, type ReportMarket, type ReportMarkets } from '../../app/report/report-input';
import { tableHtml, type ReportTable } from '../report-table';
import type { ReportContext } from '../context';

/** The tables shown in the section: wage levels and employers (the first two of each view's). */
const MAIN_TABLES = 2;

/** Each view's tables in the section, in order. */
export const marketMainTables = (m: ReportMarkets): ReportTable[] => [
  ...m.views.flatMap((v) => v.tables.slice(0, MAIN_TABLES)),
  ...(m.offers.rows.length ? [m.offers] : []),
];

/** Each view's long tables: sponsors by year and the top sponsors, in the appendix. */
export const marketAppendixTables = (m: ReportMarkets): ReportTable[] => m.views.flatMap((v) => v.tables.slice(MAIN_TABLES));

const money = (v: number | null) => (v === null ? '—' : `$${formatNumber(v)}`);

function viewHtml(ctx: ReportContext, m: ReportMarket): Html {
  const s = m.summary;
  return html`<h3>${m.heading}</h3>
<p>${formatNumber(s.filings)} certified H-1B wage filings by ${formatNumber(s.employers)} employers in ${s.period ?? 'no period loaded'};
median offered annual wage ${money(s.median)} (25th–75th percentile ${money(s.q1)} – ${money(s.q3)}, ${formatNumber(s.wages)} filings with a usable wage).
Not counted: ${formatNumber(m.group.trainees)} filings for residents and fellows; ${formatNumber(m.group.unmapped)} filings of the same occupation group could not be given a specialty.</p>
${m.tables.map(
  (t, i) =>
    html`${m.charts[t.id] ? html`<figure class="chart">${svgMarkup(m.charts[t.id]!)}</figure>` : null}${i < MAIN_TABLES ? tableHtml(t) : null}`,
)}
${m.notes.map((n) => html`<p class="note">${ctx.cite.text(n)}</p>`)}`;
}

export function marketSection(ctx: ReportContext): Html {
  const { input } = ctx;
  const m = input.market;
  if (isUnavailable(m)) return html`<section id="market"><h2>Market</h2><p class="note">Not available: ${m.unavailable}</p></section>`;
  return html`<section id="market">
<h2>Market: who else recruits internationally, and what they offer</h2>
<p data-testid="report-market-shows">This section shows ${input.views.marketText}.${input.views.market === 'plan' ? ' Another view can be chosen on the Report screen.' : ''} The sponsors by year and the leading sponsors of each view are in the appendix.</p>
${m.views.map((v) => viewHtml(ctx, v))}
<h3>Offers saved on targets</h3>
${m.offers.rows.length ? tableHtml(m.offers) : html`<p class="note">No offer saved on a target: the forecast uses the default wage level for every cap-subject candidate.</p>`}
</section>`;
}
