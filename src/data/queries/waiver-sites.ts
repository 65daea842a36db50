// The shortage designations at J-1 waiver sites: per county, each current designation's type,
// discipline, status, score and whether it covers the whole county (a single-county component) or
// only some tracts, for the eligibility rules in src/model/timing/waiver-sites.ts.
import { namedQuery } from '../cache/coordinator';
import { HPSA_TABLE } from '../tables/hpsa';
import { HPSA_BY_STATE } from '../tables/summaries';
import type { SiteDesignation } from '../../model/timing/waiver-sites';

/** A designation at a county, or (its fields null) a county with none; every row has the county's name. */
export interface SiteDesignationRow {
  county_fips: string;
  county_name: string | null;
  discipline: string | null;
  designation_type: string | null;
  status: string | null;
  score: number | null;
  whole_county: boolean | null;
}

/**
 * Current (not withdrawn) designations in the given counties, one row per designation and county;
 * a county with none has one row of its own, so every site is named ("Franklin County, OH").
 */
export function waiverSiteDesignations(counties: readonly string[]) {
  const keys = counties.length ? counties : [''];
  const list = keys.map(() => '?').join(', ');
  return namedQuery<SiteDesignationRow>(
    'waiver-site-designations',
    [HPSA_TABLE, 'ref_counties'],
    `WITH d AS (
       SELECT county_fips, any_value(county_name) AS county_name, discipline, designation_type, status, max(score)::INTEGER AS score,
              bool_or(component_type = 'Single County') AS whole_county
       FROM ${HPSA_TABLE}
       WHERE status <> 'Withdrawn' AND county_fips IN (${list})
       GROUP BY county_fips, hpsa_id, discipline, designation_type, status)
     SELECT k.county_fips, coalesce(c.county_name || ', ' || c.state, d.county_name) AS county_name, d.discipline, d.designation_type,
            d.status, d.score, d.whole_county
     FROM (VALUES ${keys.map(() => '(?)').join(', ')}) k(county_fips)
     LEFT JOIN ref_counties c USING (county_fips) LEFT JOIN d USING (county_fips)
     WHERE k.county_fips <> ''
     ORDER BY k.county_fips, d.discipline, d.designation_type`,
    [...keys, ...keys],
  );
}

/** "CA|Primary Care": the states and disciplines the loaded HPSA detail covers. */
export const hpsaCoverage = () =>
  namedQuery<{ coverage: string }>(
    'hpsa-coverage',
    [HPSA_BY_STATE],
    // From the state summary (every designation's state and discipline), not a scan of every row.
    `SELECT DISTINCT state || '|' || discipline AS coverage FROM ${HPSA_BY_STATE} ORDER BY 1`,
  );

export function toSiteDesignations(rows: readonly SiteDesignationRow[]): SiteDesignation[] {
  return rows.flatMap((r) =>
    r.discipline === null
      ? []
      : [
          {
            countyFips: r.county_fips,
            countyName: r.county_name ?? '',
            discipline: r.discipline,
            designationType: r.designation_type ?? '',
            status: r.status ?? '',
            score: r.score,
            wholeCounty: r.whole_county ?? false,
          },
        ],
  );
}

/** Each site county's name, with or without designations. */
export const siteCountyNames = (rows: readonly SiteDesignationRow[]): Record<string, string> =>
  Object.fromEntries(rows.filter((r) => r.county_name !== null).map((r) => [r.county_fips, r.county_name as string]));
