import { useMemo } from 'react';
import { regionContainsFor } from '../../model/region-contains';
import { stateRegions } from '../../data/queries/pipeline';
import { useQuery } from '../use-query';
import { useWorkspace } from '../workspace-context';
import { regionLabel } from '../region-label';

/** Targets beside the map: hires wanted, candidates arrived and in the pipeline for each region. */
export function TargetProgress() {
  const { workspace } = useWorkspace();
  const regions = useQuery(useMemo(stateRegions, [])).rows;
  if (!workspace.targets.length) return null;
  const contains = regionContainsFor(
    workspace.serviceAreas,
    new Map((regions ?? []).map((r) => [r.state, { census: r.census_region ?? '', hhs: r.hhs_region ?? 0 }])),
  );
  const rows = workspace.targets.map((t) => {
    const matching = workspace.candidates.filter(
      (c) =>
        c.profession === t.profession &&
        c.specialty === t.specialty &&
        contains(t.region, { state: c.siteState, countyFips: c.siteCountyFips }),
    );
    return {
      t,
      arrived: matching.filter((c) => c.stage === 'arrived').length,
      active: matching.filter((c) => c.stage !== 'arrived' && c.stage !== 'withdrawn').length,
    };
  });
  return (
    <section className="card" aria-labelledby="progress-title" data-testid="target-progress">
      <h2 id="progress-title">Targets by region</h2>
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
          {rows.map(({ t, arrived, active }) => (
            <tr key={t.id}>
              <td>{regionLabel(t.region, workspace.serviceAreas)}</td>
              <td>{t.specialty}</td>
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
    </section>
  );
}
