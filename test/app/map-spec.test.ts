import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import { describeView, mapSpec, outlinedIds, zoomTarget } from '../../src/app/map/map-spec';
import { Coordinator } from '../../src/data/cache/coordinator';
import { shapesFromTopology, type PrInset, type UsShapes } from '../../src/data/geo';
import type { AreaValue } from '../../src/data/queries/shortage';
import { hpsaSources } from '../../src/data/queries/hpsa-sources';
import { shortageView } from '../../src/app/map/shortage-view';
import { DEFAULT_VIEW, type MapView } from '../../src/model/map-view';
import { loadEmbeddedDatasets } from '../helpers/app-data';
import { createNodeEngine } from '../helpers/duckdb-node';
import { datasetRows } from '../helpers/fixtures';
import { BEYOND_FILL, NO_DATA_FILL } from '../../src/charts/choropleth';
import { legendClasses } from '../../src/charts/legend';
import { rankAreas } from '../../src/app/map/area-rank';
import { areaColumns } from '../../src/app/map/area-columns';
import { mapTable } from '../../src/report/sections/shortage-map';
import { supplyCards } from '../../src/app/map/supply-figures';
import { viewTotalRow } from '../../src/app/map/area-totals';
import { shortageCards } from '../../src/app/map/shortage-cards';

