import { describe, it, expect } from 'vitest';
import { areaStates, statesOfRegion, targetContext } from '../../src/app/targets/area-figures';
import { reportStates } from '../../src/app/report/gather-report';
import { DEFAULT_VIEW } from '../../src/model/map-view';

const area = { id: 'sa', name: 'Area', counties: ['06019', '48201'], states: ['NV'] };
const regions = new Map([
  ['CA', { census: 'West', hhs: 9 }],
  ['NV', { census: 'West', hhs: 9 }],
  ['TX', { census: 'South', hhs: 6 }],
]);

describe('the states behind a place', () => {
  it('a service area: its whole states and its counties’ states', () => {
    expect(areaStates(area)).toEqual(['CA', 'NV', 'TX']);
  });

  it('each kind of target region', () => {
    expect(statesOfRegion({ kind: 'service-area', id: 'sa' }, [area], regions)).toEqual(['CA', 'NV', 'TX']);
    expect(statesOfRegion({ kind: 'county', fips: '48201' }, [], regions)).toEqual(['TX']);
    expect(statesOfRegion({ kind: 'site', name: 'Mercy', state: 'OR', countyFips: '' }, [], regions)).toEqual(['OR']);
    expect(statesOfRegion({ kind: 'census-region', name: 'West' }, [], regions)).toEqual(['CA', 'NV']);
    expect(statesOfRegion({ kind: 'hhs-region', number: 6 }, [], regions)).toEqual(['TX']);
    expect(statesOfRegion({ kind: 'service-area', id: 'gone' }, [area], regions)).toEqual([]);
  });

  it('the report lists the state chosen on the map first, then the service area’s', () => {
    expect(reportStates({ ...DEFAULT_VIEW, selected: '48' }, area)).toEqual(['TX', 'CA', 'NV']);
    expect(reportStates({ ...DEFAULT_VIEW, selected: '06019' }, undefined)).toEqual([]);
  });

  it('context lines for a laboratory target end with ASCP’s national vacancy rates; none is a number of hires', () => {
    const lines = targetContext('mls', 'medical laboratory scientist', [], []);
    expect(lines).toEqual([expect.stringMatching(/^Nationally, 18% of core laboratory positions/)]);
  });
});
