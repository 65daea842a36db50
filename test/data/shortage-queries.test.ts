import { describe, it, expect, beforeAll } from 'vitest';
import type { SqlEngine } from '../../src/data/engine/engine';
import { hpsaSources } from '../../src/data/queries/hpsa-sources';
import {
  areaDesignations,
  areaValues,
  filterOptions,
  shortageSummary,
  type AreaValue,
  type ShortageSummary,
} from '../../src/data/queries/shortage';
import { DEFAULT_VIEW, type MapView } from '../../src/model/map-view';
import { companionSource, mainSource, sourceLabel, type HpsaSource } from '../../src/model/hpsa-sources';
import { createNodeEngine } from '../helpers/duckdb-node';
import { loadEmbeddedDatasets, loadFile, setPipeline } from '../helpers/app-data';
import { bytes, hpsaCsv } from '../helpers/hpsa-fixture';
import { CA_EXCERPT, CA_EXCERPT_COUNTIES, datasetRows, fixtureBytes, fixtureRows, type CsvRow } from '../helpers/fixtures';

let db: SqlEngine;
const run = <T>(q: { sql: string; params?: unknown[] }) => db.query<T>(q.sql, q.params);
const EMBEDDED_HPSA = 'hpsa/hpsa_pc_ca_2024-03-27_by_county.csv';
const AREA_TYPES = ['Geographic HPSA', 'High Needs Geographic HPSA', 'HPSA Population'];
const designated = (r: CsvRow) => r['HPSA Status'] === 'Designated' || r['HPSA Status'] === 'Proposed For Withdrawal';

/** Independent answers from a PapaParse of HRSA's own rows: designations per county, each once. */
function byCounty(rows: CsvRow[]) {
  const counties = new Map<string, Map<string, CsvRow>>();
  const ids = new Map<string, CsvRow>();
  const spans = new Map<string, Set<string>>();
  for (const r of rows) {
    spans.set(r['HPSA ID'], (spans.get(r['HPSA ID']) ?? new Set()).add(r['Common State County FIPS Code']));
    if (!designated(r)) continue;
    ids.set(r['HPSA ID'], r);
    const fips = r['Common State County FIPS Code'];
    if (fips === 'XXXXX') continue;
    if (!counties.has(fips)) counties.set(fips, new Map());
    counties.get(fips)!.set(r['HPSA ID'], r);
  }
  return { counties, ids, spans };
}
const fteOf = (rs: Iterable<CsvRow>) => [...rs].reduce((t, r) => t + (Number(r['HPSA Shortage']) || 0), 0);
const popOf = (rs: Iterable<CsvRow>) =>
  [...rs].filter((r) => AREA_TYPES.includes(r['Designation Type'])).reduce((t, r) => t + Number(r['HPSA Designation Population'] || 0), 0);

async function viewRows(view: MapView) {
  const sources = await run<HpsaSource>(hpsaSources());
  const main = mainSource(view, sources);
  const companion = companionSource(view, main, sources);
  return { main, companion, rows: await run<AreaValue>(areaValues(view, main, companion)) };
}

