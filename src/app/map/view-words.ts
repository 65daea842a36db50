// The map view's filters in words, said under the report's map and where no area matches them.
import type { MapView } from '../../model/map-view';

/** The place filters: "in TX", "Census region: West", "HHS Region 9"; at county level also rurality. */
export function filterWords(view: MapView): string[] {
  const parts: string[] = [];
  if (view.states.length) parts.push(`in ${view.states.join(', ')}`);
  if (view.censusRegion) parts.push(`Census region: ${view.censusRegion}`);
  if (view.censusDivision) parts.push(`Census division: ${view.censusDivision}`);
  if (view.hhsRegion) parts.push(`HHS Region ${view.hhsRegion}`);
  if (view.rural !== 'all') parts.push(view.rural === 'rural' ? 'rural counties only' : 'metro counties only');
  return parts;
}

/** "No county matches the filters (in TX · HHS Region 9)": the filters exclude each other. */
export function noMatchText(view: MapView): string {
  const words = filterWords(view);
  return `No ${view.level} matches the filters${words.length ? ` (${words.join(' · ')})` : ''}`;
}

/** A states table's row, as far as the place filters read it (`filterOptions`, or ref/states.csv). */
export interface StatePlace {
  state: string;
  census_region: string | null;
  census_division: string | null;
  hhs_region: number | string | null;
}

/** Whether any state or territory passes the view's place filters; false when they exclude each other (TX and HHS Region 9). */
export function anyPlaceMatches(view: MapView, states: readonly StatePlace[]): boolean {
  return states.some(
    (s) =>
      (!view.states.length || view.states.includes(s.state)) &&
      (!view.censusRegion || s.census_region === view.censusRegion) &&
      (!view.censusDivision || s.census_division === view.censusDivision) &&
      (!view.hhsRegion || String(s.hhs_region) === view.hhsRegion),
  );
}
