// Each J-1 waiver program's site rule (S17, S21, S23, R3–R5), on designations made up for the case.
import { describe, expect, it } from 'vitest';
import { indexDesignations, waiverSiteEligibility, type SiteDesignation } from '../../src/model/timing/waiver-sites';

const designation = (overrides: Partial<SiteDesignation>): SiteDesignation => ({
  countyFips: '21095',
  countyName: 'Harlan County, KY',
  discipline: 'Primary Care',
  designationType: 'Geographic HPSA',
  status: 'Designated',
  score: 18,
  wholeCounty: true,
  ...overrides,
});
const data = (...rows: SiteDesignation[]) =>
  indexDesignations(rows, ['KY|Primary Care', 'KY|Mental Health', 'TX|Primary Care', 'CA|Primary Care']);
const site = (state: string, fips: string, specialty = 'family medicine') => ({ specialty, siteState: state, siteCountyFips: fips });

describe('Conrad 30 sites', () => {
  it('a whole-county geographic or population HPSA qualifies any site in it', () => {
    for (const type of ['Geographic HPSA', 'High Needs Geographic HPSA', 'HPSA Population']) {
      const result = waiverSiteEligibility('conrad30', site('KY', '21095'), data(designation({ designationType: type })), 7);
      expect(result, type).toMatchObject({ status: 'eligible', pool: 'regular' });
      expect(result.sentence).toContain('Harlan County, KY is designated as a whole');
    }
  });

  it('a county with no HPSA needs a flex slot (or an MUA/MUP, which is named, not checked)', () => {
    const result = waiverSiteEligibility('conrad30', site('TX', '48201'), data(), 7);
    expect(result).toMatchObject({ status: 'flex', pool: 'flex' });
    expect(result.sentence).toMatch(/flex waivers .*MUA\/MUP/);
  });

  it('without any loaded data for the state it cannot say, and without a county it asks for one', () => {
    expect(waiverSiteEligibility('conrad30', site('NM', '35001'), data(), 7)).toMatchObject({ status: 'check' });
    expect(waiverSiteEligibility('conrad30', site('KY', ''), data(designation({})), 7).sentence).toMatch(/site_county_fips/);
  });
});

describe('HHS clinical waivers: a primary-care (psychiatry: mental-health) HPSA scored 07 or more, not proposed for withdrawal', () => {
  it('accepts a score of 7 and refuses 6', () => {
    expect(waiverSiteEligibility('hhs-clinical', site('KY', '21095'), data(designation({ score: 7 })), 7).status).toBe('eligible');
    const low = waiverSiteEligibility('hhs-clinical', site('KY', '21095'), data(designation({ score: 6 })), 7);
    expect(low).toMatchObject({ status: 'not-eligible', pool: 'none' });
    expect(low.sentence).toMatch(/score at most 6, below the 7/);
  });

  it('refuses a designation proposed for withdrawal', () => {
    const result = waiverSiteEligibility('hhs-clinical', site('KY', '21095'), data(designation({ status: 'Proposed For Withdrawal' })), 7);
    expect(result.status).toBe('not-eligible');
    expect(result.sentence).toMatch(/proposed for withdrawal/);
  });

  it('judges a psychiatrist by the mental-health HPSA, not the primary-care one', () => {
    const primaryOnly = data(designation({}));
    expect(waiverSiteEligibility('hhs-clinical', site('KY', '21095', 'psychiatry'), primaryOnly, 7).status).toBe('not-eligible');
    const mental = data(designation({ discipline: 'Mental Health', score: 16 }));
    expect(waiverSiteEligibility('hhs-clinical', site('KY', '21095', 'psychiatry'), mental, 7).status).toBe('eligible');
  });
});

describe('regional and VA waivers', () => {
  it('ARC and DRA only in their states; inside them the county still has to be checked against the region', () => {
    expect(waiverSiteEligibility('arc', site('CA', '06037'), data(), 7).status).toBe('not-eligible');
    expect(waiverSiteEligibility('dra', site('TX', '48201'), data(), 7).status).toBe('not-eligible');
    const kentucky = waiverSiteEligibility('arc', site('KY', '21095'), data(designation({})), 7);
    expect(kentucky.status).toBe('check');
    expect(kentucky.sentence).toMatch(/Appalachian Region/);
  });

  it('ARC needs an HPSA site; DRA also takes an MUA/MUP', () => {
    expect(waiverSiteEligibility('arc', site('KY', '21001'), data(), 7).status).toBe('not-eligible');
    expect(waiverSiteEligibility('dra', site('KY', '21001'), data(), 7).sentence).toMatch(/MUA\/MUP/);
  });

  it('VA needs no shortage designation at all', () => {
    expect(waiverSiteEligibility('va', site('TX', '48201'), data(), 7)).toMatchObject({ status: 'eligible', pool: 'regular' });
  });
});
