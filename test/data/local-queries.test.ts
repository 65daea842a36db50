// Every query with a local form gives the same rows from the local index's columns as DuckDB gives
// from its SQL, on the embedded data plus a multi-state mental-health file and a pipeline spread
// over states, for views across levels, metrics, vintages, statuses, types, regions and rurality.
import { describe, it, expect, beforeAll } from 'vitest';
import type { NamedQuery } from '../../src/data/coordinator';
import type { SqlEngine } from '../../src/data/engine';
import { loadUserFile } from '../../src/data/datasets';
import { refreshHpsaArea } from '../../src/data/derived';
import { LOCAL_TABLES } from '../../src/data/local-tables';
import { LocalIndex } from '../../src/data/local-index';
import { packTable, unpackTable, type LocalTable, type LocalTables } from '../../src/data/local-table';
import { pipelineCounts, syncPipelineTable } from '../../src/data/pipeline-table';
import type { Candidate } from '../../src/model/types';
import { hpsaSources } from '../../src/data/queries/hpsa-sources';
import { countyNameRows } from '../../src/data/queries/counties';
import { stateRegions } from '../../src/data/queries/pipeline';
import { areaValues, filterOptions, regionPipeline, shortageSummary, specialtyOptions } from '../../src/data/queries/shortage';
import { shortageView } from '../../src/app/map/shortage-view';
import { DEFAULT_VIEW, LAB_EMPLOYMENT_VINTAGES, METRICS, type MapView, type Metric } from '../../src/model/map-view';
import { offersMetric, type HpsaSource } from '../../src/model/hpsa-sources';
import { STAGES } from '../../src/model/types';
import { loadEmbeddedDatasets } from '../helpers/app-data';
import { bytes, hpsaCsv } from '../helpers/hpsa-fixture';
import { makeCandidate } from '../helpers/candidate';
import { createNodeEngine } from '../helpers/duckdb-node';

let db: SqlEngine;
let tables: LocalTables;
let sources: HpsaSource[];
let candidates: Candidate[];

/**
 * Mental-health designations in four states: several counties each, shared, facilities, no county,
 * decimal FTE; and rows the designation × county grouping must keep apart or together (a
 * designation's components in one county, one of them with another status; no designation type).
 */
const MH_ROWS = [
  { id: '7481', state: 'TX', fips: '48201', type: 'Geographic HPSA', status: 'Designated', score: '17', fte: '0.15', pop: '120000' },
  { id: '7481', state: 'TX', fips: '48157', type: 'Geographic HPSA', status: 'Designated', score: '17', fte: '0.15', pop: '120000' },
  { id: '7482', state: 'TX', fips: '48201', type: 'Correctional Facility', status: 'Designated', score: '20', fte: '0.2', pop: '3100' },
  {
    id: '7483',
    state: 'TX',
    fips: '48113',
    type: 'High Needs Geographic HPSA',
    status: 'Proposed For Withdrawal',
    score: '',
    fte: '1.2345',
    pop: '',
  },
  { id: '7484', state: 'NY', fips: '36061', type: 'HPSA Population', status: 'Designated', score: '12', fte: '2.05', pop: '55000' },
  { id: '7485', state: 'NY', fips: 'XXXXX', type: 'Federally Qualified Health Center', status: 'Designated', score: '9', fte: '', pop: '' },
  { id: '7486', state: 'AK', fips: '02020', type: 'Geographic HPSA', status: 'Withdrawn', score: '8', fte: '0.35', pop: '9000' },
  { id: '7487', state: 'PR', fips: '72127', type: 'Geographic HPSA', status: 'Designated', score: '19', fte: '3.1', pop: '41000' },
  { id: '7488', state: 'CA', fips: '06019', type: 'Rural Health Clinic', status: 'Designated', score: '15', fte: '0.45', pop: '' },
  { id: '7489', state: 'TX', fips: '48201', type: 'Geographic HPSA', status: 'Designated', score: '', fte: '', pop: '' },
  { id: '7489', state: 'TX', fips: '48201', type: 'Geographic HPSA', status: 'Designated', score: '11', fte: '0.6', pop: '7000' },
  { id: '7489', state: 'TX', fips: '48201', type: 'Geographic HPSA', status: 'Withdrawn', score: '10', fte: '0.7', pop: '8000' },
  { id: '7490', state: 'TX', fips: '48157', type: '', status: 'Designated', score: '5', fte: '0.1', pop: '100' },
].map((r) => ({
  'HPSA ID': r.id,
  'HPSA Discipline Class': 'Mental Health',
  'Primary State Abbreviation': r.state,
  'Common State County FIPS Code': r.fips,
  'Designation Type': r.type,
  'HPSA Status': r.status,
  'HPSA Score': r.score,
  'HPSA Shortage': r.fte,
  'HPSA Designation Population': r.pop,
}));