describe('the first screen: every state from HRSA’s published summary, the detail file beside it', () => {
  const summary = datasetRows('national/hpsa_state_summary.csv');
  beforeAll(async () => {
    db = await createNodeEngine();
    await loadEmbeddedDatasets(db);
  });

  it('lists the loaded sources: seven summary tables and California’s detail file', async () => {
    const sources = await run<HpsaSource>(hpsaSources());
    expect(sources.filter((s) => s.kind === 'summary').length).toBe(7);
    const detail = sources.filter((s) => s.kind === 'detail');
    expect(detail).toEqual([expect.objectContaining({ discipline: 'Primary Care', asOf: '2024-03-27', states: 1, stateList: 'CA' })]);
    expect(sourceLabel(detail[0])).toBe('HRSA detail file as of 2024-03-27 (CA only)');
  });

  it('colours every state and DC from the newest complete summary, never from the detail file', async () => {
    const { main, companion, rows } = await viewRows(DEFAULT_VIEW);
    expect(main).toMatchObject({ kind: 'summary', asOf: '2021-12-31', states: 51 });
    expect(companion).toMatchObject({ kind: 'detail', asOf: '2024-03-27' });
    expect(rows.length).toBe(51);
    const published = summary.filter((r) => r.discipline === 'Primary Care' && r.as_of === '2021-12-31' && r.state !== 'US');
    for (const r of rows) {
      const p = published.find((x) => x.state === r.state)!;
      expect(r.value).toBe(Number(p.practitioners_needed));
      expect(r.designations).toBe(Number(p.designations));
      expect(r.as_of).toBe('2021-12-31');
    }
    const tx = rows.find((r) => r.state === 'TX')!;
    expect([tx.value, tx.designations, tx.population, tx.other_as_of]).toEqual([991, 429, 7_381_169, null]);
  });

  it('shows California’s 2024-03-27 detail aggregate beside its summary figure, separately labelled', async () => {
    const { rows } = await viewRows(DEFAULT_VIEW);
    const ca = rows.find((r) => r.state === 'CA')!;
    expect([ca.value, ca.designations, ca.as_of]).toEqual([1398, 646, '2021-12-31']);
    // PROVENANCE.md: the file has 611 distinct designated HPSA IDs (no proposed-for-withdrawal rows).
    expect(ca.other_designations).toBe(611);
    expect(ca.other_as_of).toBe('2024-03-27');
  });

  it('names the vintage the view asks for, with % of need met only where HRSA published it', async () => {
    const needMet = await viewRows({ ...DEFAULT_VIEW, metric: 'need_met' });
    expect(needMet.main).toMatchObject({ asOf: '2021-09-30' });
    expect(needMet.rows.find((r) => r.state === 'TX')!.value).toBe(58.19);
    const partial = await viewRows({ ...DEFAULT_VIEW, asOf: '2025-03-31' });
    expect(sourceLabel(partial.main!)).toBe('HRSA state summary as of 2025-03-31 (partial: 28 of 51 states)');
    expect(partial.rows.filter((r) => r.value !== null).length).toBe(28);
    expect(partial.rows.find((r) => r.state === 'TX')).toBeUndefined();
    const mh = await viewRows({ ...DEFAULT_VIEW, discipline: 'Mental Health' });
    expect(mh.main).toMatchObject({ asOf: '2025-03-31', states: 29 });
    const dental = await viewRows({ ...DEFAULT_VIEW, discipline: 'Dental Health', metric: 'designations' });
    expect(dental.main).toMatchObject({ asOf: '2025-02-18' });
    expect(dental.rows.find((r) => r.state === 'TX')!.value).toBe(265);
  });

  it('summary cards add the table’s states and give its published US row', async () => {
    const sources = await run<HpsaSource>(hpsaSources());
    const view = { ...DEFAULT_VIEW, asOf: '2021-09-30' };
    const [s] = await run<ShortageSummary>(shortageSummary(view, mainSource(view, sources)));
    expect([s.us_designations, s.us_population, s.us_fte_needed]).toEqual([7447, 83_711_000, 14_858]);
    // Shown on the map: 50 states, DC and the 5 inhabited territories in the Census list (not FM, MH, PW).
    expect(s.areas).toBe(56);
    const [south] = await run<ShortageSummary>(shortageSummary({ ...view, censusRegion: 'South' }, mainSource(view, sources)));
    expect(south.areas).toBe(17);
  });

  it('workforce metrics: AAMC rates and counts for every state, BLS employment only where published', async () => {
    const img = await run<AreaValue>(areaValues({ ...DEFAULT_VIEW, metric: 'img_share' }));
    expect(img.length).toBe(51);
    expect(img.find((r) => r.state === 'TX')).toMatchObject({ value: 25.9, as_of: '2018-12-31' });
    const psych = await run<AreaValue>(areaValues({ ...DEFAULT_VIEW, metric: 'specialty_physicians', specialty: 'psychiatry' }));
    expect(psych.find((r) => r.state === 'TX')!.value).toBe(2064);
    const cardiology = await run<AreaValue>(areaValues({ ...DEFAULT_VIEW, metric: 'specialty_physicians', specialty: 'cardiology' }));
    expect(cardiology).toEqual([]);
    const wage = await run<AreaValue>(areaValues({ ...DEFAULT_VIEW, metric: 'lab_wage', censusRegion: 'Northeast' }));
    expect(wage.map((r) => r.state).sort()).toEqual(['CT', 'MA', 'ME', 'NH', 'NJ', 'NY', 'PA', 'RI', 'VT']);
    expect(wage.every((r) => r.as_of === '2023-05')).toBe(true);
    const jobs = await run<AreaValue>(areaValues({ ...DEFAULT_VIEW, metric: 'lab_employment' }));
    expect(jobs.map((r) => r.state).sort()).toEqual(['DC', 'DE', 'IL', 'IN', 'MD', 'MI', 'NJ', 'NY', 'OH', 'PA', 'WI']);
    const may2023 = await run<AreaValue>(areaValues({ ...DEFAULT_VIEW, metric: 'lab_employment', asOf: '2023-05' }));
    expect(may2023.map((r) => [r.state, r.value, r.as_of])).toEqual([
      ['NY', 17770, '2023-05'],
      ['CT', 3840, '2023-05'],
      ['OR', 3430, '2023-05'],
    ]);
  });

  it('lists states with their Census and HHS regions for the filters; filters by HHS region', async () => {
    const states = await run<{ state: string; hhs_region: number }>(filterOptions());
    expect(states.find((s) => s.state === 'CA')).toMatchObject({ census_region: 'West', census_division: 'Pacific', hhs_region: 9 });
    const rows = await run<AreaValue>(areaValues({ ...DEFAULT_VIEW, metric: 'lab_wage', hhsRegion: '9' }));
    expect(rows.map((r) => r.state).sort()).toEqual(['AZ', 'CA', 'HI', 'NV']);
  });

  it('puts the workspace pipeline in a table and counts it by region', async () => {
    const { regionPipeline } = await import('../../src/data/queries/shortage');
    const { syntheticCandidates } = await import('../../src/model/pipeline/synthetic');
    const candidates = syntheticCandidates(400);
    await setPipeline(db, candidates);
    const ca = await run<{ specialty: string; active: number; arrived: number }>(regionPipeline({ ...DEFAULT_VIEW, states: ['CA'] }));
    const inCa = candidates.filter((c) => c.siteState === 'CA');
    expect(ca.reduce((s, r) => s + r.active, 0)).toBe(inCa.filter((c) => c.stage !== 'arrived' && c.stage !== 'withdrawn').length);
    expect(ca.reduce((s, r) => s + r.arrived, 0)).toBe(inCa.filter((c) => c.stage === 'arrived').length);
    await setPipeline(db, 100_000);
    const all = await run<{ active: number; arrived: number }>(regionPipeline(DEFAULT_VIEW));
    expect(all.reduce((s, r) => s + r.active + r.arrived, 0)).toBe(100_000 - 10_000); // 1 in 10 is withdrawn
    await setPipeline(db, []);
    expect(await run(regionPipeline(DEFAULT_VIEW))).toEqual([]);
  });
});

