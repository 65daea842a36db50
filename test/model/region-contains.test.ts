import { describe, it, expect } from 'vitest';
import { regionContainsFor } from '../../src/model/region-contains';

const contains = regionContainsFor(
  [{ id: 'area-1', name: 'Valley', counties: ['06019'], states: ['NV'] }],
  new Map([['CA', { census: 'West', hhs: 9 }]]),
);
const fresno = { state: 'CA', countyFips: '06019' };

describe('regionContains', () => {
  it('matches service areas by county or whole state', () => {
    expect(contains({ kind: 'service-area', id: 'area-1' }, fresno)).toBe(true);
    expect(contains({ kind: 'service-area', id: 'area-1' }, { state: 'NV', countyFips: '' })).toBe(true);
    expect(contains({ kind: 'service-area', id: 'area-1' }, { state: 'CA', countyFips: '06037' })).toBe(false);
    expect(contains({ kind: 'service-area', id: 'gone' }, fresno)).toBe(false);
  });
  it('matches states, counties and regions', () => {
    expect(contains({ kind: 'state', state: 'CA' }, fresno)).toBe(true);
    expect(contains({ kind: 'county', fips: '06037' }, fresno)).toBe(false);
    expect(contains({ kind: 'census-region', name: 'West' }, fresno)).toBe(true);
    expect(contains({ kind: 'hhs-region', number: 10 }, fresno)).toBe(false);
  });
});
