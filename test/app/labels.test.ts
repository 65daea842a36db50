import { describe, expect, it } from 'vitest';
import { professionLabel, regionLabel, targetLabel, targetLabelById } from '../../src/app/common/labels';
import type { ServiceArea, Target } from '../../src/model/types';

const areas: ServiceArea[] = [{ id: 'a1', name: 'Central Valley', counties: ['06019'], states: [] }];
const target: Target = {
  id: 't1',
  profession: 'physician',
  specialty: 'psychiatry',
  region: { kind: 'state', state: 'NV' },
  hires: 2,
  dueQuarter: '2027-Q4',
  priority: 'high',
  owner: '',
  note: '',
};

describe('labels', () => {
  it('names every kind of region', () => {
    expect(regionLabel({ kind: 'service-area', id: 'a1' }, areas)).toBe('Service area: Central Valley');
    expect(regionLabel({ kind: 'service-area', id: 'gone' }, areas)).toBe('Service area: (deleted)');
    expect(regionLabel({ kind: 'state', state: 'NV' }, areas)).toBe('Nevada');
    expect(regionLabel({ kind: 'state', state: 'ZZ' }, areas)).toBe('ZZ');
    expect(regionLabel({ kind: 'county', fips: '06019' }, areas)).toBe('County 06019');
    expect(regionLabel({ kind: 'census-region', name: 'West' }, areas)).toBe('Census region: West');
    expect(regionLabel({ kind: 'hhs-region', number: 9 }, areas)).toBe('HHS Region 9');
    expect(regionLabel({ kind: 'site', name: 'Valley Clinic', state: 'CA', countyFips: '' }, areas)).toBe('Valley Clinic (CA)');
  });

  it('names a target by its specialty label and region, and a missing one by its id', () => {
    expect(targetLabel(target, areas)).toBe('Psychiatry — Nevada');
    expect(targetLabel({ ...target, specialty: 'a specialty not in the list' }, areas)).toBe('a specialty not in the list — Nevada');
    expect(targetLabelById('t1', [target], areas)).toBe('Psychiatry — Nevada');
    expect(targetLabelById('t9', [target], areas)).toBe('t9');
  });

  it('names professions', () => {
    expect(professionLabel({ profession: 'physician' })).toBe('Physician');
    expect(professionLabel({ profession: 'mls' })).toBe('Lab scientist');
  });
});
