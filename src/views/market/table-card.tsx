import type { ReactNode } from 'react';
import type { MarketTable } from '../../app/market/market';
import { formatNumber } from '../../model/format';
import { rowsAsShown } from '../../model/csv';
import { downloadCsv } from '../download';
import { FittedPlot } from '../plot-host';
import { TABLE_WORD } from '../table-word';

/** A card with a chart (optional), the table behind it and its CSV: the same rows the report prints. */
export function TableCard({
  table,
  heading,
  chart,
  pending,
  children,
}: {
  table: MarketTable;
  heading: string;
  chart?: (width: number) => Element;
  pending: boolean;
  children?: ReactNode;
}) {
  const titleId = `${table.id}-title`;
  return (
    <section className="card" aria-labelledby={titleId} data-testid={table.id} data-query-state={pending ? 'loading' : 'done'}>
      <div className="card-head">
        <h2 id={titleId}>{heading}</h2>
        <button
          type="button"
          className="secondary"
          onClick={() =>
            downloadCsv(
              `${table.id}.csv`,
              table.columns.map((c) => c.label),
              rowsAsShown(table.columns, table.rows),
            )
          }
        >
          Export CSV
        </button>
      </div>
      {chart && table.rows.length > 0 && <FittedPlot make={chart} deps={[JSON.stringify(table)]} maxWidth={640} />}
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`${titleId} ${TABLE_WORD}`}>
        <table>
          <caption className="visually-hidden">{table.title}</caption>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c.label} scope="col" className={c.digits !== undefined ? 'num' : undefined}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.length === 0 && (
              <tr>
                <td colSpan={table.columns.length} className="empty">
                  None in the loaded data.
                </td>
              </tr>
            )}
            {table.rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => {
                  const c = table.columns[j];
                  if (c.digits !== undefined)
                    return (
                      <td key={j} className="num">
                        {typeof cell === 'number' ? formatNumber(cell, c.digits) : (cell ?? '—')}
                      </td>
                    );
                  return (
                    <td key={j} className={c.nowrap ? 'nowrap' : undefined}>
                      {cell === 'check' ? <span className="badge warn">check</span> : (cell ?? '—')}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {children}
    </section>
  );
}
