// The map's figures come from summary tables pre-aggregated inside DuckDB (src/data/summaries.ts).
// Property: for any view (level, discipline, statuses, class, rurality, region), the figures
// summed from them equal the figures computed directly from the component rows, each designation
// once per county or state — on the real California excerpt and on a national-shaped file.
import fs from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../src/data/engine/engine';
import { areaValues, shortageSummary, type AreaValue, type ShortageSummary } from '../../src/data/queries/shortage';
import { DEFAULT_VIEW, STATUS_OPTIONS, type MapView } from '../../src/model/map-view';
import type { HpsaSource } from '../../src/model/hpsa-sources';
import { createNodeEngine } from '../helpers/duckdb-node';
import { loadEmbeddedDatasets, loadFile } from '../helpers/app-data';
import { NATIONAL_FIXTURE, readExcerpt } from '../helpers/shared';

const AREA_TYPES = "('Geographic HPSA', 'High Needs Geographic HPSA', 'HPSA Population')";

/**
 * The figures per county or state straight from the component rows: the rows the view's filters
 * keep, then each designation once per county (state), its figures taken once.
 */
async function direct(db: SqlEngine, v: MapView): Promise<Map<string, Record<string, number | string | null>>> {
  const params: unknown[] = [v.discipline];
  const where = ['h.discipline = ?'];
  if (v.statuses.length) {
    where.push(`h.status IN (${v.statuses.map(() => '?').join(', ')})`);
    params.push(...v.statuses);
  }
  if (v.designationClass !== 'all') where.push(`${v.designationClass === 'area' ? '' : 'NOT '}h.designation_type IN ${AREA_TYPES}`);
  if (v.states.length) {
    where.push(`h.state IN (${v.states.map(() => '?').join(', ')})`);
    params.push(...v.states);
  }
  if (v.censusRegion) {
    where.push('s.census_region = ?');
    params.push(v.censusRegion);
  }
  if (v.rural !== 'all') {
    where.push('c.rural = ?');
    params.push(v.rural);
  }
  const geo = v.level === 'county' ? 'h.county_fips' : 's.state_fips';
  const rows = await db.query<Record<string, number | string | null>>(
    `WITH d AS (
       SELECT ${geo} AS geo, h.hpsa_id, any_value(h.score) AS score, any_value(h.fte_needed) AS fte,
              any_value(CASE WHEN h.designation_type IN ${AREA_TYPES} THEN h.designation_population END) AS pop, max(h.record_date) AS day
       FROM hpsa h LEFT JOIN ref_counties c ON c.county_fips = h.county_fips LEFT JOIN ref_states s ON s.state = h.state
       WHERE ${where.join(' AND ')} AND ${geo} IS NOT NULL GROUP BY 1, 2)
     SELECT geo, count(*)::DOUBLE AS designations, round(coalesce(sum(fte), 0), 4)::DOUBLE AS fte_needed,
            coalesce(sum(pop), 0)::DOUBLE AS population, max(score)::DOUBLE AS max_score,
            round(sum(score * pop) / nullif(sum(pop), 0), 1)::DOUBLE AS weighted_score, strftime(max(day), '%Y-%m-%d') AS as_of
     FROM d GROUP BY geo`,
    params,
  );
  return new Map(rows.map((r) => [String(r.geo), r]));
}

const figures = (r: AreaValue | Record<string, unknown>) => ({
  designations: r.designations,
  fte_needed: Math.round(Number(r.fte_needed) * 1e4) / 1e4,
  population: r.population,
  max_score: r.max_score,
  weighted_score: r.weighted_score,
  as_of: r.as_of,
});

const detail: HpsaSource = {
  kind: 'detail',
  discipline: 'Primary Care',
  asOf: 'detail',
  states: 1,
  hasNeedMet: false,
  hasPractitioners: true,
  hasPopulation: true,
  source: 'HRSA HPSA detail file',
};

/** Views over the filters the map offers (the states and regions present in the data, and some that are not). */
const views = (states: string[]) =>
  fc.record({
    level: fc.constantFrom<MapView['level']>('county', 'state'),
    statuses: fc.subarray([...STATUS_OPTIONS]),
    designationClass: fc.constantFrom<MapView['designationClass']>('all', 'area', 'facility'),
    rural: fc.constantFrom<MapView['rural']>('all', 'rural', 'metro'),
    states: fc.subarray(states, { maxLength: Math.min(4, states.length) }),
    censusRegion: fc.constantFrom('', 'West', 'South', 'Northeast'),
    metric: fc.constantFrom<MapView['metric']>('fte_needed', 'designations', 'population', 'max_score', 'weighted_score'),
  });

async function checkViews(db: SqlEngine, states: string[]): Promise<void> {
  await fc.assert(
    fc.asyncProperty(views(states), async (picked) => {
      const v: MapView = { ...DEFAULT_VIEW, ...picked, asOf: 'detail' };
      const expected = await direct(db, v);
      const q = areaValues(v, detail, null);
      const shown = await db.query<AreaValue>(q.sql, q.params);
      const withDetail = shown.filter((r) => r.designations !== null);
      expect(new Map(withDetail.map((r) => [r.geo, figures(r)]))).toEqual(new Map([...expected].map(([g, r]) => [g, figures(r)])));
      // The totals: every designation of the view once (whatever its counties), and the counties it touches.
      const s = shortageSummary(v, detail);
      const [total] = await db.query<ShortageSummary>(s.sql, s.params);
      const all = await direct(db, { ...v, level: 'state', states: v.states });
      const sum = (k: string) => [...all.values()].reduce((n, r) => n + Number(r[k]), 0);
      expect(total.designations).toBe(sum('designations'));
      expect(total.fte_needed ?? 0).toBeCloseTo(sum('fte_needed'), 4);
      expect(total.population ?? 0).toBe(sum('population'));
      const counties = await direct(db, { ...v, level: 'county' });
      expect(total.areas).toBe(counties.size);
    }),
    { numRuns: 40 },
  );
}

describe('the map’s figures from the summary tables equal the figures from the component rows, for any view', () => {
  let db: SqlEngine;
  beforeAll(async () => {
    db = await createNodeEngine();
    await loadEmbeddedDatasets(db);
  });

  it('on the real California excerpt (shared designations, facilities without a county, every status)', async () => {
    await loadFile(db, readExcerpt(), 'excerpt.csv');
    await checkViews(db, ['CA', 'NV', 'OR']);
  });

  it('on a national-shaped file (every state’s counties, rural and metro)', async () => {
    await loadFile(db, new Uint8Array(fs.readFileSync(NATIONAL_FIXTURE)), 'national.csv');
    await checkViews(db, ['CA', 'TX', 'NY', 'AK', 'VT', 'WY', 'PR']);
  });
});
