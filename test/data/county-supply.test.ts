// Providers by county, state and nation: the app's queries on the embedded tables (the real DuckDB,
// opened as the browser opens them) against County Health Rankings & Roadmaps' own rows, read here by
// PapaParse from committed real excerpts (test/fixtures/county), and from the whole files when
// ../shared is beside the project. The independent totals: the nation row against the sum of the
// states, each state against the sum of its counties (Connecticut aside), each rate against count ÷
// population × 100,000 and the published rate.
import { describe, it, expect, beforeAll } from 'vitest';
import fc from 'fast-check';
import path from 'node:path';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { SqlEngine } from '../../src/data/engine/engine';
import {
  areaSupply,
  countyTrend,
  placeSupply,
  supplySummary,
  supplyValues,
  type AreaSupplyRow,
  type PlaceSupplyRow,
  type SupplyTotal,
  type TrendRow,
} from '../../src/data/queries/county-supply';
import type { AreaValue } from '../../src/data/queries/shortage';
import { SUPPLY_MEASURES, SUPPLY_RELEASES, type SupplyMeasure } from '../../src/model/county-supply';
import { areaColumns } from '../../src/app/map/area-columns';
import { DEFAULT_VIEW, type MapView, type Metric } from '../../src/model/map-view';
import { createNodeEngine } from '../helpers/duckdb-node';
import { loadEmbeddedDatasets } from '../helpers/app-data';
import { DATASETS, fixtureRows, type CsvRow } from '../helpers/fixtures';
import { FULL_FILE_ONLY, SHARED_REAL, parseRows, sharedAvailable } from '../helpers/shared';

let db: SqlEngine;
const run = <T>(q: { sql: string; params?: unknown[] }) => db.query<T>(q.sql, q.params);

const NEW = 'county/county_provider_supply_ahrf2022_npi2024_chr2025.csv';
const OLD = 'county/county_provider_supply_ahrf2019_chr2022.csv';
const chr2025 = fixtureRows(NEW);
const chr2022 = fixtureRows(OLD);
const num = (v: string | undefined) => (v === undefined || v === '' || v === 'NA' ? null : Number(v));
const STATE_CODES: Record<string, string> = { '01': 'AL', '02': 'AK', '09': 'CT', '10': 'DE', '44': 'RI', '50': 'VT' };
const EXCERPT_STATES = Object.keys(STATE_CODES);

const view = (metric: Metric, over: Partial<MapView> = {}): MapView => ({ ...DEFAULT_VIEW, level: 'county', metric, ...over });
const pcp2022 = (r: CsvRow) => num(r.pcp_n_2022);
const sum = (rows: CsvRow[], f: (r: CsvRow) => number | null) => rows.reduce((t, r) => t + (f(r) ?? 0), 0);

beforeAll(async () => {
  db = await createNodeEngine();
  await loadEmbeddedDatasets(db);
});

