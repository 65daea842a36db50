import { useMemo } from 'react';
import { hpsaSummary, summaryTables } from '../../data/queries/hpsa-summary';
import { tableVintage } from '../../model/state-figures';
import { useQuery } from '../use-query';
import { formatNumber } from '../../model/format';

/** HRSA's state summary tables: what each covers, and its published US row. */
function SummaryTables() {
  const { rows, error } = useQuery(useMemo(summaryTables, []));
  return (
    <>
      <h3 id="summary-tables-title">HRSA&rsquo;s state summaries</h3>
      {error && <p className="msg error">{error.message}</p>}
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="summary-tables-title">
        <table data-testid="summary-tables">
          <thead>
            <tr>
              {['Discipline', 'As of', 'US designations', 'US population of HPSAs', 'US practitioners needed', 'Source'].map((h) => (
                <th scope="col" key={h} className={h.startsWith('US') ? 'num' : ''}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows?.map((r) => (
              <tr key={r.discipline + r.as_of}>
                <td>{r.discipline}</td>
                <td>{tableVintage(r)}</td>
                <td className="num">{formatNumber(r.us_designations)}</td>
                <td className="num">{formatNumber(r.us_population)}</td>
                <td className="num">{formatNumber(r.us_practitioners_needed)}</td>
                <td>{r.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function Overview() {
  const { rows, error } = useQuery(useMemo(hpsaSummary, []));
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
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="detail-files-title">
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
