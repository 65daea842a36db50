import { useMemo } from 'react';
import { siteDesignations, waiverCounties } from '../app/pipeline/waiver-sites';
import { hpsaCoverage, waiverSiteDesignations } from '../data/queries/waiver-sites';
import type { SiteDesignations } from '../model/timing/waiver-sites';
import type { Candidate } from '../model/types';
import { useQuery } from './use-query';

const NO_WAIVER_SITES = siteDesignations([], []);

/**
 * The loaded designations at the candidates' J-1 waiver sites. `settled` once both queries have
 * answered (or failed: without HPSA data the sites stay unchecked, and the forecast says so).
 * Without a waiver site nothing is asked (this runs on every screen: asking would start the engine
 * before the first screen is drawn, boot.ts).
 */
export function useSiteDesignations(candidates: readonly Candidate[]): { sites: SiteDesignations | undefined; settled: boolean } {
  const counties = waiverCounties(candidates).join(',');
  const designations = useQuery(useMemo(() => (counties ? waiverSiteDesignations(counties.split(',')) : null), [counties]));
  const coverage = useQuery(useMemo(() => (counties ? hpsaCoverage() : null), [counties]));
  const sites = useMemo(
    () => (designations.rows && coverage.rows ? siteDesignations(designations.rows, coverage.rows) : undefined),
    [designations.rows, coverage.rows],
  );
  if (!counties) return { sites: NO_WAIVER_SITES, settled: true };
  const settled = !designations.pending && !coverage.pending;
  return { sites, settled };
}
