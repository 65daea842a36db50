import { namedQuery } from '../coordinator';

/** Counties with a current HPSA designation of any discipline: a site elsewhere needs a closer look for J-1 waivers. */
export const shortageCounties = () =>
  namedQuery<{ county_fips: string }>(
    'shortage-counties',
    ['hpsa'],
    `SELECT DISTINCT county_fips FROM hpsa WHERE status <> 'Withdrawn' AND county_fips IS NOT NULL`,
  );

export interface StateRegionRow {
  state: string;
  census_region: string | null;
  hhs_region: number | null;
}

export const stateRegions = () =>
  namedQuery<StateRegionRow>('state-regions', ['ref_states'], `SELECT state, census_region, hhs_region FROM ref_states`);
