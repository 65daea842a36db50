import { useMemo } from 'react';
import { siteDesignations, waiverCounties } from '../app/pipeline/waiver-sites';
import { hpsaCoverage, waiverSiteDesignations } from '../data/queries/waiver-sites';
import type { SiteDesignations } from '../model/timing/waiver-sites';
import type { Candidate } from '../model/types';
import { useQuery } from './use-query';

/**
 * The loaded designations at the candidates' J-1 waiver sites. `settled` once both queries have
 * answered (or failed: without HPSA data the sites stay unchecked, and the forecast says so).
 */
export function useSiteDesignations(candidates: readonly Candidate[]): { sites: SiteDesignations | undefined; settled: boolean } {
  const counties = waiverCounties(candidates).join(',');
  const designations = useQuery(useMemo(() => waiverSiteDesignations(counties ? counties.split(',') : []), [counties]));
  const coverage = useQuery(useMemo(hpsaCoverage, []));
  const sites = useMemo(
    () => (designations.rows && coverage.rows ? siteDesignations(designations.rows, coverage.rows) : undefined),
    [designations.rows, coverage.rows],
  );
  const settled = !designations.pending && !coverage.pending;
  return { sites, settled };
}