describe('California’s embedded detail table against HRSA’s own rows (a real excerpt of the 2024-03-27 file)', () => {
  const raw = fixtureRows(CA_EXCERPT);
  const expected = byCounty(raw);
  const county: MapView = { ...DEFAULT_VIEW, level: 'county' };
  beforeAll(async () => {
    db = await createNodeEngine();
    await loadEmbeddedDatasets(db);
  });

  it('county figures: designations, FTE and population counted once per designation', async () => {
    const { rows } = await viewRows(county);
    for (const fips of CA_EXCERPT_COUNTIES) {
      const ids = expected.counties.get(fips);
      const r = rows.find((x) => x.geo === fips);
      if (!ids) {
        expect(r, fips).toBeUndefined();
        continue;
      }
      expect(r, fips).toBeDefined();
      expect(r!.designations).toBe(ids.size);
      expect(r!.fte_needed).toBeCloseTo(fteOf(ids.values()), 2);
      expect(r!.population).toBe(popOf(ids.values()));
      expect(r!.as_of).toBe('2024-03-27');
    }
  });

  it('FTE: summed over the designations with a figure, none where none has one (never 0 for unknown), those without counted beside', async () => {
    // HRSA leaves "HPSA Shortage" blank for most FQHC and tribal designations: counted here from the embedded file.
    const all = byCounty(datasetRows(EMBEDDED_HPSA));
    const hasFte = (r: CsvRow) => r['HPSA Shortage'] !== '';
    const { rows } = await viewRows(county);
    expect(rows.length).toBe(all.counties.size);
    let none = 0;
    for (const [fips, ids] of all.counties) {
      const r = rows.find((x) => x.geo === fips)!;
      const withFte = [...ids.values()].filter(hasFte);
      expect(r.fte_missing, fips).toBe(ids.size - withFte.length);
      if (withFte.length) expect(r.fte_needed, fips).toBeCloseTo(fteOf(withFte), 2);
      else {
        expect(r.fte_needed, fips).toBeNull();
        expect(r.value, fips).toBeNull();
        none++;
      }
    }
    // San Francisco, Santa Clara and Sonoma: every designation without an FTE figure.
    for (const fips of ['06075', '06085', '06097']) expect(rows.find((x) => x.geo === fips)!.fte_needed).toBeNull();
    expect(none).toBeGreaterThanOrEqual(3);
    // The state from the detail file: the same rule, each designation once.
    const state = await viewRows({ ...DEFAULT_VIEW, asOf: 'detail' });
    const ca = state.rows.find((r) => r.state === 'CA')!;
    const ids = [...all.ids.values()];
    expect(ca.fte_needed).toBeCloseTo(fteOf(ids.filter(hasFte)), 2);
    expect(ca.fte_missing).toBe(ids.filter((r) => !hasFte(r)).length);
    const [summary] = await run<ShortageSummary>(shortageSummary(county, state.main));
    expect(summary.fte_missing).toBe(ids.filter((r) => !hasFte(r)).length);
  });

  it('a designation spanning counties counts whole in each and is flagged as shared; it counts once in the state', async () => {
    const { rows } = await viewRows(county);
    // The excerpt holds whole designations, so how many counties each spans is exact.
    for (const fips of CA_EXCERPT_COUNTIES) {
      const ids = [...(expected.counties.get(fips)?.keys() ?? [])];
      const shared = ids.filter((id) => expected.spans.get(id)!.size > 1).length;
      expect(rows.find((x) => x.geo === fips)?.shared_designations ?? 0, fips).toBe(shared);
    }
    // 1062720461 spans Nevada (06057) and Placer (06061) counties.
    expect(expected.spans.get('1062720461')).toEqual(new Set(['06057', '06061']));
    for (const fips of ['06057', '06061']) expect(rows.find((x) => x.geo === fips)!.shared_designations).toBeGreaterThanOrEqual(1);
    const listed = await run<{ hpsa_id: string; n_counties: number; counties: string }>(areaDesignations(county, '06057'));
    expect(listed.find((d) => d.hpsa_id === '1062720461')).toMatchObject({ n_counties: 2 });
    const state = await run<{ hpsa_id: string }>(areaDesignations({ ...county, level: 'state' }, '06'));
    expect(state.filter((d) => d.hpsa_id === '1062720461').length).toBe(1);
  });

  it('keeps HRSA’s component count: the embedded rows add up to the file’s 2,365 designated and 5,076 withdrawn components', () => {
    const components = new Map<string, number>();
    for (const r of datasetRows(EMBEDDED_HPSA))
      components.set(r['HPSA Status'], (components.get(r['HPSA Status']) ?? 0) + Number(r['HPSA Component Name'].split(' ')[0]));
    const rows = [...components].sort().map(([status, n]) => ({ status, components: n }));
    // Counts published in ../shared/datasets/real/PROVENANCE.md for the whole file.
    expect(rows).toEqual([
      { status: 'Designated', components: 2365 },
      { status: 'Withdrawn', components: 5076 },
    ]);
  });

  it('a detail file loaded for the excerpt gives the same county figures as the embedded table', async () => {
    const fresh = await createNodeEngine();
    await loadEmbeddedDatasets(fresh);
    const result = await loadFile(fresh, fixtureBytes(CA_EXCERPT), 'BCD_HPSA_FCT_DET_PC.csv');
    expect(result.summary).toMatch(
      new RegExp(
        `^${new Set(raw.map((r) => r['HPSA ID'])).size} designations \\(designated ${expected.ids.size}, withdrawn \\d+\\) in ${raw.length} component rows$`,
      ),
    );
    const [fromFile, embedded] = await Promise.all([
      (async () => {
        const sources = await fresh.query<HpsaSource>(hpsaSources().sql);
        const main = mainSource(county, sources);
        const q = areaValues(county, main, null);
        return fresh.query<AreaValue>(q.sql, q.params);
      })(),
      viewRows(county).then((v) => v.rows.filter((r) => CA_EXCERPT_COUNTIES.includes(r.geo))),
    ]);
    // The excerpt's whole counties: every row of theirs is in it.
    const whole = fromFile.filter((r) => CA_EXCERPT_COUNTIES.includes(r.geo));
    expect(whole.length).toBe(CA_EXCERPT_COUNTIES.length);
    const figures = (r: AreaValue) => [r.geo, r.designations, r.fte_needed, r.population, r.shared_designations];
    expect(whole.map(figures).sort()).toEqual(embedded.map(figures).sort());
    // At state level the file's designations (including facilities with no county) count once each.
    const state = await (async () => {
      const sources = await fresh.query<HpsaSource>(hpsaSources().sql);
      const main = mainSource(DEFAULT_VIEW, sources);
      const q = areaValues(DEFAULT_VIEW, main, companionSource(DEFAULT_VIEW, main, sources));
      return fresh.query<AreaValue>(q.sql, q.params);
    })();
    const ca = state.find((r) => r.state === 'CA')!;
    expect(ca.other_designations).toBe(expected.ids.size);
    expect(ca.other_fte_needed).toBeCloseTo(fteOf(expected.ids.values()), 2);
    expect(ca.other_population).toBe(popOf(expected.ids.values()));
  });
});

