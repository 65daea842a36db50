import { namedQuery } from '../coordinator';
import { column } from '../local-table';
import { orderBy } from './local-sql';

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
    undefined,
    undefined,
    {
      tables: ['ref_counties'],
      run: ({ ref_counties: c }) =>
        orderBy(
          Array.from({ length: c.length }, (_, i) => ({
            county_fips: column<string>(c, 'county_fips')[i] as string,
            state: column<string>(c, 'state')[i] as string,
            county_name: column<string>(c, 'county_name')[i] as string,
          })),
          { get: (r) => r.state },
          { get: (r) => r.county_name },
        ),
    },
  );
