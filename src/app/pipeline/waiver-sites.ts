// The shortage designations at the pipeline's J-1 waiver sites, from the loaded HPSA data: the one
// input both the forecast and the next actions read, so a site they call ineligible is the same.
import type { Coordinator } from '../../data/cache/coordinator';
import {
  hpsaCoverage,
  siteCountyNames,
  toSiteDesignations,
  waiverSiteDesignations,
  type SiteDesignationRow,
} from '../../data/queries/waiver-sites';
import { ROUTES } from '../../model/timing/visa-routes';
import type { SiteDesignations } from '../../model/timing/waiver-sites';
import type { Candidate } from '../../model/types';

/** Counties of the sites of candidates on a J-1 waiver route, each once, in order. */
export function waiverCounties(candidates: readonly Candidate[]): string[] {
  return [...new Set(candidates.filter((c) => ROUTES[c.visaRoute].waiver && c.siteCountyFips !== '').map((c) => c.siteCountyFips))];
}

export function siteDesignations(rows: readonly SiteDesignationRow[], coverage: readonly { coverage: string }[]): SiteDesignations {
  return { rows: toSiteDesignations(rows), loaded: coverage.map((r) => r.coverage), countyNames: siteCountyNames(rows) };
}

/**
 * The designations at the candidates' waiver sites, through the coordinator (the report); undefined
 * when no HPSA data can be read, so the sites are forecast unchecked rather than the forecast failing.
 */
export async function loadSiteDesignations(
  coordinator: Coordinator,
  candidates: readonly Candidate[],
): Promise<SiteDesignations | undefined> {
  try {
    const [rows, coverage] = await Promise.all([
      coordinator.query(waiverSiteDesignations(waiverCounties(candidates))),
      coordinator.query(hpsaCoverage()),
    ]);
    return siteDesignations(rows, coverage);
  } catch {
    return undefined;
  }
}
