import type { FigureTable } from '../app/map/state-figures';
import { formatNumber } from '../model/format';
import { TABLE_WORD } from './table-word';

/** A table of published figures (app/state-figures.ts), as the report prints it too. */
export function FigureTableView({ table }: { table: FigureTable }) {
  const titleId = `${table.id}-title`;
  return (
    <div className="figure-table" data-testid={table.id}>
      <h3 id={titleId}>{table.title}</h3>
      <div className="table-scroll wide" tabIndex={0} role="region" aria-labelledby={`${titleId} ${TABLE_WORD}`}>
        <table>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th scope="col" key={c.label} className={c.digits === undefined ? '' : 'num'}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={i}>
                {row.map((v, j) => {
                  const c = table.columns[j];
                  return (
                    <td key={j} className={c.digits === undefined ? (c.nowrap ? 'nowrap' : '') : 'num'} data-col={c.label}>
                      {typeof v === 'number' ? formatNumber(v, c.digits) : (v ?? '—')}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {table.notes.map((n) => (
        <p className="note" key={n}>
          {n}
        </p>
      ))}
    </div>
  );
}
