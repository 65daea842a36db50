import { namedQuery } from '../cache/coordinator';

export interface CountyNameRow {
  county_fips: string;
  state: string;
  county_name: string;
}

/** Every county's Census name and state (the embedded reference table), for labels and the county picker. */
export const countyNameRows = () =>
  namedQuery<CountyNameRow>(
    'county-names',
    ['ref_counties'],
    `SELECT county_fips, state, county_name FROM ref_counties ORDER BY state, county_name`,
  );
