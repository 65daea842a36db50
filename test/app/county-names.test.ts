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
} from '../../src/app/county-names';
import { regionLabel } from '../../src/app/labels';
import { Coordinator } from '../../src/data/coordinator';
import { countyNameRows } from '../../src/data/queries/counties';
import { loadEmbeddedDatasets } from '../helpers/app-data';
import { createNodeEngine } from '../helpers/duckdb-node';

// The embedded Census county table, read here without the app's code.
const csv = fs
  .readFileSync(path.resolve(import.meta.dirname, '../../public/datasets/ref/counties.csv'), 'utf8')
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
