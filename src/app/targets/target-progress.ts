// Where each target stands today, beside the map: hires wanted, candidates arrived and still in
// the pipeline in its region (the forecast's matching, without the forecast).
import { matchTargets } from '../../model/forecast/target-matching';
import { regionContainsFor } from '../../model/region-contains';
import type { Workspace } from '../../model/workspace';
import type { StateRegions } from '../map/regions';

/** Per target: hires wanted, candidates arrived and still in the pipeline in its region. */
export function targetProgress(ws: Workspace, regions: StateRegions) {
  const members = matchTargets(ws.candidates, ws.targets, regionContainsFor(ws.serviceAreas, regions));
  return ws.targets.map((target, i) => {
    const matching = members[i].map((j) => ws.candidates[j]);
    return {
      target,
      arrived: matching.filter((c) => c.stage === 'arrived').length,
      active: matching.filter((c) => c.stage !== 'arrived' && c.stage !== 'withdrawn').length,
    };
  });
}
