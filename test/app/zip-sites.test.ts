// Sites by ZIP: the embedded Census ZCTA → county table in the real DuckDB against the Census file's
// own rows (a committed real excerpt, read here by PapaParse); a pipeline row with only site_zip
// placed in its county, and that county's HPSA designations in the waiver-site check the forecast runs.
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../src/data/engine/engine';
import type { NamedQuery } from '../../src/data/cache/coordinator';
import { zipCounties, zipsStartingWith } from '../../src/data/queries/zip';
import { hasZipColumn, zipCandidates, zipLookupFor } from '../../src/app/common/zip-lookup';
import { readPipelineImport } from '../../src/app/pipeline/import-candidates';
import { siteDesignations, waiverCounties } from '../../src/app/pipeline/waiver-sites';
import { hpsaCoverage, waiverSiteDesignations } from '../../src/data/queries/waiver-sites';
import { siteChecker } from '../../src/model/timing/waiver-sites';
import { readZip, zipPlaces, type ZipLookup, type ZipRow } from '../../src/model/zip';
import { stateByFips } from '../../src/model/workspace';
import { createNodeEngine } from '../helpers/duckdb-node';
import { loadEmbeddedDatasets } from '../helpers/app-data';
import { fixtureRows, type CsvRow } from '../helpers/fixtures';

let db: SqlEngine;
const querier = { query: <Row>(q: NamedQuery<Row>) => db.query<Row>(q.sql, q.params) };

/** The Census file's own rows, by ZCTA. */
const census = fixtureRows('county/census_zcta2020_county2020.csv');
const byZip = new Map<string, CsvRow[]>();
for (const r of census) byZip.set(r.zcta, [...(byZip.get(r.zcta) ?? []), r]);
const primaryOf = (zip: string) => byZip.get(zip)!.find((r) => r.is_primary === '1')!;
const single = [...byZip.entries()].find(([, rows]) => rows.length === 1 && rows[0].state_fips === '10')![0];
const spanning = [...byZip.entries()].find(([, rows]) => rows.length === 3 && new Set(rows.map((r) => r.state_fips)).size === 1)![0];
const crossState = [...byZip.entries()].find(([, rows]) => new Set(rows.map((r) => r.state_fips)).size > 1)![0];

beforeAll(async () => {
  db = await createNodeEngine();
  await loadEmbeddedDatasets(db);
});

describe('the ZIP table against the Census file', () => {
  it('every ZCTA of the excerpt: the same counties, land shares and the county holding most of its land', async () => {
    const rows = await querier.query(zipCounties([...byZip.keys()]));
    expect(rows.length).toBe(census.length);
    const places = zipPlaces(rows);
    for (const [zip, own] of byZip) {
      const place = places.get(zip)!;
      expect(place.counties.map((c) => c.fips).sort()).toEqual(own.map((r) => r.county_fips).sort());
      expect(place.counties[0].fips).toBe(primaryOf(zip).county_fips);
      for (const c of place.counties) expect(c.share).toBeCloseTo(Number(own.find((r) => r.county_fips === c.fips)!.land_share), 6);
    }
  });

  it('the type-ahead lists ZIPs starting with the digits typed, in order, each with its counties', async () => {
    const prefix = single.slice(0, 3);
    const rows = await querier.query<ZipRow>(zipsStartingWith(prefix, 5));
    const zips = [...new Set(rows.map((r) => r.zcta))];
    expect(zips.length).toBe(5);
    expect(zips.every((z) => z.startsWith(prefix))).toBe(true);
    expect(zips).toEqual([...zips].sort());
  });

  it('reads a ZIP as people write it: ZIP+4, nine digits, a dropped leading zero; nothing else', () => {
    expect(['19901', '19901-1234', '199011234', ' 6037 '].map(readZip)).toEqual(['19901', '19901', '19901', '06037']);
    expect(['1990', '199', 'ABCDE', '19901-12', ''].map(readZip)).toEqual(['01990', null, null, null, null]);
    expect(zipCandidates('a,19901-1234,x\nb,6037,2026-11-02')).toEqual(expect.arrayContaining(['19901', '06037']));
  });
});

const HEADER = ['candidate_id', 'profession', 'specialty', 'stage', 'stage_date', 'visa_route'];
const row = (id: string, ...site: string[]) =>
  [id, 'physician', 'family medicine', 'offer', '2026-11-02', 'j1-conrad30', ...site].join(',');

async function importCsv(lines: string[]): Promise<ReturnType<typeof readPipelineImport>> {
  const text = lines.join('\n');
  const zips = (await zipLookupFor(querier, text, hasZipColumn(text))) as ZipLookup;
  return readPipelineImport(text, 'sites.csv', undefined, '2026-12-07', zips);
}

