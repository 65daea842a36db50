// Which candidates count toward which target, and when each target is due. Geography stays
// outside the model: the caller says whether a site lies in a region.

import { quarterEndDay } from '../calendar';
import { specialtyCounts } from '../specialties';
import type { Candidate, RegionRef, Target } from '../types';

export interface Site {
  state: string;
  /** Five-digit county FIPS; '' when unknown. */
  countyFips: string;
}

export type RegionContains = (region: RegionRef, site: Site) => boolean;

/** Candidate indices per target: same profession, a specialty the target counts (a group counts its members), site inside the region. */
export function matchTargets(candidates: Candidate[], targets: Target[], regionContains: RegionContains): number[][] {
  return targets.map((target) => {
    const bySite = new Map<string, boolean>(); // the callback may be slow, and sites repeat
    const matched: number[] = [];
    candidates.forEach((candidate, i) => {
      if (candidate.profession !== target.profession || !specialtyCounts(candidate.specialty, target.specialty)) return;
      const key = `${candidate.siteState}|${candidate.siteCountyFips}`;
      let inside = bySite.get(key);
      if (inside === undefined) {
        inside = regionContains(target.region, { state: candidate.siteState, countyFips: candidate.siteCountyFips });
        bySite.set(key, inside);
      }
      if (inside) matched.push(i);
    });
    return matched;
  });
}

/** Day number of the last day of the target's due quarter ("2027-Q4" → 2027-12-31). */
export function targetDueDay(target: Target): number {
  const day = quarterEndDay(target.dueQuarter);
  if (day === null) throw new Error(`target ${target.id}: dueQuarter ${JSON.stringify(target.dueQuarter)} is not like "2027-Q4"`);
  return day;
}
