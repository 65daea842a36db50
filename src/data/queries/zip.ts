// ZIP codes → counties (the embedded Census 2020 ZCTA-to-county table, zip_county): the counties of
// given ZIPs, and of the ZIPs starting with what a person has typed so far. Land shares are stored as
// parts per million (exact: the Census file has six decimals).
import { namedQuery } from '../cache/coordinator';
import type { ZipRow } from '../../model/zip';

export const ZIP_TABLE = 'zip_county';

const columns = `z.zcta, z.county_fips, coalesce(c.state, '') AS state, coalesce(c.county_name, 'County ' || z.county_fips) AS county_name,
  z.land_share_ppm / 1e6 AS land_share, z.is_primary`;

/** Every county part of these ZIPs (five digits each), by ZIP, the county holding most of its land first. */
export const zipCounties = (zips: readonly string[]) =>
  namedQuery<ZipRow>(
    'zip-counties',
    [ZIP_TABLE, 'ref_counties'],
    `SELECT ${columns} FROM ${ZIP_TABLE} z LEFT JOIN ref_counties c ON c.county_fips = z.county_fips
     WHERE z.zcta IN (SELECT unnest(string_split(?, ',')))
     ORDER BY z.zcta, z.is_primary DESC, z.land_share_ppm DESC`,
    [zips.join(',')],
  );

/** The first `limit` ZIPs starting with these digits (three or more), with their counties. */
export const zipsStartingWith = (digits: string, limit = 8) =>
  namedQuery<ZipRow>(
    'zips-starting-with',
    [ZIP_TABLE, 'ref_counties'],
    `WITH picked AS (SELECT DISTINCT zcta FROM ${ZIP_TABLE} WHERE starts_with(zcta, ?) ORDER BY zcta LIMIT ${Math.max(1, Math.floor(limit))})
     SELECT ${columns} FROM ${ZIP_TABLE} z JOIN picked USING (zcta) LEFT JOIN ref_counties c ON c.county_fips = z.county_fips
     ORDER BY z.zcta, z.is_primary DESC, z.land_share_ppm DESC`,
    [digits],
  );