describe('a pipeline row with only site_zip', () => {
  it('lands in the ZIP’s county and state', async () => {
    const { imported, message } = await importCsv([[...HEADER, 'site_zip'].join(','), row('Z-1', single)]);
    expect(message.errors).toEqual([]);
    const county = byZip.get(single)![0].county_fips;
    expect(imported!.map((c) => [c.siteCountyFips, c.siteState])).toEqual([[county, 'DE']]);
  });

  it('a ZIP spanning counties: the county with most of its land, the others named in a note on the row', async () => {
    const { imported, message } = await importCsv([[...HEADER, 'site_zip'].join(','), row('Z-2', spanning)]);
    expect(imported![0].siteCountyFips).toBe(primaryOf(spanning).county_fips);
    expect(message.warnings).toHaveLength(1);
    expect(message.warnings[0]).toMatchObject({ line: 2, column: 'site_zip', value: spanning });
    expect(message.warnings[0].message).toMatch(/spans 3 counties/);
    // Each other county, with its share of the ZIP's land.
    for (const other of byZip.get(spanning)!.filter((r) => r.is_primary !== '1'))
      expect(message.warnings[0].message).toContain(`(${Math.round(Number(other.land_share) * 100) || 'less than 1'}% of its land)`);
  });

  it('a ZIP across a state line takes the county in the row’s state; a county the ZIP is not in is refused', async () => {
    const rows = byZip.get(crossState)!;
    const other = rows.find((r) => r.is_primary !== '1')!;
    const code = stateByFips(other.state_fips)!.code;
    const { imported, message } = await importCsv([
      [...HEADER, 'site_state', 'site_zip', 'site_county_fips'].join(','),
      row('Z-3', code, crossState, ''),
      row('Z-4', '', crossState, '10001' === primaryOf(crossState).county_fips ? '10003' : '10001'),
    ]);
    expect(imported!.map((c) => c.siteCountyFips)).toEqual([other.county_fips]);
    expect(message.errors).toEqual([expect.objectContaining({ line: 3, column: 'site_zip' })]);
  });

  it('an unknown ZIP or a malformed one is listed by line and column, and that row is left out', async () => {
    const { imported, message } = await importCsv([
      [...HEADER, 'ZIP Code'].join(','),
      row('Z-5', '00000'),
      row('Z-6', 'ABCDE'),
      row('Z-7', `${single}-1234`),
    ]);
    expect(imported!.map((c) => c.id)).toEqual(['Z-7']);
    expect(message.errors.map((e) => [e.line, e.column, e.value])).toEqual([
      [2, 'site_zip', '00000'],
      [3, 'site_zip', 'ABCDE'],
    ]);
    expect(message.errors[0].message).toMatch(/not among the Census 2020 ZIP Code Tabulation Areas/);
  });

  it('reads the column under its other names: zip, postal code, ZIP+4', async () => {
    for (const name of ['zip', 'Postal Code', 'ZIP+4']) {
      const { imported } = await importCsv([[...HEADER, name].join(','), row('Z-8', single)]);
      expect(imported![0].siteCountyFips, name).toBe(byZip.get(single)![0].county_fips);
    }
  });

  it('without site_state or site_zip a file is refused, naming the column', async () => {
    const { imported, message } = await importCsv([HEADER.join(','), row('Z-9')]);
    expect(imported).toBeNull();
    expect(message.text).toMatch(/site_state/);
  });
});

describe('the waiver-site check of a site given by ZIP', () => {
  // California's embedded HRSA detail file, read here: the counties a geographic or population HPSA covers whole.
  const hpsa = Papa.parse<Record<string, string>>(
    fs.readFileSync(path.resolve(import.meta.dirname, '../../datasets/hpsa/hpsa_pc_ca_2024-03-27_by_county.csv'), 'utf8'),
    { header: true, skipEmptyLines: true },
  ).data.filter((r) => r['HPSA Status'] !== 'Withdrawn');
  const wholeCounty = (fips: string) =>
    hpsa.some(
      (r) =>
        r['Common State County FIPS Code'] === fips &&
        ['Geographic HPSA', 'High Needs Geographic HPSA', 'HPSA Population'].includes(r['Designation Type']) &&
        r['HPSA Component Type Description'] === 'Single County',
    );

  it('reads the designations of the ZIP’s county, as for a site given by its county code', async () => {
    const zips = ['06011', '06049', '06029'].map((county) => census.find((r) => r.county_fips === county && r.is_primary === '1')!.zcta);
    const { imported } = await importCsv([[...HEADER, 'site_zip'].join(','), ...zips.map((z, i) => row(`W-${i}`, z))]);
    const candidates = imported!;
    expect(candidates.map((c) => c.siteCountyFips)).toEqual(zips.map((z) => primaryOf(z).county_fips));
    const counties = waiverCounties(candidates);
    const [rows, coverage] = await Promise.all([querier.query(waiverSiteDesignations(counties)), querier.query(hpsaCoverage())]);
    const check = siteChecker(siteDesignations(rows, coverage), 7);
    for (const c of candidates) {
      const site = check(c)!;
      expect(site.status === 'eligible', `${c.siteCountyFips}: ${site.sentence}`).toBe(wholeCounty(c.siteCountyFips));
    }
    expect(candidates.some((c) => wholeCounty(c.siteCountyFips))).toBe(true);
  });
});
