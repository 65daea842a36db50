// Which Census and HHS region each state is in, built once from the loaded states table (region-level
// targets match candidates with it: model/region-contains.ts).
import type { StateRegionRow } from '../../data/queries/pipeline';

export type StateRegions = ReadonlyMap<string, { census: string; hhs: number }>;

const built = new WeakMap<readonly StateRegionRow[], StateRegions>();

/**
 * The state → region map of the `stateRegions` query's rows. The coordinator hands every caller the
 * same rows array until the states table changes, so the map is built once per load.
 */
export function stateRegionMap(rows: readonly StateRegionRow[] | undefined): StateRegions {
  if (!rows) return EMPTY;
  let map = built.get(rows);
  if (!map) {
    map = new Map(rows.map((r) => [r.state, { census: r.census_region ?? '', hhs: r.hhs_region ?? 0 }]));
    built.set(rows, map);
  }
  return map;
}

const EMPTY: StateRegions = new Map();
