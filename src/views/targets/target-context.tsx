import { useMemo } from 'react';
import { statesOfRegion, targetContext, workforceQueries } from '../../app/targets/area-figures';
import { stateRegionMap } from '../../app/map/regions';
import { stateRegions } from '../../data/queries/pipeline';
import type { Profession, RegionRef, ServiceArea } from '../../model/types';
import { useQuery } from '../use-query';

/**
 * The published figures beside a target the user sizes: AAMC's specialty counts and IMG share for
 * physicians, BLS wages and employment and ASCP's vacancy rates for laboratory staff. Context only:
 * none of them measures a shortage, so none becomes a number of hires.
 */
export function TargetContext({
  profession,
  specialty,
  region,
  areas,
}: {
  profession: Profession;
  specialty: string;
  region: RegionRef | null;
  areas: readonly ServiceArea[];
}) {
  const regions = stateRegionMap(useQuery(useMemo(stateRegions, [])).rows);
  const states = region ? statesOfRegion(region, areas, regions) : [];
  const key = states.join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the key stands for the list's content
  const q = useMemo(() => workforceQueries(states), [key]);
  const workforce = useQuery(states.length ? q.workforce : null);
  const specialties = useQuery(states.length ? q.specialties : null);
  if (!states.length) return null;
  const lines = workforce.rows && specialties.rows ? targetContext(profession, specialty, workforce.rows, specialties.rows) : [];
  return (
    <aside className="target-context" aria-labelledby="target-context-title" data-testid="target-context">
      <h3 id="target-context-title">Published figures for this region (context: you set the number)</h3>
      <ul>
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
    </aside>
  );
}
