import { describe, expect, it } from 'vitest';
import { diversityMeasure } from '../../src/app/targets/diversity';
import { regionFilterOptions } from '../../src/app/map/map-filters';
import { checkedDraft, emptyDraft, mergeNotice, placeFields, regionChoice, regionFromChoice } from '../../src/app/targets/target-draft';
import type { RegionRef, Target } from '../../src/model/types';
import { readDiversityTarget } from '../../src/model/workspace/entities';
import { Issues } from '../../src/model/workspace/issues';

describe('the target form', () => {
  const none = { county: '', siteName: '', siteState: 'CA' };
  const names = new Map([
    ['06019', { fips: '06019', state: 'CA', label: 'Fresno County, CA' }],
    ['41039', { fips: '41039', state: 'OR', label: 'Lane County, OR' }],
  ]);

  it('round-trips every kind of region through the list value and the place fields', () => {
    const regions: RegionRef[] = [
      { kind: 'service-area', id: 'area-2' },
      { kind: 'state', state: 'NV' },
      { kind: 'census-region', name: 'West' },
      { kind: 'hhs-region', number: 9 },
      { kind: 'county', fips: '06019' },
      { kind: 'site', name: 'Valley Clinic', state: 'OR', countyFips: '41039' },
      { kind: 'site', name: 'Mobile unit', state: 'CA', countyFips: '' },
    ];
    for (const r of regions) expect(regionFromChoice(regionChoice(r), placeFields(r, names), names)).toEqual(r);
    // The form shows the county by name, and reads it back by name.
    expect(placeFields({ kind: 'county', fips: '06019' }, names).county).toBe('Fresno County, CA');
    expect(regionFromChoice('site', { county: 'lane county', siteName: 'Clinic', siteState: 'CA' }, names)).toEqual({
      kind: 'site',
      name: 'Clinic',
      state: 'OR',
      countyFips: '41039',
    });
  });

  it('names the field to fix', () => {
    expect(regionFromChoice('county', { ...none, county: 'Atlantis' }, names)).toBe(
      'County: No single county matches “Atlantis”: choose one from the list as you type, e.g. “Kern County, CA”.',
    );
    expect(regionFromChoice('site', { ...none, siteName: '  ' }, names)).toBe('Site: enter the site’s name.');
    expect(regionFromChoice('site', { ...none, siteName: 'X', county: 'abc' }, names)).toMatch(
      /^Site county: No single county matches “abc”/,
    );
    const draft = emptyDraft([], '2026-11-23');
    expect(checkedDraft({ ...draft, hires: 0 }, 'st:CA', none, names)).toBe('Hires: a whole number from 1 to 10,000.');
    expect(checkedDraft({ ...draft, hires: 2.5 }, 'st:CA', none, names)).toBe('Hires: a whole number from 1 to 10,000.');
    expect(checkedDraft({ ...draft, owner: '  Dr. A ' }, 'st:TX', none, names)).toEqual({
      ...draft,
      owner: 'Dr. A',
      region: { kind: 'state', state: 'TX' },
    });
  });

  it('a new target is due at the end of the fourth quarter after today, in the first service area', () => {
    expect(emptyDraft([], '2026-11-23').dueQuarter).toBe('2027-Q4');
    expect(emptyDraft([], '2026-12-31').dueQuarter).toBe('2027-Q4');
    expect(emptyDraft([], '2027-01-01').dueQuarter).toBe('2028-Q1');
    expect(emptyDraft([{ id: 'a', name: 'A', counties: [], states: [] }], '2026-11-23').region).toEqual({ kind: 'service-area', id: 'a' });
  });
});