const ROOT = path.resolve(import.meta.dirname, '../..');
const json = <T>(file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as T;

let coordinator: Coordinator;
/** The county map's shapes, and the state map's (each level has its file). */
let shapes: UsShapes;
let stateShapes: UsShapes;
beforeAll(async () => {
  const db = await createNodeEngine();
  await loadEmbeddedDatasets(db);
  coordinator = new Coordinator(db);
  const pr = json<PrInset>('public/datasets/geo/pr-albers-inset.json');
  shapes = shapesFromTopology(json<Topology>('node_modules/us-atlas/counties-albers-10m.json'), 'county', pr);
  stateShapes = shapesFromTopology(json<Topology>('node_modules/us-atlas/states-albers-10m.json'), 'state', pr);
});

const area = { id: 'a1', name: 'Area', counties: ['06019', '06107'], states: ['NV'] };

describe('the map view spec', () => {
  const rowsOf = async (view: MapView) => coordinator.query(shortageView(view, await coordinator.query(hpsaSources())).values);

  it('zooms to California when the county detail loaded covers only California, filter or not', async () => {
    const county: MapView = { ...DEFAULT_VIEW, level: 'county' };
    const rows = await rowsOf(county);
    const states = new Set(rows.map((r) => r.geo.slice(0, 2)));
    expect([...states]).toEqual(['06']); // the embedded HRSA detail file is California's
    expect(zoomTarget(county, rows)).toEqual(rows.map((r) => r.geo));
    const filtered: MapView = { ...county, states: ['CA'] };
    expect(zoomTarget(filtered, await rowsOf(filtered))).toHaveLength(rows.length);
  });

  it('shows the whole country when the rows span more than three states and no region is chosen', async () => {
    for (const view of [DEFAULT_VIEW, { ...DEFAULT_VIEW, metric: 'specialty_physicians', specialty: 'psychiatry' } as MapView]) {
      const rows = await rowsOf(view);
      expect(rows.length).toBe(51);
      expect(zoomTarget(view, rows)).toEqual([]);
      const west: MapView = { ...view, censusRegion: 'West' };
      expect(zoomTarget(west, await rowsOf(west)).length).toBe(13); // the Census West has 13 states
    }
    expect(zoomTarget(DEFAULT_VIEW, [])).toEqual([]);
  });

  it("draws each level from its own file: the state file's states are the county file's, by id and name; never the other level's", () => {
    const counties = json<Topology>('node_modules/us-atlas/counties-albers-10m.json').objects.states as unknown as {
      geometries: { id: string; properties: { name: string } }[];
    };
    const named = (xs: { id: string; name: string }[]) => xs.map((x) => `${x.id} ${x.name}`).sort();
    expect(named(stateShapes.areas.filter((s) => s.id !== '72'))).toEqual(
      named(counties.geometries.map((g) => ({ id: g.id, name: g.properties.name }))),
    );
    expect(stateShapes.areas.map((s) => s.id)).toContain('72'); // Puerto Rico, inset
    expect(stateShapes.borders).toBeUndefined();
    expect(shapes.borders?.type).toBe('MultiLineString');
    expect(() => mapSpec({ view: DEFAULT_VIEW, rows: [], shapes, area: undefined, main: null })).toThrow(
      /state map cannot be drawn with the county shapes/,
    );
  });

  it("outlines the service area's counties and its whole states' counties, or their states at state level", () => {
    const nevadaCounties = shapes.areas.filter((c) => c.id.startsWith('32')).map((c) => c.id);
    expect(nevadaCounties.length).toBeGreaterThan(10);
    expect([...outlinedIds(area, shapes)].sort()).toEqual(['06019', '06107', ...nevadaCounties].sort());
    expect([...outlinedIds(area, stateShapes)].sort()).toEqual(['06', '32']);
    expect(outlinedIds(undefined, shapes).size).toBe(0);
  });

  it('colours every row, titles the map and says the figures’ source and date in the title and the legend', async () => {
    const county: MapView = { ...DEFAULT_VIEW, level: 'county' };
    const row = (geo: string, name: string, value: number | null): AreaValue => ({
      ...NO_FIGURES,
      geo,
      name,
      state: 'CA',
      value,
      as_of: '2024-03-27',
    });
    const rows = [row('06019', 'Fresno, CA', 12.5), row('06107', 'Tulare, CA', null)];
    const sources = await coordinator.query(hpsaSources());
    const { main } = shortageView(county, sources);
    const spec = mapSpec({ view: county, rows, shapes, area, main });
    expect(spec.heading).toBe('Practitioners needed (FTE) — Primary Care');
    expect(spec.vintage).toBe('HRSA detail file as of 2024-03-27 (CA only)');
    expect(spec.title).toBe(
      'Map of counties coloured by Practitioners needed (FTE) — Primary Care (HRSA detail file as of 2024-03-27 (CA only)); the figures are in the table below',
    );
    expect(spec.values.get('06019')).toBe(12.5);
    expect(spec.values.get('06107')).toBeNull();
    expect(spec.zoomTo).toEqual(['06019', '06107']);
    const fresno = shapes.areas.find((c) => c.id === '06019')!;
    expect(spec.tooltip(fresno, 12.5)).toBe('Fresno, CA: 12.5 — full-time practitioners needed to remove the designations');
    expect(spec.tooltip(fresno, null)).toBe('Fresno, CA: no designation in the loaded detail file');
    expect(spec.legend.format(1234.56)).toBe('1,234.6');
    expect(spec.legend).toMatchObject({ vintage: 'HRSA detail file as of 2024-03-27 (CA only)' });
    expect(spec.shapes).toBe(shapes.areas);
    const partial = shortageView({ ...DEFAULT_VIEW, asOf: '2025-03-31' }, sources).main;
    expect(mapSpec({ view: DEFAULT_VIEW, rows: [], shapes: stateShapes, area, main: partial }).legend).toMatchObject({
      vintage: 'HRSA state summary as of 2025-03-31 (partial: 28 of 51 states)',
      noData: 'not in this table (partial: 28 of 51 states)',
    });
  });
});

const NO_FIGURES: AreaValue = {
  geo: '',
  name: '',
  state: '',
  value: null,
  as_of: null,
  designations: null,
  fte_needed: null,
  population: null,
  need_met: null,
  max_score: null,
  weighted_score: null,
  shared_designations: null,
  other_as_of: null,
  other_designations: null,
  other_fte_needed: null,
  other_population: null,
};

describe('areas the map cannot draw, and a single class', () => {
  const row = (geo: string, name: string, value: number | null): AreaValue => ({ ...NO_FIGURES, geo, name, value, designations: value });
  const county: MapView = { ...DEFAULT_VIEW, level: 'county', metric: 'designations' };

  it("names the areas with a figure that have no shape, in a state the map draws (Connecticut's planning regions), not the island areas", () => {
    const ids = new Set(shapes.areas.map((s) => s.id));
    // Connecticut's 2022 planning regions: not among the map's counties, which are the old eight.
    expect(ids.has('09110')).toBe(false);
    expect(ids.has('09001')).toBe(true);
    const rows = [
      row('06019', 'Fresno County, CA', 12),
      row('09110', 'Capitol Planning Region, CT', 8),
      row('09120', 'Greater Bridgeport Planning Region, CT', null),
      row('66010', 'Guam, GU', 3),
    ];
    const spec = mapSpec({ view: county, rows, shapes, area: undefined, main: null });
    expect(spec.legend.notDrawn).toBe(
      "In the table, not on the map (no shape of theirs on this map's counties): Capitol Planning Region, CT.",
    );
    const many = Array.from({ length: 9 }, (_, i) => row(`0911${i}`, `Region ${i}, CT`, i + 1));
    expect(mapSpec({ view: county, rows: many, shapes, area: undefined, main: null }).legend.notDrawn).toMatch(
      /: Region 0, CT; Region 1, CT; Region 2, CT; Region 3, CT; Region 4, CT; Region 5, CT and 3 more\.$/,
    );
    expect(mapSpec({ view: county, rows: rows.slice(0, 1), shapes, area: undefined, main: null }).legend.notDrawn).toBeUndefined();
  });

  it('gives a single class its range in the legend, not "no values to show" beside a coloured area', () => {
    const one = mapSpec({
      view: { ...DEFAULT_VIEW, metric: 'designations' },
      rows: [row('06', 'California', 611)],
      shapes: stateShapes,
      area: undefined,
      main: null,
    });
    expect(one.scale.color(611)).toBe(one.scale.colors[0]);
    expect(legendClasses(one.scale, one.legend.format)).toEqual(['611']);
    // Seven zeros and one 5: every class bound the quantiles give is 0, so one class holds 0 to 5.
    const fips = ['06019', '06107', '06029', '06039', '06047', '06031', '06077', '06099'];
    const flat = mapSpec({
      view: county,
      rows: fips.map((f, i) => row(f, f, i === 7 ? 5 : 0)),
      shapes,
      area: undefined,
      main: null,
    });
    expect(flat.scale.thresholds).toEqual([]);
    expect(legendClasses(flat.scale, flat.legend.format)).toEqual(['0 to 5']);
    expect(legendClasses(mapSpec({ view: county, rows: [], shapes, area: undefined, main: null }).scale, String)).toEqual([]);
  });
});

describe('the view in words (under the report’s map)', () => {
  it('says the level once and the states filtered as a place, not “States · states: …”', () => {
    const words = describeView({ ...DEFAULT_VIEW, level: 'state', states: ['AK', 'AZ'] });
    expect(words[0]).toBe('States');
    expect(words).toContain('in AK, AZ');
    expect(words.join(' · ')).not.toMatch(/states:/i);
  });
});

describe('people per primary-care physician where no physician is counted (the most severe shortages)', () => {
  // Counted here from the embedded source, not from the app: Texas counties with people and 0 physicians in the 2025 release.
  const texas = datasetRows('county/supply_chr2025.csv').filter((r) => r.fips.startsWith('48') && r.fips !== '48000');
  const none = texas.filter((r) => r.pcp === '0' && Number(r.pcp_population) > 0).map((r) => r.fips);
  const withRatio = texas.filter((r) => Number(r.pcp) > 0);
  const view: MapView = { ...DEFAULT_VIEW, level: 'county', metric: 'supply_pop_per_pcp', states: ['TX'] };

  it('draws them as their own darkest class, named in the legend, never the no-data grey', async () => {
    expect(none).toContain('48009'); // Archer County: 8,835 people, 0 physicians
    expect(none.length).toBe(37);
    const rows = await coordinator.query(shortageView(view, []).values);
    const spec = mapSpec({ view, rows, shapes, area: undefined, main: null });
    for (const fips of none) {
      expect(spec.values.get(fips)).toBe(Infinity);
      expect(spec.scale.color(spec.values.get(fips))).toBe(BEYOND_FILL);
    }
    expect(spec.scale.beyond?.label).toMatch(/^no primary-care physician counted/);
    const colours = new Set(withRatio.map((r) => spec.scale.color(spec.values.get(r.fips))));
    expect(colours.has(BEYOND_FILL)).toBe(false);
    expect(colours.has(NO_DATA_FILL)).toBe(false);
    const archer = shapes.areas.find((c) => c.id === '48009')!;
    expect(spec.tooltip(archer, Infinity)).toBe('Archer County, TX: no primary-care physician counted, 2022 (8,835 people)');
  });

  it('ranks them first, ahead of every finite ratio, with the words in place of a ratio, on the screen, in the CSV and in the report', async () => {
    const rows = await coordinator.query(shortageView(view, []).values);
    const ranked = rankAreas(view, rows);
    expect(new Set(ranked.slice(0, none.length).map((r) => r.geo))).toEqual(new Set(none));
    expect(ranked.slice(none.length).every((r) => r.value != null && r.value > 0)).toBe(true);
    const highest = Math.max(...withRatio.map((r) => Number(r.pcp_population) / Number(r.pcp)));
    expect(ranked[none.length].value).toBeCloseTo(highest, 6);
    const [valueColumn] = areaColumns(view, null, null);
    expect(valueColumn.value(ranked[0])).toBe('no primary-care physician counted');
    const table = mapTable({ view, rows: ranked, main: null, companion: null, heading: '', vintage: '', svg: '', legend: '' });
    const archer = table.rows.find((r) => r[2] === '48009')!;
    expect(archer[0]).toBeLessThanOrEqual(none.length);
    expect(archer[3]).toBe('no primary-care physician counted');
  });
});

describe('practitioners needed (FTE) where HRSA gives no FTE figure (California’s FQHC and tribal designations)', () => {
  // Counted here from the embedded detail file: counties whose current designations all have "HPSA Shortage" blank.
  const current = datasetRows('hpsa/hpsa_pc_ca_2024-03-27_by_county.csv').filter(
    (r) => ['Designated', 'Proposed For Withdrawal'].includes(r['HPSA Status']) && r['Common State County FIPS Code'] !== 'XXXXX',
  );
  // Each designation once per county (the file has a row per designation and county).
  const byCounty = new Map<string, Map<string, Record<string, string>>>();
  for (const r of current) {
    const fips = r['Common State County FIPS Code'];
    byCounty.set(fips, (byCounty.get(fips) ?? new Map<string, Record<string, string>>()).set(r['HPSA ID'], r));
  }
  const noFte = [...byCounty].filter(([, rs]) => [...rs.values()].every((r) => r['HPSA Shortage'] === '')).map(([fips]) => fips);
  const view: MapView = { ...DEFAULT_VIEW, level: 'county', states: ['CA'] };

  it('draws them as no data, says why in the legend and the tooltip, shows no FTE in the table or the report, and opens the legend on a real class', async () => {
    expect(noFte).toEqual(expect.arrayContaining(['06075', '06085', '06097'])); // San Francisco, Santa Clara, Sonoma
    const sources = await coordinator.query(hpsaSources());
    const { main, values } = shortageView(view, sources);
    const rows = await coordinator.query(values);
    const spec = mapSpec({ view, rows, shapes, area: undefined, main });
    for (const fips of noFte) {
      expect(spec.values.get(fips), fips).toBeNull();
      expect(spec.scale.color(spec.values.get(fips))).toBe(NO_DATA_FILL);
    }
    expect(spec.legend.noData).toMatch(/^no FTE figure: .*designations without an FTE figure/);
    const sf = shapes.areas.find((c) => c.id === '06075')!;
    expect(spec.tooltip(sf, null)).toBe(
      `San Francisco County, CA: ${byCounty.get('06075')!.size} designations without an FTE figure in HRSA's file: no FTE figure`,
    );
    // The lowest class holds a value: its bound is above the lowest FTE shown (no "under 0.0").
    const shown = rows.map((r) => r.value).filter((v): v is number => v != null);
    expect(spec.scale.thresholds[0]).toBeGreaterThan(Math.min(...shown));
    expect(legendClasses(spec.scale, spec.legend.format)[0]).not.toBe('under 0.0');
    expect(spec.scale.colors.length).toBe(spec.scale.thresholds.length + 1);
    // Table, CSV and report: the same columns, no 0.0 for unknown, and how many designations lack a figure.
    const columns = areaColumns(view, main, null);
    const missing = columns.find((c) => c.key === 'fte_missing')!;
    const table = mapTable({ view, rows: rankAreas(view, rows), main, companion: null, heading: '', vintage: '', svg: '', legend: '' });
    const valueAt = table.columns.findIndex((c) => c.label.startsWith('Practitioners needed (FTE)'));
    const missingAt = table.columns.findIndex((c) => c.label === missing.label);
    for (const fips of noFte) {
      const row = table.rows.find((r) => r[2] === fips)!;
      expect(row[valueAt]).toBeNull();
      expect(row[missingAt]).toBe(byCounty.get(fips)!.size);
    }
  });
});

describe('filters that exclude each other', () => {
  it('say that no county matches them, naming them, not that the counties shown have no figure', async () => {
    // Texas is not in HHS Region 9: counted from the embedded states table.
    const states = datasetRows('ref/states.csv');
    expect(states.filter((s) => s.state === 'TX' && s.hhs_region === '9')).toEqual([]);
    const view: MapView = { ...DEFAULT_VIEW, level: 'county', metric: 'supply_pcp_per_100k', states: ['TX'], hhsRegion: '9' };
    const q = shortageView(view, []);
    expect(await coordinator.query(q.values)).toEqual([]);
    const totals = await coordinator.query(q.supply!);
    const [rate] = supplyCards(view, totals);
    expect(rate.label).toBe('primary-care physicians per 100,000 people, 2022: no county matches the filters (in TX · HHS Region 9)');
    expect(viewTotalRow(view, undefined, totals)?.label).toBe('No county matches the filters (in TX · HHS Region 9)');
    // A view with counties but no figure (Connecticut, 2022) still says so.
    const ct: MapView = { ...view, states: ['CT'], hhsRegion: '' };
    const [ctRate] = supplyCards(ct, await coordinator.query(shortageView(ct, []).supply!));
    expect(ctRate.label).toBe('primary-care physicians per 100,000 people, 2022: none of the counties shown has a figure');
  });
});

describe('areas without a figure', () => {
  /** WCAG relative luminance and contrast of two #rrggbb colours. */
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5]
      .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a: string, b: string) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };

  it('are hatched, not a flat grey a lightest class could be mistaken for (#e9ecef against #eff3ff: 1.07)', async () => {
    const view: MapView = { ...DEFAULT_VIEW, level: 'county', metric: 'supply_pcp_per_100k' };
    const spec = mapSpec({ view, rows: await coordinator.query(shortageView(view, []).values), shapes, area: undefined, main: null });
    const noData = spec.scale.color(null);
    expect(noData).toBe(NO_DATA_FILL);
    if (/^#[0-9a-f]{6}$/i.test(noData)) for (const c of spec.scale.colors) expect(contrast(noData, c), c).toBeGreaterThanOrEqual(1.5);
    else expect(noData).toBe('url(#atlas-no-data)');
    expect(contrast('#e9ecef', '#eff3ff')).toBeLessThan(1.1); // the review's case
  });

  it('Puerto Rico on the provider maps: neither release has it, and the legend says so', async () => {
    // Counted from the embedded sources: no row of Puerto Rico (FIPS 72) in either release.
    for (const file of ['county/supply_chr2025.csv', 'county/supply_chr2022.csv'])
      expect(datasetRows(file).filter((r) => r.fips.startsWith('72'))).toEqual([]);
    const view: MapView = { ...DEFAULT_VIEW, level: 'county', metric: 'supply_pcp_per_100k' };
    const rows = await coordinator.query(shortageView(view, []).values);
    const pr = shapes.areas.filter((c) => c.id.startsWith('72'));
    expect(pr.length).toBeGreaterThan(70);
    const spec = mapSpec({ view, rows, shapes, area: undefined, main: null });
    for (const c of pr) expect(spec.scale.color(spec.values.get(c.id))).toBe(NO_DATA_FILL);
    expect(spec.legend.noData).toMatch(/Puerto Rico: in neither release/);
  });
});

