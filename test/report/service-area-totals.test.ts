// A service area's own totals, as page one of the report states them, from the real DuckDB on the
// embedded datasets, against counts made here from HRSA's own rows (the committed California excerpt)
// and HRSA's published state summary rows.
import { describe, it, expect, beforeAll } from 'vitest';
import type { SqlEngine } from '../../src/data/engine/engine';
import type { NamedQuery } from '../../src/data/cache/coordinator';
import { gatherServiceAreaTotals, sumDesignations } from '../../src/app/map/service-area-totals';
import type { DesignationRow } from '../../src/data/queries/shortage';
import { areaTotalCards, areaTotalRow } from '../../src/app/map/area-totals';
import { DEFAULT_VIEW, type MapView } from '../../src/model/map-view';
import { formatNumber } from '../../src/model/format';
import type { ServiceArea } from '../../src/model/types';
import { createNodeEngine } from '../helpers/duckdb-node';
import { loadEmbeddedDatasets } from '../helpers/app-data';
import { CA_EXCERPT, CA_EXCERPT_COUNTIES, datasetRows, fixtureRows, type CsvRow } from '../helpers/fixtures';

let db: SqlEngine;
const querier = { query: <Row>(q: NamedQuery<Row>) => db.query<Row>(q.sql, q.params) };
const area = (counties: string[], states: string[] = []): ServiceArea => ({ id: 'sa', name: 'Area', counties, states });
const AREA_TYPES = ['Geographic HPSA', 'High Needs Geographic HPSA', 'HPSA Population'];

beforeAll(async () => {
  db = await createNodeEngine();
  await loadEmbeddedDatasets(db);
});

