import { namedQuery } from '../coordinator';
import { column } from '../local-table';

export interface StateRegionRow {
  state: string;
  census_region: string | null;
  hhs_region: number | null;
}

export const stateRegions = () =>
  namedQuery<StateRegionRow>(
    'state-regions',
    ['ref_states'],
    `SELECT state, census_region, hhs_region FROM ref_states`,
    undefined,
    undefined,
    {
      tables: ['ref_states'],
      run: ({ ref_states: s }) =>
        Array.from({ length: s.length }, (_, i) => ({
          state: column<string>(s, 'state')[i] as string,
          census_region: column<string>(s, 'census_region')[i],
          hhs_region: column<number>(s, 'hhs_region')[i],
        })),
    },
  );
