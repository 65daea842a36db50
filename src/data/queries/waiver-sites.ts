// The shortage designations at J-1 waiver sites: per county, each current designation's type,
// discipline, status, score and whether it covers the whole county (a single-county component) or
// only some tracts, for the eligibility rules in src/model/timing/waiver-sites.ts.
import { namedQuery } from '../cache/coordinator';
import { HPSA_TABLE } from '../tables/hpsa';
import type { SiteDesignation } from '../../model/timing/waiver-sites';

export interface SiteDesignationRow {
  county_fips: string;
  county_name: string | null;
  discipline: string;
  designation_type: string;
  status: string;
  score: number | null;
  whole_county: boolean;
}

/** Current (not withdrawn) designations in the given counties, one row per designation and county. */
export function waiverSiteDesignations(counties: readonly string[]) {
  const list = counties.length ? counties.map(() => '?').join(', ') : "''";
  return namedQuery<SiteDesignationRow>(
    'waiver-site-designations',
    [HPSA_TABLE],
    `SELECT county_fips, any_value(county_name) AS county_name, discipline, designation_type, status, max(score)::INTEGER AS score,
            bool_or(component_type = 'Single County') AS whole_county
     FROM ${HPSA_TABLE}
     WHERE status <> 'Withdrawn' AND county_fips IN (${list})
     GROUP BY county_fips, hpsa_id, discipline, designation_type, status
     ORDER BY county_fips, discipline, designation_type`,
    [...counties],
  );
}

/** "CA|Primary Care": the states and disciplines the loaded HPSA detail covers. */
export const hpsaCoverage = () =>
  namedQuery<{ coverage: string }>(
    'hpsa-coverage',
    [HPSA_TABLE],
    `SELECT DISTINCT state || '|' || discipline AS coverage FROM ${HPSA_TABLE} ORDER BY 1`,
  );

export function toSiteDesignations(rows: readonly SiteDesignationRow[]): SiteDesignation[] {
  return rows.map((r) => ({
    countyFips: r.county_fips,
    countyName: r.county_name ?? '',
    discipline: r.discipline,
    designationType: r.designation_type,
    status: r.status,
    score: r.score,
    wholeCounty: r.whole_county,
  }));
}