describe('a national detail file replaces the state summary on the map, labelled with its date', () => {
  // Built with HRSA's real header: one designation per state and DC (two in Texas), dated 2025-12-31.
  const states = datasetRows('ref/states.csv').filter((s) => s.is_state_or_dc === 'true');
  const rows = states.flatMap((s, i) =>
    ['1', ...(s.state === 'TX' ? ['2'] : [])].map((n) => ({
      'HPSA ID': `${s.state_fips}9999${n}`,
      'Primary State Abbreviation': s.state,
      'Common State County FIPS Code': `${s.state_fips}001`,
      'HPSA Shortage': String(i + 1),
      'Data Warehouse Record Create Date': '12/31/2025',
      'Data Warehouse Record Create Date Text': '12/31/2025',
    })),
  );

  it('colours every state from the file, with the newest complete summary beside it', async () => {
    const fresh = await createNodeEngine();
    await loadEmbeddedDatasets(fresh);
    await loadFile(fresh, bytes(hpsaCsv(rows)), 'BCD_HPSA_FCT_DET_PC.csv');
    const sources = await fresh.query<HpsaSource>(hpsaSources().sql);
    const main = mainSource(DEFAULT_VIEW, sources)!;
    expect(sourceLabel(main)).toBe('HRSA detail file as of 2025-12-31');
    const companion = companionSource(DEFAULT_VIEW, main, sources);
    expect(companion).toMatchObject({ kind: 'summary', asOf: '2021-12-31' });
    const q = areaValues(DEFAULT_VIEW, main, companion);
    const values = await fresh.query<AreaValue>(q.sql, q.params);
    expect(values.length).toBe(51);
    const tx = values.find((r) => r.state === 'TX')!;
    const txIndex = states.findIndex((s) => s.state === 'TX');
    expect([tx.value, tx.designations, tx.as_of]).toEqual([2 * (txIndex + 1), 2, '2025-12-31']);
    // The summary's figure beside it, under its own date: 991 practitioners needed as of 2021-12-31.
    expect([tx.other_fte_needed, tx.other_designations, tx.other_as_of]).toEqual([991, 429, '2021-12-31']);
  });
});
