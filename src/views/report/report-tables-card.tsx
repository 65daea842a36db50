import type { ReportTable } from '../../report/report-table';
import { tableCsv } from '../../report/report-table';
import { downloadText } from '../download';

/** Each table of the report as CSV, for a spreadsheet (county codes included where a spreadsheet joins on them). */
export function ReportTablesCard({ tables, today }: { tables: ReportTable[]; today: string }) {
  if (!tables.length) return null;
  return (
    <section className="card" aria-labelledby="report-tables-title">
      <h2 id="report-tables-title">The report’s tables as CSV</h2>
      <p className="note">Each table as it appears in the report, for a spreadsheet.</p>
      <ul className="report-tables" data-testid="report-tables">
        {tables.map((t) => (
          <li key={t.id}>
            {t.title}{' '}
            <span className="note">
              ({t.rows.length.toLocaleString('en-US')} {t.rows.length === 1 ? 'row' : 'rows'})
            </span>{' '}
            <button
              type="button"
              className="link"
              onClick={() => downloadText(`report-${t.id}-${today}.csv`, tableCsv(t), 'text/csv;charset=utf-8')}
              data-testid={`report-csv-${t.id}`}
            >
              Download CSV<span className="visually-hidden"> of {t.title}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
