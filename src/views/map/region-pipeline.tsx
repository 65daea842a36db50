import { useMemo } from 'react';
import { regionPipeline } from '../../data/queries/shortage';
import type { MapView } from '../../model/map-view';
import { formatNumber } from '../../model/format';
import { specialtyLabel } from '../../model/specialties';
import { useQuery } from '../use-query';
import { useAtlas } from '../atlas-context';
import { useWorkspace } from '../workspace-context';
import { EngineWait } from '../engine-wait';
import { PIPELINE_TABLE } from '../../data/tables/pipeline';

/** Candidates headed for the region on the map, by specialty. */
export function RegionPipeline({ view }: { view: MapView }) {
  const query = useQuery(useMemo(() => regionPipeline(view), [view]));
  const { coordinator } = useAtlas();
  // Until the workspace's candidates are in the engine (PipelineSync), the rows are those of the
  // empty table the engine starts with (the first screen's): not "no candidates".
  const unsynced = useWorkspace().workspace.candidates.length > 0 && coordinator.version([PIPELINE_TABLE]) === 0;
  const pending = query.pending || unsynced;
  const { error, shown } = query;
  const rows = unsynced ? undefined : query.rows;
  const total = (rows ?? []).reduce((s, r) => s + r.active, 0);
  return (
    <section
      className="card"
      aria-labelledby="region-pipeline-title"
      data-testid="region-pipeline"
      data-query-state={pending ? 'loading' : 'done'}
      data-data-version={shown || undefined}
    >
      <h2 id="region-pipeline-title">Your pipeline in this region{rows ? `: ${formatNumber(total)} candidates in progress` : ''}</h2>
      {error && <p className="msg error">{error.message}</p>}
      <EngineWait pending={pending} />
      {!rows ? null : rows.length > 0 ? (
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
