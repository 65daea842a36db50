import { describe, it, expect, beforeAll } from 'vitest';
import type { SqlEngine } from '../../src/data/engine';
import { loadUserFile } from '../../src/data/datasets';
import { areaDesignations, areaValues, filterOptions, shortageSummary, type AreaValue } from '../../src/data/queries/shortage';
import { DEFAULT_VIEW, type MapView } from '../../src/model/map-view';
import { createNodeEngine } from '../helpers/duckdb-node';
import { loadEmbeddedDatasets } from '../helpers/app-data';
import { CA_PC_EXCERPT, parseRows, readExcerpt } from '../helpers/shared';

let db: SqlEngine;
const run = <T>(q: { sql: string; params?: unknown[] }) => db.query<T>(q.sql, q.params);
const AREA_TYPES = ['Geographic HPSA', 'High Needs Geographic HPSA', 'HPSA Population'];

describe('shortage queries on the embedded datasets', () => {
  beforeAll(async () => {
    db = await createNodeEngine();
    await loadEmbeddedDatasets(db);
  });

  it('lists states with their Census and HHS regions for the filters', async () => {
    const states = await run<{ state: string; hhs_region: number }>(filterOptions());
    expect(states.length).toBeGreaterThanOrEqual(52);
    expect(states.find((s) => s.state === 'CA')).toMatchObject({ census_region: 'West', census_division: 'Pacific', hhs_region: 9 });
  });

  it('gives state-level specialty gaps and lab workforce for every state', async () => {
    const gap = await run<AreaValue>(areaValues({ ...DEFAULT_VIEW, level: 'state', metric: 'specialty_gap', specialty: 'psychiatry' }));
    expect(gap.length).toBe(51);
    expect(gap.every((r) => r.geo.length === 2 && r.estimate)).toBe(true);
    const wage = await run<AreaValue>(areaValues({ ...DEFAULT_VIEW, level: 'state', metric: 'lab_wage', censusRegion: 'Northeast' }));
    expect(wage.map((r) => r.state).sort()).toEqual(['CT', 'MA', 'ME', 'NH', 'NJ', 'NY', 'PA', 'RI', 'VT']);
    expect(wage.every((r) => (r.value ?? 0) > 30_000)).toBe(true);
    // Per 100k only where BLS publishes employment (never the flat population-share estimate).
    const lab = await run<AreaValue>(areaValues({ ...DEFAULT_VIEW, level: 'state', metric: 'lab_per_100k' }));
    expect(lab.map((r) => r.state).sort()).toEqual(['DC', 'DE', 'IL', 'IN', 'MD', 'MI', 'NJ', 'NY', 'OH', 'PA', 'WI']);
    expect(new Set(lab.map((r) => r.value)).size).toBeGreaterThan(5);
  });

  it('puts the workspace pipeline in a table and counts it by region', async () => {
    const { syncPipelineTable, generatePipelineTable } = await import('../../src/data/pipeline-table');
    const { regionPipeline } = await import('../../src/data/queries/shortage');
    const { syntheticCandidates } = await import('../../src/model/pipeline/synthetic');
    const candidates = syntheticCandidates(400);
    await syncPipelineTable(db, candidates);
    const ca = await run<{ specialty: string; active: number; arrived: number }>(regionPipeline({ ...DEFAULT_VIEW, states: ['CA'] }));
    const inCa = candidates.filter((c) => c.siteState === 'CA');
    expect(ca.reduce((s, r) => s + r.active, 0)).toBe(inCa.filter((c) => c.stage !== 'arrived' && c.stage !== 'withdrawn').length);
    expect(ca.reduce((s, r) => s + r.arrived, 0)).toBe(inCa.filter((c) => c.stage === 'arrived').length);
    await generatePipelineTable(db, 100_000);
    const all = await run<{ active: number; arrived: number }>(regionPipeline(DEFAULT_VIEW));
    expect(all.reduce((s, r) => s + r.active + r.arrived, 0)).toBe(100_000 - 10_000); // 1 in 10 is withdrawn
    await syncPipelineTable(db, []);
    expect(await run(regionPipeline(DEFAULT_VIEW))).toEqual([]);
  });

  it('filters by HHS region', async () => {
    const rows = await run<AreaValue>(areaValues({ ...DEFAULT_VIEW, level: 'state', metric: 'lab_wage', hhsRegion: '9' }));
    expect(rows.map((r) => r.state).sort()).toEqual(['AZ', 'CA', 'HI', 'NV']);
  });
});