describe('a service area’s totals from California’s detail file', () => {
  const raw = fixtureRows(CA_EXCERPT);
  /** Designated and proposed-for-withdrawal designations touching the counties, each once, with their figures whole. */
  function expected(counties: string[]) {
    const ids = new Map<string, CsvRow>();
    const countiesOf = new Map<string, Set<string>>();
    for (const r of raw) {
      const id = r['HPSA ID'];
      countiesOf.set(id, (countiesOf.get(id) ?? new Set()).add(r['Common State County FIPS Code']));
      if (['Designated', 'Proposed For Withdrawal'].includes(r['HPSA Status']) && counties.includes(r['Common State County FIPS Code']))
        ids.set(id, r);
    }
    const all = [...ids.values()];
    return {
      designations: all.length,
      // A blank "HPSA Shortage" is unknown: left out of the sum and counted; no sum where none has one.
      fteNeeded: all.some((r) => r['HPSA Shortage'])
        ? all.reduce((t, r) => t + (r['HPSA Shortage'] ? Number(r['HPSA Shortage']) : 0), 0)
        : null,
      fteMissing: all.filter((r) => !r['HPSA Shortage']).length,
      population: all
        .filter((r) => AREA_TYPES.includes(r['Designation Type']))
        .reduce((t, r) => t + Number(r['HPSA Designation Population'] || 0), 0),
      extendBeyond: all.filter((r) => [...countiesOf.get(r['HPSA ID'])!].some((c) => !counties.includes(c))).length,
    };
  }

  it('counts each designation once, sums FTE needed and the population of geographic and population HPSAs only', async () => {
    for (const counties of [CA_EXCERPT_COUNTIES.slice(0, 1), CA_EXCERPT_COUNTIES.slice(0, 3), CA_EXCERPT_COUNTIES]) {
      const e = expected(counties);
      const { totals } = await gatherServiceAreaTotals(querier, area(counties));
      const [pc] = totals;
      expect(totals.map((t) => t.discipline)).toEqual(['Primary Care']);
      expect(pc).toMatchObject({ basis: 'detail', asOf: '2024-03-27', designations: e.designations, extendBeyond: e.extendBeyond });
      expect(pc.source).toBe('HRSA detail file as of 2024-03-27 (CA only)');
      expect(pc.fteNeeded).toBeCloseTo(e.fteNeeded!, 6);
      expect(pc.fteMissing).toBe(e.fteMissing);
      expect(pc.population).toBe(e.population);
      expect(e.population).toBeGreaterThan(0);
    }
  });

  it('leaves designations without an FTE figure out of the FTE, unknown rather than 0, and says how many', async () => {
    const missingIn = CA_EXCERPT_COUNTIES.filter((c) => expected([c]).fteMissing > 0);
    expect(missingIn.length).toBeGreaterThan(0);
    for (const county of missingIn) {
      const e = expected([county]);
      const [pc] = (await gatherServiceAreaTotals(querier, area([county]))).totals;
      expect(pc.fteMissing, county).toBe(e.fteMissing);
      if (e.fteNeeded === null) expect(pc.fteNeeded, county).toBeNull();
      else expect(pc.fteNeeded, county).toBeCloseTo(e.fteNeeded, 6);
      const view: MapView = { ...DEFAULT_VIEW, level: 'county', metric: 'fte_needed', discipline: 'Primary Care' };
      const { cards } = areaTotalCards(view, { totals: [pc], gaps: [] }, undefined, String);
      const fte = cards.find((c) => c.key === 'area-fte')!;
      expect(fte.value).toBe(e.fteNeeded === null ? '—' : formatNumber(e.fteNeeded, 1));
      expect(fte.label).toContain(
        `; ${e.fteMissing} designation${e.fteMissing === 1 ? '' : 's'} without an FTE figure in HRSA’s file left out`,
      );
      const row = areaTotalRow(view, area([county]), { totals: [pc], gaps: [] }, undefined);
      expect(row?.values.fte_missing).toBe(e.fteMissing);
    }
  });

  it('has no FTE sum where no designation has a figure (none is unknown, not 0)', () => {
    const rows = raw
      .filter((r) => !r['HPSA Shortage'] && r['HPSA Status'] === 'Designated')
      .slice(0, 3)
      .map((r) => ({
        hpsa_id: r['HPSA ID'],
        fte_needed: null,
        designation_type: r['Designation Type'],
        designation_population: null,
        n_counties: 1,
      }));
    expect(rows.length).toBeGreaterThan(0);
    const ids = new Set(rows.map((r) => r.hpsa_id));
    const sum = sumDesignations(rows as unknown as DesignationRow[], true);
    expect(sum).toMatchObject({ designations: ids.size, fteNeeded: null, fteMissing: ids.size });
  });

  it('a county shared by two areas counts its designations once in their union, not twice', async () => {
    const [a, b] = [CA_EXCERPT_COUNTIES.slice(0, 3), CA_EXCERPT_COUNTIES.slice(2)];
    const union = [...new Set([...a, ...b])];
    const both = (await gatherServiceAreaTotals(querier, area(union))).totals[0];
    expect(both.designations).toBe(expected(union).designations);
    const [ta, tb] = await Promise.all([gatherServiceAreaTotals(querier, area(a)), gatherServiceAreaTotals(querier, area(b))]);
    expect(both.designations).toBeLessThanOrEqual(ta.totals[0].designations + tb.totals[0].designations);
  });

  it('whole California: the 611 current designations of PROVENANCE.md', async () => {
    const { totals } = await gatherServiceAreaTotals(querier, area([], ['CA']));
    expect(totals[0]).toMatchObject({ basis: 'detail', designations: 611, extendBeyond: 0 });
  });
});

describe('a service area’s totals from HRSA’s state summaries', () => {
  const summary = datasetRows('national/hpsa_state_summary.csv');
  const published = (state: string, asOf: string) =>
    summary.find((r) => r.state === state && r.as_of === asOf && r.discipline === 'Primary Care')!;

  it('whole states with no detail file take one summary table for all of them, population included', async () => {
    const { totals, gaps } = await gatherServiceAreaTotals(querier, area([], ['AL', 'TX']));
    const pc = totals.find((t) => t.discipline === 'Primary Care')!;
    expect(pc.basis).toBe('summary');
    const asOf = pc.asOf;
    for (const field of ['designations', 'population', 'practitioners_needed'] as const) {
      const sum = Number(published('AL', asOf)[field]) + Number(published('TX', asOf)[field]);
      expect({ designations: pc.designations, population: pc.population, practitioners_needed: pc.fteNeeded }[field], field).toBe(sum);
    }
    // Mental health: a total only from a table that has both states' figures, else said.
    const mh = totals.find((t) => t.discipline === 'Mental Health');
    if (mh) expect(mh.basis).toBe('summary');
    else expect(gaps).toContain('Mental Health: no published state figures for AL, TX in the loaded tables.');
  });

  it('counties no detail file covers have no total, and it is said', async () => {
    const { totals, gaps } = await gatherServiceAreaTotals(querier, area(['48201']));
    expect(totals).toEqual([]);
    expect(gaps[0]).toBe('Primary Care: no county figures for one county of the area (no HRSA detail file for their state is loaded).');
  });
});