describe('the 2025 release (AHRF 2022 physicians, NPPES 2024) against its own rows', () => {
  const states = chr2025.filter((r) => r.geo_level === 'state');
  const nation = chr2025.find((r) => r.geo_level === 'nation')!;

  it('the nation row: 253,985 primary-care physicians for 333,287,557 people, 76.21 per 100,000 (CHR’s published national value)', () => {
    expect([pcp2022(nation), num(nation.pop_2022), num(nation.pcp_per_100k_2022)]).toEqual([253_985, 333_287_557, 76.21]);
    expect(Math.round((253_985 / 333_287_557) * 1e5 * 100) / 100).toBe(76.21);
  });

  it('nation = sum of the 51 states for NPPES providers; for physicians and dentists the gap is Connecticut’s, which no state row gives', async () => {
    expect(states.length).toBe(51);
    expect(sum(states, (r) => num(r.mhp_n_npi))).toBe(num(nation.mhp_n_npi));
    expect(sum(states, (r) => num(r.other_pcp_n_npi))).toBe(num(nation.other_pcp_n_npi));
    const ct = states.find((r) => r.fips === '09000')!;
    expect(pcp2022(ct)).toBeNull();
    // The app's state-level totals: the 50 states with a figure summed, Connecticut said missing, the nation's own row beside.
    const [shown] = await run<SupplyTotal>(supplySummary(view('supply_pcp_per_100k', { level: 'state' })));
    expect(shown.providers).toBe(sum(states, pcp2022));
    expect(shown.people).toBe(sum(states, (r) => num(r.pop_2022)));
    expect([shown.areas, shown.missing, shown.missing_ids]).toEqual([50, 1, '09000']);
    expect(shown.nation_providers).toBe(253_985);
    expect(shown.nation_people).toBe(333_287_557);
    expect(shown.providers).toBeLessThan(shown.nation_providers!);
  });

  it('each excerpted state equals the sum of its counties (AHRF counts and populations exactly); Connecticut has none', async () => {
    for (const st of EXCERPT_STATES) {
      const state = states.find((r) => r.fips === `${st}000`)!;
      const counties = chr2025.filter((r) => r.geo_level === 'county' && r.fips.startsWith(st));
      const [app] = await run<SupplyTotal>(supplySummary(view('supply_pcp_per_100k', { states: [STATE_CODES[st]] })));
      if (st === '09') {
        expect(sum(counties, pcp2022)).toBe(0);
        expect(app.providers).toBeNull();
        expect(app.missing).toBe(8); // the eight old counties the map draws; the planning regions have no figure either
        continue;
      }
      expect(sum(counties, pcp2022)).toBe(pcp2022(state));
      expect(app.providers).toBe(pcp2022(state));
      expect(app.people).toBe(num(state.pop_2022));
      expect(app.value).toBeCloseTo((pcp2022(state)! / num(state.pop_2022)!) * 1e5, 9);
      const [dentists] = await run<SupplyTotal>(supplySummary(view('supply_dentists_per_100k', { states: [STATE_CODES[st]] })));
      expect(dentists.providers).toBe(num(state.dentists_n_2023));
      // NPPES counts: the state row also counts providers with no county, so it is at least the counties' sum.
      const [mhp] = await run<SupplyTotal>(supplySummary(view('supply_mhp_per_100k', { states: [STATE_CODES[st]] })));
      expect(mhp.providers).toBe(sum(counties, (r) => num(r.mhp_n_npi)));
      expect(mhp.providers).toBeLessThanOrEqual(num(state.mhp_n_npi)!);
    }
  });

  it('every excerpted county: the count and population as published, the rate = count ÷ population × 100,000 = the published rate', async () => {
    const rows = await run<AreaValue>(supplyValues(view('supply_pcp_per_100k', { states: Object.values(STATE_CODES) })));
    const byGeo = new Map(rows.map((r) => [r.geo, r]));
    let checked = 0;
    for (const c of chr2025.filter((r) => r.geo_level === 'county' && pcp2022(r) !== null)) {
      const app = byGeo.get(c.fips === '02063' || c.fips === '02066' ? '02261' : c.fips);
      expect(app, c.fips).toBeDefined();
      if (c.fips === '02063' || c.fips === '02066') continue;
      expect([app!.providers, app!.people, app!.as_of]).toEqual([pcp2022(c), num(c.pop_2022), '2022']);
      expect(app!.value).toBeCloseTo((pcp2022(c)! / num(c.pop_2022)!) * 1e5, 9);
      expect(Math.abs(app!.value! - num(c.pcp_per_100k_2022)!)).toBeLessThanOrEqual(0.005);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('people per physician: population ÷ count, as CHR’s ratio; none where no physician is counted', async () => {
    const rows = await run<AreaValue>(supplyValues(view('supply_pop_per_pcp', { states: ['AL', 'AK'] })));
    for (const c of chr2025.filter((r) => r.geo_level === 'county' && (r.fips.startsWith('01') || r.fips.startsWith('02')))) {
      const app = rows.find((r) => r.geo === c.fips);
      if (!app || pcp2022(c) === null) continue;
      if (pcp2022(c) === 0) expect(app.value).toBeNull();
      else expect(Math.abs(app.value! - num(c.pop_per_pcp_2022)!)).toBeLessThanOrEqual(0.051);
    }
  });

  it('Alaska’s Valdez-Cordova shape gets Chugach + Copper River (counts and people summed, the rate from the sums)', async () => {
    const parts = chr2025.filter((r) => r.fips === '02063' || r.fips === '02066');
    const [vc] = (await run<AreaValue>(supplyValues(view('supply_pcp_per_100k', { states: ['AK'] })))).filter((r) => r.geo === '02261');
    expect(vc.providers).toBe(sum(parts, pcp2022));
    expect(vc.people).toBe(sum(parts, (r) => num(r.pop_2022)));
    expect(vc.value).toBeCloseTo((sum(parts, pcp2022) / sum(parts, (r) => num(r.pop_2022))) * 1e5, 9);
  });
});

describe('the 2022 release (AHRF 2019 physicians), beside the 2025 one and never added to it', () => {
  it('each excerpted county: the 2019 count and the published rate (over the 2019 population the builder recovered)', async () => {
    const rows = await run<AreaValue>(supplyValues(view('supply_pcp_per_100k', { states: Object.values(STATE_CODES) })));
    let checked = 0;
    for (const c of chr2022.filter((r) => r.county !== '' && num(r.pcp_n) !== null)) {
      const app = rows.find((r) => r.geo === c.fips)!;
      expect(app.other_as_of).toBe('2019');
      expect(app.other_providers).toBe(num(c.pcp_n));
      expect(Math.abs(app.other_value! - num(c.pcp_per_100k)!)).toBeLessThan(1e-3);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('Connecticut’s old counties: 2019 figures, no 2022 figure; the map view of 2019 colours them', async () => {
    const rows = await run<AreaValue>(supplyValues(view('supply_pcp_per_100k', { states: ['CT'] })));
    expect(rows.map((r) => r.geo).sort()).toEqual(['09001', '09003', '09005', '09007', '09009', '09011', '09013', '09015']);
    expect(rows.every((r) => r.value === null && r.other_providers !== null)).toBe(true);
    const fairfield = chr2022.find((r) => r.fips === '09001')!;
    const old = await run<AreaValue>(supplyValues(view('supply_pcp_per_100k', { states: ['CT'], asOf: '2019' })));
    const f = old.find((r) => r.geo === '09001')!;
    expect([f.as_of, f.providers, f.other_as_of, f.other_providers]).toEqual(['2019', num(fairfield.pcp_n), null, null]);
  });

  it('other primary-care providers (a rate only in that release): the recovered count gives back the published rate', async () => {
    const [al] = await run<PlaceSupplyRow>(placeSupply('01001')).then((rows) =>
      rows.filter((r) => r.fips === '01001' && r.measure === 'other_pcp' && r.release === 2022),
    );
    const published = chr2022.find((r) => r.fips === '01001')!;
    expect(al.people).toBe(num(published.population_2020));
    expect(Math.abs(al.per_100k! - num(published.other_pcp_per_100k)!)).toBeLessThan(1e-3);
  });

  it('the model’s years of each release are the tables’ own', async () => {
    for (const [i, r] of SUPPLY_RELEASES.entries())
      for (const m of SUPPLY_MEASURES) {
        const years = await db.query<{ y: number }>(`SELECT DISTINCT ${m}_year::INTEGER AS y FROM ${r.table} WHERE ${m} IS NOT NULL`);
        expect(
          years.map((y) => y.y),
          `${i} ${m}`,
        ).toEqual([r.years[m]]);
      }
  });
});

describe('a service area adds up: counts summed, the rate from the sums, each release on its own', () => {
  const al = chr2025.filter((r) => r.geo_level === 'county' && r.fips.startsWith('01'));

  it('any set of Alabama counties: the app’s sum equals the rows’ sum; the rate is the sums’ ratio, not an average of rates', async () => {
    await fc.assert(
      fc.asyncProperty(fc.subarray(al, { minLength: 1, maxLength: 12 }), async (picked) => {
        const rows = await run<AreaSupplyRow>(
          areaSupply(
            picked.map((r) => r.fips),
            [],
          ),
        );
        const pcp = rows.find((r) => r.measure === 'pcp' && r.release === 2025)!;
        expect(pcp.providers).toBe(sum(picked, pcp2022));
        expect(pcp.people).toBe(sum(picked, (r) => num(r.pop_2022)));
        expect(pcp.per_100k).toBeCloseTo((sum(picked, pcp2022) / sum(picked, (r) => num(r.pop_2022))) * 1e5, 9);
        expect(pcp.missing_ids).toBe('');
      }),
      { numRuns: 15 },
    );
  });

  it('a whole state counts by its own row; a county inside it is not counted twice; a county without a figure is named', async () => {
    const rows = await run<AreaSupplyRow>(areaSupply(['09001', '10001'], ['RI']));
    const pcp = rows.find((r) => r.measure === 'pcp' && r.release === 2025)!;
    const ri = chr2025.find((r) => r.fips === '44000')!;
    const kent = chr2025.find((r) => r.fips === '10001')!;
    expect(pcp.providers).toBe(pcp2022(ri)! + pcp2022(kent)!);
    expect(pcp.missing_ids).toBe('09001');
    const older = rows.find((r) => r.measure === 'pcp' && r.release === 2022)!;
    const old = (fips: string) => num(chr2022.find((r) => r.fips === fips)!.pcp_n)!;
    expect(older.providers).toBe(old('09001') + old('10001') + old('44000'));
    expect(older.missing_ids).toBe('');
  });
});

describe('a county’s trend, 2014–2021 (Urban Institute, from AHRF)', () => {
  const trend = fixtureRows('county/county_pop_per_pcp_ahrf_2014-2021.csv');
  it('the ratio of every year as published; “NA” is no ratio, 0 no physician', async () => {
    for (const fips of ['10001', '02261', '02063', '44005']) {
      const own = trend.filter((r) => `${r.state}${r.county}` === fips).sort((a, b) => Number(a.year) - Number(b.year));
      const rows = await run<TrendRow>(countyTrend(fips));
      expect(rows.map((r) => [r.year, r.pop_per_pcp])).toEqual(own.map((r) => [Number(r.year), num(r.ratio_population_pc_physician)]));
    }
  });
});

describe('the map’s county level, nothing uploaded', () => {
  it('colours at least 3,000 of the county shapes it draws', async () => {
    const atlas = createRequire(import.meta.url)('us-atlas/counties-albers-10m.json') as {
      objects: { counties: { geometries: { id: string }[] } };
    };
    const shapes = new Set(atlas.objects.counties.geometries.map((g) => g.id));
    const rows = await run<AreaValue>(supplyValues(view('supply_pcp_per_100k')));
    const coloured = rows.filter((r) => r.value !== null && shapes.has(r.geo));
    expect(coloured.length).toBeGreaterThanOrEqual(3000);
    // Every shape but Connecticut's eight old counties (no 2022 figure).
    expect([...shapes].filter((id) => !coloured.some((r) => r.geo === id)).sort()).toEqual([
      '09001',
      '09003',
      '09005',
      '09007',
      '09009',
      '09011',
      '09013',
      '09015',
    ]);
  });
});

describe.skipIf(!sharedAvailable)(`the whole files (${FULL_FILE_ONLY})`, () => {
  it('every county of the 2025 release: count and population as published; each state = the sum of its counties', async () => {
    const all = parseRows(path.join(SHARED_REAL, NEW));
    const rows = await run<AreaValue>(supplyValues(view('supply_pcp_per_100k')));
    const byGeo = new Map(rows.map((r) => [r.geo, r]));
    const counties = all.filter((r) => r.geo_level === 'county' && pcp2022(r) !== null && !['02063', '02066'].includes(r.fips));
    expect(counties.length).toBe(3133);
    for (const c of counties)
      expect([byGeo.get(c.fips)?.providers, byGeo.get(c.fips)?.people], c.fips).toEqual([pcp2022(c), num(c.pop_2022)]);
    for (const s of all.filter((r) => r.geo_level === 'state' && r.fips !== '09000'))
      expect(
        sum(
          all.filter((r) => r.geo_level === 'county' && r.fips.startsWith(s.fips.slice(0, 2))),
          pcp2022,
        ),
        s.fips,
      ).toBe(pcp2022(s));
  });
});

describe('each population is labelled with its own vintage, not the figures’ year', () => {
  // The source column each measure's population is read from, named by its year in CHR&R's own files.
  const SOURCE_POPULATION: Record<number, Partial<Record<SupplyMeasure, string>>> = {
    2025: { pcp: 'pop_2022', dentists: 'pop_2023', mhp: 'pop_2023', other_pcp: 'pop_2023' },
    2022: { dentists: 'population_2020', mhp: 'population_2020', other_pcp: 'population_2020' },
  };
  const sources: Record<number, CsvRow[]> = { 2025: chr2025, 2022: chr2022 };
  const metricOf: Record<SupplyMeasure, Metric> = {
    pcp: 'supply_pcp_per_100k',
    dentists: 'supply_dentists_per_100k',
    mhp: 'supply_mhp_per_100k',
    other_pcp: 'supply_other_pcp_per_100k',
  };

  it('the population shown is the source column of the year in the label (NPPES 2024 over Census Vintage 2023)', async () => {
    for (const [i, release] of SUPPLY_RELEASES.entries())
      for (const m of SUPPLY_MEASURES) {
        const column = SOURCE_POPULATION[release.release][m];
        if (!column) continue; // the 2022 release's 2019 physician population is recovered, not published
        expect(release.populations[m], `${release.release} ${m}`).toMatch(new RegExp(`\\b${column.slice(-4)}$`));
        const v = view(metricOf[m], { asOf: i === 0 ? '' : String(release.years[m]) });
        const rows = new Map((await run<AreaValue>(supplyValues(v))).map((r) => [r.geo, r]));
        const counties = sources[release.release].filter(
          (r) => r.fips.length === 5 && !r.fips.endsWith('000') && num(r[column]) !== null && rows.get(r.fips)?.people != null,
        );
        expect(counties.length, `${release.release} ${m}`).toBeGreaterThan(20);
        for (const c of counties) expect(rows.get(c.fips)!.people, `${release.release} ${m} ${c.fips}`).toBe(num(c[column]));
        const [, , , people, , , otherPeople] = areaColumns(v, null, null);
        expect(people.label).toBe(`Population, ${release.populations[m]}`);
        expect(otherPeople.label).toMatch(/^Population, /);
      }
    // The mental-health column no longer claims a 2024 population.
    const [, , , people] = areaColumns(view('supply_mhp_per_100k'), null, null);
    expect(people.label).toBe('Population, Census Vintage 2023');
    // The manifest says the same of the release.
    const manifest = JSON.parse(fs.readFileSync(path.join(DATASETS, 'manifest.json'), 'utf8')) as {
      datasets: { table: string; vintage: string }[];
    };
    expect(manifest.datasets.find((d) => d.table === 'supply_chr2025')!.vintage).toContain(
      `over ${SUPPLY_RELEASES[0].populations.mhp} population`,
    );
  });
});
