// The figures behind targets for a place: a service area's HRSA shortage figures (the only basis
// of suggested targets), and the published workforce figures shown beside a specialty or
// laboratory target whose number the user sets.
import type { Coordinator } from '../../data/cache/coordinator';
import { hpsaSources } from '../../data/queries/hpsa-sources';
import { serviceAreaDetail, stateSummaryRows } from '../../data/queries/service-area';
import { specialtyCounts, stateWorkforce } from '../../data/queries/workforce';
import { areaShortage, type AreaShortage } from '../../model/targets';
import type { Profession, RegionRef, ServiceArea } from '../../model/types';
import { stateByFips, US_STATES } from '../../model/workspace';
import {
  imgBenchmark,
  labContext,
  specialtyContext,
  vacancyContext,
  type SpecialtyCountRow,
  type StateWorkforceRow,
} from '../../model/workforce-context';
import type { StateRegions } from '../map/regions';

const stateOfCounty = (fips: string) => stateByFips(fips.slice(0, 2))?.code;

/** The states a service area lies in: its whole states and its counties' states. */
export function areaStates(area: Pick<ServiceArea, 'states' | 'counties'>): string[] {
  return [...new Set([...area.states, ...area.counties.map(stateOfCounty).filter((s): s is string => !!s)])].sort();
}

/** The states a target's region lies in. */
export function statesOfRegion(region: RegionRef, areas: readonly ServiceArea[], regions: StateRegions): string[] {
  switch (region.kind) {
    case 'service-area': {
      const area = areas.find((a) => a.id === region.id);
      return area ? areaStates(area) : [];
    }
    case 'state':
      return [region.state];
    case 'county':
      return [stateOfCounty(region.fips) ?? ''].filter(Boolean);
    case 'site':
      return [region.state];
    case 'census-region':
      return US_STATES.map((s) => s.code).filter((s) => regions.get(s)?.census === region.name);
    case 'hhs-region':
      return US_STATES.map((s) => s.code).filter((s) => regions.get(s)?.hhs === region.number);
  }
}

export const areaShortageQueries = (area: ServiceArea) => ({
  sources: hpsaSources(),
  detail: serviceAreaDetail(area),
  summaries: stateSummaryRows(areaStates(area)),
});

export async function gatherAreaShortage(coordinator: Coordinator, area: ServiceArea): Promise<AreaShortage> {
  const q = areaShortageQueries(area);
  const [sources, detail, summaries] = await Promise.all([
    coordinator.query(q.sources),
    coordinator.query(q.detail),
    coordinator.query(q.summaries),
  ]);
  return areaShortage(area, sources, detail, summaries);
}

export const workforceQueries = (states: readonly string[]) => ({
  workforce: stateWorkforce(states),
  specialties: specialtyCounts(states),
});

/** The most states whose lines are listed; the rest are counted. */
const MAX_STATES = 8;

/**
 * Published context for a target the user sizes: AAMC's specialty figures and the IMG share
 * (physicians), BLS wages and employment and ASCP's vacancy rates (laboratory), per state.
 */
export function targetContext(
  profession: Profession,
  specialty: string,
  workforce: readonly StateWorkforceRow[],
  specialties: readonly SpecialtyCountRow[],
): string[] {
  const shown = workforce.slice(0, MAX_STATES);
  const more = workforce.length > MAX_STATES ? [`… and ${workforce.length - MAX_STATES} more states (see the map).`] : [];
  if (profession === 'mls') return [...labContext(shown), ...more, vacancyContext()];
  return [...specialtyContext(specialty, shown, specialties), ...more, ...shown.map((w) => `${imgBenchmark(w)}.`)];
}
