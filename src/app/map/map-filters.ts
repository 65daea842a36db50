// The map's region filters offer what the loaded states table holds: its Census regions, the
// divisions of the region chosen, and its HHS regions.
import type { FilterOptions } from '../../data/queries/shortage';

type StateRow = FilterOptions['states'][number];

const present = <T>(xs: (T | null)[]): T[] => [...new Set(xs)].filter((x): x is T => x != null && x !== '');

export function regionFilterOptions(states: readonly StateRow[], censusRegion: string) {
  return {
    censusRegions: present(states.map((s) => s.census_region)).sort(),
    censusDivisions: present(states.filter((s) => !censusRegion || s.census_region === censusRegion).map((s) => s.census_division)).sort(),
    hhsRegions: present(states.map((s) => s.hhs_region)).sort((a, b) => a - b),
  };
}
