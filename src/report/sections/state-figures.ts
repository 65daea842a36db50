// Every figure published for the chosen state and the service area's states, as the map's details
// panel shows them: each HRSA table with its date, the detail file beside it, AAMC and BLS.
import type { ReportInput } from '../../app/report/report-input';
import { html, type Html } from '../html';
import { tableHtml } from '../report-table';

export function stateFiguresSection(input: ReportInput): Html {
  if (!input.stateFigures.length) return html``;
  return html`<section id="state-figures">
<h2>Published figures by state</h2>
<p class="note">Each figure with its source and date. Tables of different dates are shown side by side, never added together.</p>
${input.stateFigures.flatMap(({ tables }) => tables.map((t) => html`${tableHtml(t)}${t.notes.map((n) => html`<p class="small">${n}</p>`)}`))}
</section>`;
}
