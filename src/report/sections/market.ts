// Who else recruits internationally and what they offer, for each view the report shows (the
// targets' occupations in their states, by default): the Market screen's summary, wage levels with
// their chart and the employers filing most; H-1B sponsors by year once per place (they do not
// depend on the occupation), their tables and the leading sponsors in the appendix; the offers saved
// on targets and the sources with their periods.
import { formatNumber } from '../../model/format';
import { html, svgMarkup, type Html } from '../html';
import { isUnavailable, type ReportMarket, type ReportMarkets } from '../../app/report/report-input';
import { marketCountsText } from '../../app/market/market';
import { tableHtml, type ReportTable } from '../report-table';
import type { ReportContext } from '../context';

// Each view's tables, in the Market screen's order (market-report.ts).
const [WAGE_LEVELS, EMPLOYERS, SPONSOR_YEARS, SPONSORS] = [0, 1, 2, 3];

/** Sponsors by year are per place: the first view of each place carries them. */
const firstOfEachPlace = (m: ReportMarkets): ReportMarket[] =>
  m.views.filter((v, i) => m.views.findIndex((w) => w.tables[SPONSOR_YEARS].title === v.tables[SPONSOR_YEARS].title) === i);

/** Each view's tables in the section, in order. */
export const marketMainTables = (m: ReportMarkets): ReportTable[] => [
  ...m.views.flatMap((v) => [v.tables[WAGE_LEVELS], v.tables[EMPLOYERS]]),
  ...(m.offers.rows.length ? [m.offers] : []),
];

/** The long tables, in the appendix: sponsors by year for each place, the leading sponsors for each view. */
export const marketAppendixTables = (m: ReportMarkets): ReportTable[] => [
  ...firstOfEachPlace(m).map((v) => v.tables[SPONSOR_YEARS]),
  ...m.views.map((v) => v.tables[SPONSORS]),
];

const money = (v: number | null) => (v === null ? '—' : `$${formatNumber(v)}`);

function viewHtml(m: ReportMarket): Html {
  const s = m.summary;
  const counts = marketCountsText(s);
  return html`<h3>${m.heading}</h3>
<p>${counts.headline};
median offered annual wage ${money(s.median)} (25th–75th percentile ${money(s.q1)} – ${money(s.q3)}, ${formatNumber(s.wages)} filings with a usable wage).
Not counted: ${formatNumber(m.group.trainees)} filings for residents and fellows; ${formatNumber(m.group.unmapped)} filings of the same occupation group could not be given a specialty.</p>
${counts.notes.map((n) => html`<p class="note">${n}</p>`)}
${chart(m, WAGE_LEVELS)}
${tableHtml(m.tables[WAGE_LEVELS])}
${tableHtml(m.tables[EMPLOYERS])}`;
}

/** A data file's column named as words ("WAGE_RATE_OF_PAY_FROM" → “wage rate of pay from”). */
const fieldWords = (text: string) => text.replace(/\b[A-Z]+(?:_[A-Z]+)+\b/g, (name) => `“${name.toLowerCase().replaceAll('_', ' ')}”`);

function chart(m: ReportMarket, table: number): Html | null {
  const svg = m.charts[m.tables[table].id];
  const source = m.chartSources[m.tables[table].id];
  return svg ? html`<figure class="chart">${svgMarkup(svg)}<figcaption class="small">Source: ${source}.</figcaption></figure>` : null;
}

export function marketSection(ctx: ReportContext): Html {
  const { input } = ctx;
  const m = input.market;
  if (isUnavailable(m)) return html`<section id="market"><h2>Market</h2><p class="note">Not available: ${m.unavailable}</p></section>`;
  return html`<section id="market">
<h2>Market: who else recruits internationally, and what they offer</h2>
<p data-testid="report-market-shows">This section shows ${input.views.marketText}.${input.views.market === 'plan' ? ' Another view can be chosen on the Report screen.' : ''} The sponsors by year and the leading sponsors of each view are in the appendix.</p>
${m.views.map(viewHtml)}
${firstOfEachPlace(m).map((v) => html`<h3>${v.tables[SPONSOR_YEARS].title}</h3>${chart(v, SPONSOR_YEARS) ?? html`<p class="note">No sponsor figures for this place.</p>`}`)}
<h3>Offers saved on targets</h3>
${m.offers.rows.length ? tableHtml(m.offers) : html`<p class="note">No offer saved on a target: the forecast uses the default wage level for every cap-subject candidate.</p>`}
<h3>Sources and rules of the market figures</h3>
${[...new Set(m.views.flatMap((v) => v.notes))].map((n) => html`<p class="note">${fieldWords(ctx.cite.text(n))}</p>`)}
</section>`;
}
