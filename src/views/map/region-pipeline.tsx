import { useMemo } from 'react';
import { regionPipeline } from '../../data/queries/shortage';
import type { MapView } from '../../model/map-view';
import { formatNumber } from '../../model/format';
import { specialtyLabel } from '../../model/specialties';
import { useQuery } from '../use-query';

/** Candidates headed for the region on the map, by specialty. */
export function RegionPipeline({ view }: { view: MapView }) {
  const { rows, pending, error, shown } = useQuery(useMemo(() => regionPipeline(view), [view]));
  const total = (rows ?? []).reduce((s, r) => s + r.active, 0);
  return (
    <section
      className="card"
      aria-labelledby="region-pipeline-title"
      data-testid="region-pipeline"
      data-query-state={pending ? 'loading' : 'done'}
      data-data-version={shown || undefined}
    >
      <h2 id="region-pipeline-title">Your pipeline in this region: {formatNumber(total)} candidates in progress</h2>
      {error && <p className="msg error">{error.message}</p>}
      {rows && rows.length > 0 ? (
        <div className="table-wide" tabIndex={0} role="region" aria-label="Your pipeline in this region by specialty">
          <table>
            <thead>
              <tr>
                <th scope="col">Specialty</th>
                <th scope="col" className="num">
                  In progress
                </th>
                <th scope="col" className="num">
                  Arrived
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, 15).map((r) => (
                <tr key={r.specialty}>
                  <td>{specialtyLabel(r.specialty)}</td>
                  <td className="num">{formatNumber(r.active)}</td>
                  <td className="num">{formatNumber(r.arrived)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="empty-state">
          No candidates with a site in this region: import your pipeline to see who is headed here.{' '}
          <a className="button" href="#pipeline">
            Import candidates
          </a>
        </p>
      )}
    </section>
  );
}
