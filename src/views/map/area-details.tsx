import { useMemo } from 'react';
import { areaDesignations } from '../../data/queries/shortage';
import { METRICS, type MapView } from '../../model/map-view';
import { formatNumber } from '../../model/format';
import { useQuery } from '../use-query';

const isoDate = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '—');

/** The designations of one county or state, and what they mean for a J-1 waiver site. */
export function AreaDetails({ view, geo, onClose }: { view: MapView; geo: string; onClose: () => void }) {
  // Workforce metrics have no designations of their own: list the discipline's designations.
  const { rows, error } = useQuery(
    useMemo(() => areaDesignations(METRICS[view.metric].hpsa ? view : { ...view, metric: 'fte_needed' }, geo), [view, geo]),
  );
  const designated = (rows ?? []).filter((r) => r.status !== 'Withdrawn');
  const geographic = designated.filter((r) => r.designation_type.includes('Geographic') || r.designation_type === 'HPSA Population');
  const name =
    rows?.[0]?.counties && geo.length === 5 ? rows[0].counties.split('; ')[0] : geo.length === 5 ? `County ${geo}` : `State FIPS ${geo}`;
  return (
    <section className="card details" aria-labelledby="details-title" data-testid="area-details">
      <div className="card-head">
        <h2 id="details-title">
          {name}: {view.discipline} designations
        </h2>
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </div>
      {error && <p className="msg error">{error.message}</p>}
      <p className="waiver" data-testid="waiver-eligibility">
        <strong>J-1 waiver (Conrad 30) eligibility: </strong>
        {designated.length === 0
          ? 'no current HPSA designation in the loaded data. A site here could still qualify through a Medically Underserved Area/Population designation, or through one of the state’s up to 10 “flex” slots for sites outside designated areas.'
          : `${designated.length} current designation${designated.length === 1 ? '' : 's'} (${geographic.length} geographic or population). A site qualifies if its address lies inside one of them (geographic and population HPSAs often cover only some census tracts) or if it is itself a designated facility; confirm the address with HRSA’s HPSA Find “by address” search. Conrad 30 physicians serve 3 years in an HPSA, MUA or MUP.`}
      </p>
      <div className="table-scroll short" tabIndex={0} role="region" aria-labelledby="details-title">
        <table>
          <thead>
            <tr>
              <th scope="col">Designation</th>
              <th scope="col">Type</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Score
              </th>
              <th scope="col" className="num">
                FTE needed
              </th>
              <th scope="col" className="num">
                Population
              </th>
              <th scope="col">Designated</th>
              <th scope="col">Last update</th>
            </tr>
          </thead>
          <tbody>
            {(rows ?? []).map((r) => (
              <tr key={r.hpsa_id}>
                <td>
                  {r.hpsa_name} <span className="id">{r.hpsa_id}</span>
                </td>
                <td>{r.designation_type}</td>
                <td>{r.status}</td>
                <td className="num">{formatNumber(r.score)}</td>
                <td className="num">{formatNumber(r.fte_needed, 1)}</td>
                <td className="num">{formatNumber(r.designation_population)}</td>
                <td>{isoDate(r.designation_date)}</td>
                <td>{isoDate(r.update_date)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
