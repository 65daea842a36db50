import { namedQuery } from '../cache/coordinator';

export interface StateRegionRow {
  state: string;
  census_region: string | null;
  hhs_region: number | null;
}

export const stateRegions = () =>
  namedQuery<StateRegionRow>('state-regions', ['ref_states'], `SELECT state, census_region, hhs_region FROM ref_states`);
