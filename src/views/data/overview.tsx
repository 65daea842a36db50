import { useMemo } from 'react';
import { hpsaSummary, summaryTables } from '../../data/queries/hpsa-summary';
import { summaryTablesTable } from '../../app/map/state-figures';
import { FigureTableView } from '../figure-table';
import { useQuery } from '../use-query';
import { EngineWait } from '../engine-wait';
import { formatNumber } from '../../model/format';
import { TABLE_WORD } from '../table-word';

/** HRSA's state summary tables: what each covers, and its published US row. */
function SummaryTables() {
  const { rows, error, pending } = useQuery(useMemo(summaryTables, []));
  if (error) return <p className="msg error">{error.message}</p>;
  return rows ? <FigureTableView table={summaryTablesTable(rows)} /> : <EngineWait pending={pending} />;
}

export function Overview() {
  const { rows, error, pending } = useQuery(useMemo(hpsaSummary, []));
  return (
    <section className="card" aria-labelledby="overview-title">
      <h2 id="overview-title">Shortage designations loaded</h2>
      <h3 id="detail-files-title">Detail files (one row per designation component)</h3>
      <p className="note">
        Counted by designation (HPSA ID), by status. FTE needed and population are taken once per designation, never added across its
        components. Population counts geographic and population HPSAs only: facility designations (health centers, clinics, prisons) serve
        overlapping populations.
      </p>
      {error && <p className="msg error">{error.message}</p>}
      <EngineWait pending={pending} />
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`detail-files-title ${TABLE_WORD}`}>
        <table data-testid="hpsa-summary">
          <thead>
            <tr>
              {['Discipline', 'Status', 'Designations', 'FTE practitioners needed', 'Population of area designations', 'As of'].map((h) => (
                <th
                  scope="col"
                  key={h}
                  className={['Designations', 'FTE practitioners needed', 'Population of area designations'].includes(h) ? 'num' : ''}
                >
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows?.map((r) => (
              <tr key={r.discipline + r.status} data-discipline={r.discipline} data-status={r.status}>
                <td>{r.discipline}</td>
                <td>{r.status}</td>
                <td className="num" data-col="designations">
                  {formatNumber(r.designations)}
                </td>
                <td className="num">{formatNumber(r.fte_needed, 2)}</td>
                <td className="num">{formatNumber(r.population)}</td>
                <td className="nowrap">{r.as_of ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <SummaryTables />
    </section>
  );
}