describe('HRSA summary cards, filters that exclude each other', () => {
  it('say that no state or county matches them, naming them; a view whose places exist keeps its own label', async () => {
    const states = datasetRows('ref/states.csv');
    // Counted from the embedded states table: Texas is in no HHS Region 9, California is.
    expect(states.filter((s) => s.state === 'TX' && s.hhs_region === '9')).toEqual([]);
    expect(states.filter((s) => s.state === 'CA' && s.hhs_region === '9')).toHaveLength(1);
    const places = states.map((s) => ({
      state: s.state,
      census_region: s.census_region,
      census_division: s.census_division,
      hhs_region: s.hhs_region,
    }));
    const sources = await coordinator.query(hpsaSources());
    for (const level of ['state', 'county'] as const) {
      const view: MapView = { ...DEFAULT_VIEW, level, metric: 'fte_needed', states: ['TX'], hhsRegion: '9' };
      const [summary] = await coordinator.query(shortageView(view, sources).summary!);
      const [first] = shortageCards(view, summary, places);
      expect(first[2]).toBe(`Primary Care designations: no ${level} matches the filters (in TX · HHS Region 9)`);
      const ca: MapView = { ...view, states: ['CA'] };
      const [caFirst] = shortageCards(ca, (await coordinator.query(shortageView(ca, sources).summary!))[0], places);
      expect(caFirst[2]).not.toMatch(/matches the filters/);
    }
  });
});