describe('a target saved after another tab changed it', () => {
  const opened: Target = {
    id: 'target-1',
    profession: 'physician',
    specialty: 'psychiatry',
    region: { kind: 'state', state: 'TX' },
    hires: 5,
    dueQuarter: '2027-Q4',
    priority: 'medium',
    owner: 'Alice',
    note: '',
  };
  it('names what of the other tab’s change is kept and what this form replaced', () => {
    const current = { ...opened, hires: 10, priority: 'high' as const };
    expect(mergeNotice(opened, current, { owner: 'Bob' })).toBe(
      'Another tab changed this target while you edited it. Its changes to the hires and priority are kept.',
    );
    expect(mergeNotice(opened, current, { hires: 7 })).toBe(
      'Another tab changed this target while you edited it. Its change to the priority is kept. You both changed the hires: your value replaced the other tab’s.',
    );
  });
  it('says nothing when the other tab changed nothing, or the same field the same way', () => {
    expect(mergeNotice(opened, opened, { hires: 7 })).toBeNull();
    expect(mergeNotice(opened, { ...opened, hires: 7 }, { hires: 7 })).toBeNull();
  });
});

describe('a diversity target from the form', () => {
  it('turns a percentage into a share, per measure', () => {
    expect(diversityMeasure('img-share', 40, '')).toEqual({ kind: 'img-share', minShare: 0.4 });
    expect(diversityMeasure('max-country-share', 25, '')).toEqual({ kind: 'max-country-share', maxShare: 0.25 });
    expect(diversityMeasure('gender-balance', 30, '')).toEqual({ kind: 'gender-balance', minShareEach: 0.3 });
  });
  it('reads languages, and says what is wrong', () => {
    expect(diversityMeasure('language-coverage', 0, ' Spanish, Tagalog ,')).toEqual({
      kind: 'language-coverage',
      languages: ['Spanish', 'Tagalog'],
      minHiresPerLanguage: 1,
    });
    expect(diversityMeasure('language-coverage', 50, ' , ')).toBe('Languages: name at least one, separated by commas.');
    for (const refused of [0, 101, 0.5, 33.3, -5, NaN])
      expect(diversityMeasure('img-share', refused, '')).toMatch(/^Share: a whole percentage/);
  });
  it('refuses a gender balance that two groups cannot both reach, as the workspace file does', () => {
    // Two groups of one set of hires: at most one of them can be more than half.
    expect(diversityMeasure('gender-balance', 50, '')).toEqual({ kind: 'gender-balance', minShareEach: 0.5 });
    expect(diversityMeasure('gender-balance', 51, '')).toMatch(/at most 50%/);
    // What the form saves, the workspace file reads back.
    const measure = diversityMeasure('gender-balance', 50, '');
    const read = (m: unknown) =>
      readDiversityTarget({ id: 'diversity-1', targetId: null, measure: m, note: '' }, 'd', new Issues(10))?.measure;
    expect(read(measure)).toEqual(measure);
    expect(read({ kind: 'gender-balance', minShareEach: 0.51 })).toBeUndefined();
  });
});

describe('the map’s region filters', () => {
  it('offer the loaded regions, and the divisions of the chosen region only', () => {
    const states = [
      { state: 'CA', state_name: 'California', census_region: 'West', census_division: 'Pacific', hhs_region: 9 },
      { state: 'NV', state_name: 'Nevada', census_region: 'West', census_division: 'Mountain', hhs_region: 9 },
      { state: 'NY', state_name: 'New York', census_region: 'Northeast', census_division: 'Middle Atlantic', hhs_region: 2 },
      { state: 'PR', state_name: 'Puerto Rico', census_region: null, census_division: null, hhs_region: 2 },
      { state: 'TX', state_name: 'Texas', census_region: 'South', census_division: 'West South Central', hhs_region: 6 },
      { state: 'DC', state_name: 'District of Columbia', census_region: 'South', census_division: 'South Atlantic', hhs_region: 3 },
    ];
    const all = regionFilterOptions(states, '');
    expect(all.censusRegions).toEqual(['Northeast', 'South', 'West']);
    expect(all.hhsRegions).toEqual([2, 3, 6, 9]);
    expect(all.censusDivisions).toHaveLength(5);
    expect(regionFilterOptions(states, 'West').censusDivisions).toEqual(['Mountain', 'Pacific']);
  });
});
