import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  countyLabel,
  countyLabelsFor,
  countyNameMap,
  countyNamesFromLabels,
  findCounty,
  searchCounties,
  siteLabel,
  type CountyNames,
} from '../../src/app/common/county-names';
import { regionLabel } from '../../src/app/common/labels';
import { readPipelineImport } from '../../src/app/pipeline/import-candidates';
import { Coordinator } from '../../src/data/cache/coordinator';
import { countyNameRows } from '../../src/data/queries/counties';
import { loadEmbeddedDatasets } from '../helpers/app-data';
import { createNodeEngine } from '../helpers/duckdb-node';

// The embedded Census county table, read here without the app's code.
const csv = fs
  .readFileSync(path.resolve(import.meta.dirname, '../../datasets/ref/counties.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(','));
const inCsv = (state: string, prefix: string) => csv.filter(([, s, name]) => s === state && name.startsWith(prefix)).length;

let names: CountyNames;
beforeAll(async () => {
  const db = await createNodeEngine();
  await loadEmbeddedDatasets(db);
  const coordinator = new Coordinator(db);
  const rows = await coordinator.query(countyNameRows());
  names = countyNameMap(rows);
  expect(countyNameMap(rows)).toBe(names); // built once per rows array
});

describe('county names', () => {
  it('names every county of the Census table as "Name County, ST"', () => {
    expect(names.size).toBe(csv.length);
    expect(countyLabel('06029', names)).toBe('Kern County, CA');
    expect(countyLabel('22071', names)).toBe('Orleans Parish, LA');
    expect(countyLabel('99999', names)).toBe('County 99999');
    expect(siteLabel({ siteState: 'CA', siteCountyFips: '06037' }, names)).toBe('Los Angeles County, CA');
    expect(siteLabel({ siteState: 'CA', siteCountyFips: '' }, names)).toBe('CA');
    expect(regionLabel({ kind: 'county', fips: '06019' }, [], names)).toBe('Fresno County, CA');
    expect(regionLabel({ kind: 'site', name: 'Valley Clinic', state: 'CA', countyFips: '06107' }, [], names)).toBe(
      'Valley Clinic (Tulare County, CA)',
    );
  });

  it('finds counties as a person types them', () => {
    expect(searchCounties('kern', names).map((c) => c.label)).toEqual(['Kern County, CA']);
    const sanCa = searchCounties('san ca', names, 100);
    expect(sanCa.length).toBe(inCsv('CA', 'San')); // San Benito … San Mateo, and the Santas
    expect(sanCa.every((c) => c.state === 'CA' && c.label.startsWith('San'))).toBe(true);
    expect(searchCounties('los angeles county, ca', names).map((c) => c.fips)).toEqual(['06037']);
    expect(searchCounties('', names)).toEqual([]);
    expect(searchCounties('zzz', names)).toEqual([]);
  });

  it('resolves what was typed to one county, or to none when it is ambiguous', () => {
    expect(findCounty('Kern County, CA', names)?.fips).toBe('06029');
    expect(findCounty('kern', names)?.fips).toBe('06029');
    expect(findCounty('06029', names)?.label).toBe('Kern County, CA');
    expect(findCounty('Orange County', names)).toBeUndefined(); // CA, FL, IN, NY, NC, TX, VT, VA
    expect(findCounty('Orange County, FL', names)?.fips).toBe('12095');
    expect(findCounty('Atlantis', names)).toBeUndefined();
  });

  it('carries labels into the report as plain data and back', () => {
    const labels = countyLabelsFor(['06029', '99999'], names);
    expect(labels).toEqual({ '06029': 'Kern County, CA' });
    expect(countyLabel('06029', countyNamesFromLabels(labels))).toBe('Kern County, CA');
  });
});

describe('a pipeline CSV with sites written by county name', () => {
  const header =
    'candidate_id,profession,specialty,stage,stage_date,visa_route,site_state,site_county_fips,expected_start,country_of_training,languages,gender,ecfmg_certified,licence_status,ascpi';
  const row = (id: string, county: string) =>
    `${id},physician,internal medicine,interview,2026-10-01,us-authorized,CA,"${county}",,India,English,female,yes,,`;

  it('reads "Kern County", "Fresno County, CA" and codes alike, and names a county it cannot find by line and column', () => {
    const csv = [
      header,
      row('A', 'Kern County'),
      row('B', 'Fresno County, CA'),
      row('C', '06107'),
      row('D', 'Atlantis'),
      row('E', 'Lane County, OR'),
    ].join('\n');
    const { imported, message } = readPipelineImport(csv, 'names.csv', names);
    expect(imported?.map((c) => [c.id, c.siteCountyFips])).toEqual([
      ['A', '06029'],
      ['B', '06019'],
      ['C', '06107'],
    ]);
    expect(message.errors.map((e) => [e.line, e.column])).toEqual([
      [5, 'site_county_fips'],
      [6, 'site_county_fips'],
    ]);
    expect(message.errors[0].message).toMatch(/no single county is named “Atlantis” in CA/);
    expect(message.errors[1].message).toMatch(/not in CA/); // Lane County is in Oregon
    // Without the names (as before), a name is not a code.
    expect(readPipelineImport(csv, 'names.csv').imported?.map((c) => c.id)).toEqual(['C']);
  });
});
