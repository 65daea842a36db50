// J-1 waiver sites checked against the embedded California primary-care HPSA data (HRSA, 2024-03-27),
// with the counts of designation types made here from the embedded file itself.
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../src/data/engine/engine';
import {
  hpsaCoverage,
  siteCountyNames,
  toSiteDesignations,
  waiverSiteDesignations,
  type SiteDesignationRow,
} from '../../src/data/queries/waiver-sites';
import { indexDesignations, waiverSiteEligibility, type DesignationData } from '../../src/model/timing/waiver-sites';
import { loadEmbeddedDatasets } from '../helpers/app-data';
import { createNodeEngine } from '../helpers/duckdb-node';

const FILE = path.resolve(import.meta.dirname, '../../datasets/hpsa/hpsa_pc_ca_2024-03-27_by_county.csv');
const AREA_TYPES = ['Geographic HPSA', 'High Needs Geographic HPSA', 'HPSA Population'];

interface Row {
  'Common State County FIPS Code': string;
  'Designation Type': string;
  'HPSA Status': string;
  'HPSA Component Type Description': string;
}
// HRSA writes XXXXX where a facility has no county: such rows say nothing about a site's county.
const rows = Papa.parse<Row>(fs.readFileSync(FILE, 'utf8'), { header: true, skipEmptyLines: true }).data.filter(
  (r) => r['HPSA Status'] !== 'Withdrawn' && /^\d{5}$/.test(r['Common State County FIPS Code']),
);
/** Counties by what the file designates in them, counted here from the file, not by the app. */
const inCounty = (fips: string) => rows.filter((r) => r['Common State County FIPS Code'] === fips);
const facilityOnly = [...new Set(rows.map((r) => r['Common State County FIPS Code']))].filter((fips) =>
  inCounty(fips).every((r) => !AREA_TYPES.includes(r['Designation Type'])),
);
const wholeCounty = [...new Set(rows.map((r) => r['Common State County FIPS Code']))].filter((fips) =>
  inCounty(fips).some((r) => AREA_TYPES.includes(r['Designation Type']) && r['HPSA Component Type Description'] === 'Single County'),
);

let db: SqlEngine;
let data: DesignationData;

describe('waiver-site eligibility on the embedded California data', () => {
  beforeAll(async () => {
    db = await createNodeEngine();
    await loadEmbeddedDatasets(db);
    const counties = ['06075', '06085', '06001', ...facilityOnly, ...wholeCounty, '06037'];
    const found = await db.query<SiteDesignationRow>(waiverSiteDesignations(counties).sql, waiverSiteDesignations(counties).params);
    const coverage = await db.query<{ coverage: string }>(hpsaCoverage().sql);
    data = indexDesignations(
      toSiteDesignations(found),
      coverage.map((r) => r.coverage),
    );
  }, 60_000);

  it('names a site county with no designation by its name, not its code', async () => {
    // Franklin County, Ohio: no designation in the embedded (California) data; Ohio taken as loaded.
    const [franklin] = await db.query<{ name: string }>(
      `SELECT county_name || ', ' || state AS name FROM ref_counties WHERE county_fips = '39049'`,
    );
    const q = waiverSiteDesignations(['39049', '06037']);
    const found = await db.query<SiteDesignationRow>(q.sql, q.params);
    const rows = toSiteDesignations(found);
    expect(rows.some((r) => r.countyFips === '39049')).toBe(false);
    expect(rows.some((r) => r.countyFips === '06037')).toBe(true);
    const site = waiverSiteEligibility(
      'conrad30',
      { specialty: 'family medicine', siteState: 'OH', siteCountyFips: '39049' },
      indexDesignations(rows, ['OH|Primary Care'], siteCountyNames(found)),
      7,
    );
    expect(site.sentence).toMatch(new RegExp(`^${franklin.name} has no HPSA`));
    expect(site.sentence).not.toMatch(/39049/);
  });

  it('covers California primary care only', () => {
    expect([...data.loaded]).toEqual(['CA|Primary Care']);
  });

  it('finds the counties the issue names with facility designations only: San Francisco, Santa Clara, Alameda', () => {
    expect(facilityOnly).toEqual(expect.arrayContaining(['06075', '06085', '06001']));
  });

  it('never calls a facility-only county eligible for Conrad 30: the site must be checked, or use a flex slot', () => {
    expect(facilityOnly.length).toBeGreaterThan(3);
    for (const fips of facilityOnly) {
      const site = waiverSiteEligibility('conrad30', { specialty: 'family medicine', siteState: 'CA', siteCountyFips: fips }, data, 7);
      expect(site.status, fips).toBe('check');
      expect(site.pool, fips).toBe('flex');
      expect(site.sentence, fips).toMatch(/check the site/);
    }
  });

  it('calls a county designated as a whole eligible, and names the designation', () => {
    expect(wholeCounty.length).toBeGreaterThan(0);
    for (const fips of wholeCounty) {
      const site = waiverSiteEligibility('conrad30', { specialty: 'family medicine', siteState: 'CA', siteCountyFips: fips }, data, 7);
      expect(site.status, fips).toBe('eligible');
      expect(site.sentence, fips).toMatch(/designated as a whole: .*HPSA/);
    }
  });

  it('sends Los Angeles (tract-level designations) to the census tract', () => {
    const site = waiverSiteEligibility('conrad30', { specialty: 'family medicine', siteState: 'CA', siteCountyFips: '06037' }, data, 7);
    expect(site.status).toBe('check');
    expect(site.sentence).toMatch(/census tract/);
  });

  it('cannot judge an HHS psychiatry waiver without mental-health data, and a California ARC site is outside the region', () => {
    const psychiatry = waiverSiteEligibility(
      'hhs-clinical',
      { specialty: 'psychiatry', siteState: 'CA', siteCountyFips: '06037' },
      data,
      7,
    );
    expect(psychiatry).toMatchObject({ status: 'check' });
    expect(psychiatry.sentence).toMatch(/mental health HPSA data/);
    expect(waiverSiteEligibility('arc', { specialty: 'family medicine', siteState: 'CA', siteCountyFips: '06037' }, data, 7).status).toBe(
      'not-eligible',
    );
  });
});
