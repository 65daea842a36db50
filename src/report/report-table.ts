// A table of the report: the same columns and rows go into the HTML and into its CSV export, so
// the CSV is the table as shown. Numbers stay numbers, rounded as shown (the HTML formats them, a
// spreadsheet sums them).
import { rowsAsShown, toCsv } from '../model/csv';
import { formatNumber } from '../model/format';
import { html, type Html } from './html';

export type Cell = string | number | null;

export interface ReportColumn {
  label: string;
  /** A numeric column: right-aligned, shown with this many decimals. */
  digits?: number;
  /** Dates and codes: kept on one line (a browser would break "2027-Q4" after the hyphen). */
  nowrap?: boolean;
  /** Sentences: given room in a table of many columns. */
  wide?: boolean;
}

export interface ReportTable {
  /** Stable id: the CSV file name and the HTML anchor. */
  id: string;
  title: string;
  columns: ReportColumn[];
  rows: Cell[][];
  /** Rows are grouped under a heading row by this column, which the HTML then leaves out. */
  groupBy?: number;
  /** The same data-testid as the screen's table, where one shows it. */
  testId?: string;
}

export function tableCsv(table: ReportTable): string {
  return toCsv(
    table.columns.map((c) => c.label),
    rowsAsShown(table.columns, table.rows),
  );
}

function cellHtml(value: Cell, column: ReportColumn): Html {
  const kind = column.nowrap ? 'nowrap' : column.wide ? 'wide' : null;
  if (column.digits === undefined) return html`<td${kind ? html` class="${kind}"` : ''}>${value ?? '—'}</td>`;
  return html`<td class="num">${typeof value === 'number' ? formatNumber(value, column.digits) : (value ?? '—')}</td>`;
}

export function tableHtml(table: ReportTable): Html {
  const shown = table.columns.map((column, i) => ({ column, i })).filter(({ i }) => i !== table.groupBy);
  let group: Cell | undefined;
  const body = table.rows.map((row) => {
    let heading: Html | null = null;
    if (table.groupBy !== undefined && row[table.groupBy] !== group) {
      group = row[table.groupBy];
      heading = html`<tr class="group"><th scope="rowgroup" colspan="${shown.length}">${group}</th></tr>`;
    }
    return html`${heading}<tr>${shown.map(({ column, i }) => cellHtml(row[i], column))}</tr>`;
  });
  // Scrolled sideways on its own when wider than the page (many columns), not the whole page.
  return html`<div class="table-wrap" role="region" tabindex="0" aria-label="${table.title}"><table id="table-${table.id}"${table.testId ? html` data-testid="${table.testId}"` : ''}>
<caption>${table.title}</caption>
<thead><tr>${shown.map(({ column }) => html`<th scope="col"${column.digits !== undefined ? html` class="num"` : ''}>${column.label}</th>`)}</tr></thead>
<tbody>${body.length ? body : html`<tr><td colspan="${shown.length}" class="empty">None.</td></tr>`}</tbody>
</table></div>`;
}