describe('shortage queries against real HRSA California rows (committed excerpt)', () => {
  const parsed = parseRows(CA_PC_EXCERPT);
  // Independent answers, computed in JS from the raw rows.
  function expected(pred: (r: Record<string, string>) => boolean) {
    const byCounty = new Map<string, Map<string, Record<string, string>>>();
    const ids = new Map<string, Record<string, string>>();
    for (const r of parsed.filter(pred)) {
      ids.set(r['HPSA ID'], r);
      const fips = r['Common State County FIPS Code'];
      if (fips === 'XXXXX') continue;
      if (!byCounty.has(fips)) byCounty.set(fips, new Map());
      byCounty.get(fips)!.set(r['HPSA ID'], r);
    }
    return { byCounty, ids };
  }
  const designated = (r: Record<string, string>) => r['HPSA Status'] === 'Designated' || r['HPSA Status'] === 'Proposed For Withdrawal';
  const view: MapView = DEFAULT_VIEW;

  beforeAll(async () => {
    db = await createNodeEngine();
    await loadEmbeddedDatasets(db);
    await loadUserFile(db, readExcerpt(), 'BCD_HPSA_FCT_DET_PC.csv');
  });

  it('county values: designations and FTE needed per county match the raw file', async () => {
    const rows = await run<AreaValue>(areaValues({ ...view, metric: 'designations' }));
    const { byCounty } = expected(designated);
    expect(rows.length).toBe(byCounty.size);
    for (const r of rows) {
      const ids = byCounty.get(r.geo)!;
      expect(r.designations).toBe(ids.size);
      expect(r.value).toBe(ids.size);
      const fte = [...ids.values()].reduce((s, x) => s + (Number(x['HPSA Shortage']) || 0), 0);
      expect(r.fte_needed ?? 0).toBeCloseTo(fte, 1);
    }
    expect(rows.find((r) => r.geo === '06037')?.name).toBe('Los Angeles County, CA');
  });

  it('state values count a multi-county designation once, and include facilities with no county code', async () => {
    const [ca] = await run<AreaValue>(areaValues({ ...view, level: 'state', metric: 'designations' }));
    expect(ca.geo).toBe('06');
    const { ids } = expected(designated);
    expect(ca.designations).toBe(ids.size);
    // Fewer than the county rows add up to: a designation spanning counties counts once.
    const perCounty = (await run<AreaValue>(areaValues({ ...view, metric: 'designations' }))).reduce(
      (s, r) => s + (r.designations ?? 0),
      0,
    );
    expect(ca.designations).toBeLessThan(
      perCounty + parsed.filter((r) => designated(r) && r['Common State County FIPS Code'] === 'XXXXX').length,
    );
  });

  it('summary totals equal independent counts, with populations from area designations only', async () => {
    const [s] = await run<{ designations: number; fte_needed: number; population: number; areas: number }>(shortageSummary(view));
    const { ids, byCounty } = expected(designated);
    expect(s.designations).toBe(ids.size);
    expect(s.areas).toBe(byCounty.size);
    const all = [...ids.values()];
    expect(s.fte_needed).toBeCloseTo(
      all.reduce((t, x) => t + (Number(x['HPSA Shortage']) || 0), 0),
      1,
    );
    expect(s.population).toBe(
      all.filter((x) => AREA_TYPES.includes(x['Designation Type'])).reduce((t, x) => t + Number(x['HPSA Designation Population'] || 0), 0),
    );
  });

  it('filters by status, designation type and rurality', async () => {
    const [withdrawn] = await run<{ designations: number }>(shortageSummary({ ...view, statuses: ['Withdrawn'] }));
    expect(withdrawn.designations).toBe(expected((r) => r['HPSA Status'] === 'Withdrawn').ids.size);
    const [facility] = await run<{ designations: number }>(shortageSummary({ ...view, designationClass: 'facility' }));
    expect(facility.designations).toBe(expected((r) => designated(r) && !AREA_TYPES.includes(r['Designation Type'])).ids.size);
    const rural = await run<AreaValue>(areaValues({ ...view, rural: 'rural' }));
    const metro = await run<AreaValue>(areaValues({ ...view, rural: 'metro' }));
    const all = await run<AreaValue>(areaValues(view));
    expect(rural.length + metro.length).toBe(all.length);
    expect(rural.find((r) => r.geo === '06037')).toBeUndefined();
  });

  it('lists a county’s designations for the details panel', async () => {
    const rows = await run<{ hpsa_id: string; status: string }>(areaDesignations(view, '06037'));
    expect(rows.length).toBe(expected(designated).byCounty.get('06037')!.size);
    expect(new Set(rows.map((r) => r.status))).not.toContain('Withdrawn');
  });

  it('a state filter outside the loaded data gives no rows', async () => {
    expect(await run(areaValues({ ...view, states: ['TX'] }))).toEqual([]);
  });
});

describe('service-area shortage figures (committed excerpt)', () => {
  beforeAll(async () => {
    db = await createNodeEngine();
    await loadEmbeddedDatasets(db);
    await loadUserFile(db, readExcerpt(), 'BCD_HPSA_FCT_DET_PC.csv');
  });

  it('sums FTE needed once per designation over the area’s counties', async () => {
    const { serviceAreaShortage } = await import('../../src/data/queries/service-area');
    const rows = await run<{ source: string; name: string; fte_needed: number; designations: number; estimate: boolean }>(
      serviceAreaShortage({ id: 'sa', name: 'Central Valley', counties: ['06019', '06107'], states: [] }),
    );
    const hpsa = rows.find((r) => r.source === 'HPSA')!;
    const raw = parseRows(CA_PC_EXCERPT);
    const ids = new Map<string, Record<string, string>>();
    for (const r of raw)
      if (r['HPSA Status'] === 'Designated' && ['06019', '06107'].includes(r['Common State County FIPS Code'])) ids.set(r['HPSA ID'], r);
    expect(hpsa.designations).toBe(ids.size);
    expect(hpsa.fte_needed).toBeCloseTo(
      [...ids.values()].reduce((s, r) => s + (Number(r['HPSA Shortage']) || 0), 0),
      1,
    );
    const psych = rows.find((r) => r.source === 'specialty gap' && r.name === 'psychiatry')!;
    expect(psych.estimate).toBe(true);
    expect(Number.isFinite(psych.fte_needed)).toBe(true);
    expect(rows.some((r) => r.source === 'lab workforce gap')).toBe(true);
  });

  it('an empty service area has no HPSA figures', async () => {
    const { serviceAreaShortage } = await import('../../src/data/queries/service-area');
    expect(await run(serviceAreaShortage({ id: 'e', name: 'Empty', counties: [], states: [] }))).toEqual([]);
  });
});
