import { useMemo } from 'react';
import { stateRegions } from '../../data/queries/pipeline';
import { targetProgress } from '../../app/targets/target-progress';
import { regionLabel } from '../../app/common/labels';
import { stateRegionMap } from '../../app/map/regions';
import { specialtyLabel } from '../../model/specialties';
import { useQuery } from '../use-query';
import { useCountyNames } from '../use-county-names';
import { useWorkspace } from '../workspace-context';
import { TABLE_WORD } from '../table-word';

/** Targets beside the map: hires wanted, candidates arrived and in the pipeline for each region. */
export function TargetProgress() {
  const { workspace } = useWorkspace();
  const regions = useQuery(useMemo(stateRegions, [])).rows;
  const names = useCountyNames(workspace.targets.length > 0);
  if (!workspace.targets.length) return null;
  const rows = targetProgress(workspace, stateRegionMap(regions));
  return (
    <section className="card" aria-labelledby="progress-title" data-testid="target-progress">
      <h2 id="progress-title">Targets by region</h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`progress-title ${TABLE_WORD}`}>
        <table>
          <thead>
            <tr>
              <th scope="col">Region</th>
              <th scope="col">Specialty</th>
              <th scope="col" className="num">
                Hires wanted
              </th>
              <th scope="col" className="num">
                Arrived
              </th>
              <th scope="col" className="num">
                In the pipeline
              </th>
              <th scope="col">Due</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ target: t, arrived, active }) => (
              <tr key={t.id}>
                <td>{regionLabel(t.region, workspace.serviceAreas, names)}</td>
                <td>{specialtyLabel(t.specialty)}</td>
                <td className="num">{t.hires}</td>
                <td className="num">
                  {arrived} ({Math.round((100 * arrived) / t.hires)}%)
                </td>
                <td className="num">{active}</td>
                <td>{t.dueQuarter}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