beforeAll(async () => {
  db = await createNodeEngine();
  await loadEmbeddedDatasets(db);
  await loadUserFile(db, bytes(hpsaCsv(MH_ROWS, { withoutMcta: true })), 'BCD_HPSA_FCT_DET_MH.csv');
  await refreshHpsaArea(db);
  const sites = ['CA', 'TX', 'NY', 'AK', 'PR', 'ZZ', ''];
  const specialties = ['internal medicine', 'psychiatry', 'family medicine', ''];
  candidates = Array.from({ length: 60 }, (_, i) =>
    makeCandidate({ id: `c${i}`, siteState: sites[i % sites.length], specialty: specialties[i % 4], stage: STAGES[i % STAGES.length] }),
  );
  await syncPipelineTable(db, candidates);
  // Through the first screen's packing, as the browser receives them.
  const all = await new LocalIndex(db, LOCAL_TABLES).all();
  tables = Object.fromEntries(Object.entries(all).map(([name, t]) => [name, unpackTable(packTable(t))]));
  sources = await db.query<HpsaSource>(hpsaSources().sql);
});

/** The local form's rows and the SQL's, side by side. */
async function both<Row>(q: NamedQuery<Row>): Promise<[Row[], Row[]]> {
  if (!q.local) throw new Error(`${q.name} has no local form`);
  return [q.local.run(tables), await db.query<Row>(q.sql, q.params)];
}

const views = (): MapView[] => {
  const out: MapView[] = [];
  const geo: Partial<MapView>[] = [
    {},
    { states: ['TX'] },
    { states: ['CA', 'NY'] },
    { censusRegion: 'West' },
    { censusRegion: 'South', censusDivision: 'West South Central' },
    { hhsRegion: '9' },
    { states: ['PR'] },
  ];
  for (const level of ['state', 'county'] as const)
    for (const metric of Object.keys(METRICS) as Metric[]) {
      if (!(METRICS[metric].levels as readonly string[]).includes(level)) continue;
      // The demand layer reads the DOL filings the user loads: the engine answers it (no local form).
      if (METRICS[metric].kind === 'demand') continue;
      for (const [i, g] of geo.entries())
        for (const discipline of ['Primary Care', 'Mental Health'] as const)
          out.push({
            ...DEFAULT_VIEW,
            level,
            metric,
            discipline,
            ...g,
            statuses: [[], ['Designated'], ['Designated', 'Proposed For Withdrawal']][i % 3],
            designationClass: (['all', 'area', 'facility'] as const)[i % 3],
            rural: (['all', 'rural', 'metro'] as const)[(i + 1) % 3],
            specialty: ['family medicine', 'psychiatry', 'general surgery'][i % 3],
            asOf: metric === 'lab_employment' ? LAB_EMPLOYMENT_VINTAGES[i % 2].asOf : '',
          });
    }
  return out;
};

/** A table's rows as sorted JSON, its columns in name order: two tables with the same rows compare equal. */
const rowsOf = (t: LocalTable) =>
  Array.from({ length: t.length }, (_, i) =>
    JSON.stringify(
      Object.keys(t.columns)
        .sort()
        .map((c) => t.columns[c][i]),
    ),
  ).sort();

describe('local forms give the rows the SQL gives', () => {
  it('reads a multi-state, two-discipline detail table and a pipeline over several states', () => {
    expect(new Set(tables.hpsa_area.columns.discipline)).toEqual(new Set(['Primary Care', 'Mental Health']));
    expect(new Set(tables.hpsa_area.columns.state).size).toBeGreaterThan(3);
    expect(tables.pipeline_counts.length).toBeGreaterThan(10);
  });

  it('the designation × county table derived in JavaScript is the one DuckDB derives', async () => {
    const sql = await db.columns(`SELECT * FROM hpsa_area`);
    expect(rowsOf(tables.hpsa_area)).toEqual(rowsOf(sql));
    expect(tables.hpsa_area.length).toBeGreaterThan(1000);
  });

  it('the pipeline counted from the workspace equals the counts of the synced table', () => {
    expect(rowsOf(pipelineCounts(candidates))).toEqual(rowsOf(tables.pipeline_counts));
  });

  it('the sources, the filter and specialty options, the county names and the state regions', async () => {
    for (const q of [hpsaSources(), filterOptions(), specialtyOptions(), countyNameRows()] as NamedQuery<unknown>[]) {
      const [local, sql] = await both(q);
      expect(local, q.name).toEqual(sql);
    }
    const [local, sql] = await both(stateRegions());
    const byState = (a: { state: string }, b: { state: string }) => a.state.localeCompare(b.state);
    expect([...local].sort(byState)).toEqual([...sql].sort(byState));
  });

  it.each(
    views().map((v) => [`${v.level} ${v.metric} ${v.discipline} ${JSON.stringify([v.states, v.censusRegion, v.hhsRegion, v.rural])}`, v]),
  )('the map, the cards and the region pipeline: %s', async (_name, view) => {
    const shown = shortageView(view, sources);
    const queries: NamedQuery<unknown>[] = [shown.values, regionPipeline(view)];
    if (shown.summary) queries.push(shown.summary);
    // Both sources at state level, each as the main one where it gives the metric.
    if (view.level === 'state' && shown.main && shown.companion && offersMetric(shown.companion, view.metric))
      queries.push(areaValues(view, shown.companion, shown.main), shortageSummary(view, shown.companion));
    for (const q of queries) {
      const [local, sql] = await both(q);
      expect(local, q.name).toEqual(sql);
    }
  });
});
