import { hpsaSummary } from '../../data/queries/hpsa-summary';
import { useQuery } from '../use-query';
import { formatNumber } from '../../model/format';

export function Overview() {
  const { rows, error } = useQuery(hpsaSummary());
  return (
    <section className="card" aria-labelledby="overview-title">
      <h2 id="overview-title">Shortage designations loaded</h2>
      <p className="note">
        Counted by designation (HPSA ID). FTE needed and population are taken once per designation, never added across its components.
        Population counts geographic and population HPSAs only: facility designations (health centers, clinics, prisons) serve overlapping
        populations.
      </p>
      {error && <p className="msg error">{error.message}</p>}
      <table data-testid="hpsa-summary">
        <thead>
          <tr>
            <th scope="col">Discipline</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Designations
            </th>
            <th scope="col" className="num">
              Component rows
            </th>
            <th scope="col" className="num">
              FTE practitioners needed
            </th>
            <th scope="col" className="num">
              Population of area designations
            </th>
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
              <td className="num" data-col="rows">
                {formatNumber(r.rows)}
              </td>
              <td className="num">{formatNumber(r.fte_needed, 1)}</td>
              <td className="num">{formatNumber(r.population)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
