// Whether a candidate's site lies in a target's region; the forecast matches candidates to targets with it.
import type { RegionRef, ServiceArea } from './types';

export interface Site {
  state: string;
  countyFips: string;
}

/** `stateRegions`: Census region and HHS region of each state, for region-level targets. */
export function regionContainsFor(areas: readonly ServiceArea[], stateRegions: ReadonlyMap<string, { census: string; hhs: number }>) {
  return (region: RegionRef, site: Site): boolean => {
    switch (region.kind) {
      case 'service-area': {
        const a = areas.find((x) => x.id === region.id);
        return !!a && (a.states.includes(site.state) || (site.countyFips !== '' && a.counties.includes(site.countyFips)));
      }
      case 'state':
        return region.state === site.state;
      case 'county':
        return region.fips === site.countyFips;
      case 'site':
        return region.state === site.state && (region.countyFips === '' || region.countyFips === site.countyFips);
      case 'census-region':
        return stateRegions.get(site.state)?.census === region.name;
      case 'hhs-region':
        return stateRegions.get(site.state)?.hhs === region.number;
    }
  };
}
