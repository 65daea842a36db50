import { describe, it, expect, beforeAll, vi } from 'vitest';
import fc from 'fast-check';
import { Coordinator, namedQuery, queryKey, type NamedQuery } from '../../src/data/cache/coordinator';
import { changedWith } from '../../src/data/tables/summaries';
import { syncPipelineTable, PIPELINE_TABLE } from '../../src/data/tables/pipeline';
import { hpsaSummary } from '../../src/data/queries/hpsa-summary';
import { stateRegions } from '../../src/data/queries/pipeline';
import { serviceAreaDetail, stateSummaryRows } from '../../src/data/queries/service-area';
import { hpsaSources } from '../../src/data/queries/hpsa-sources';
import { specialtyCounts, stateSummaries, stateWorkforce } from '../../src/data/queries/workforce';
import { summaryTables } from '../../src/data/queries/hpsa-summary';
import type { HpsaSource } from '../../src/model/hpsa-sources';
import { hpsaCoverage, waiverSiteDesignations } from '../../src/data/queries/waiver-sites';
import {
  areaDesignations,
  areaValues,
  filterOptions,
  regionPipeline,
  shortageSummary,
  specialtyOptions,
} from '../../src/data/queries/shortage';
import type { SqlEngine } from '../../src/data/engine/engine';
import * as market from '../../src/data/queries/market';
import { DEFAULT_VIEW, type MapView } from '../../src/model/map-view';
import type { ServiceArea } from '../../src/model/types';
import { loadEmbeddedDatasets } from '../helpers/app-data';
import { makeCandidate } from '../helpers/candidate';
import { createNodeEngine } from '../helpers/duckdb-node';

let db: SqlEngine;
beforeAll(async () => {
  db = await createNodeEngine();
  await loadEmbeddedDatasets(db);
  await syncPipelineTable(db, [makeCandidate({ id: 'c1', siteState: 'CA' })]);
  // Withdrawn cases like every filing: DuckDB's plan leaves out a scan of a table whose statistics
  // (empty, or no row of the occupation or place) rule every row out.
  await db.query('INSERT INTO lca_withdrawn SELECT * FROM lca_filings');
});

const count = (table: string) => namedQuery<{ n: number }>(`count-${table}`, [table], `SELECT count(*)::INTEGER AS n FROM ${table}`);

describe('Coordinator', () => {
  it('runs a query once and serves repeats from its cache', async () => {
    const coordinator = new Coordinator(db);
    await db.query('CREATE TABLE t AS SELECT range AS v FROM range(3)');
    const [a, b] = await Promise.all([coordinator.query(count('t')), coordinator.query(count('t'))]);
    expect(a).toEqual([{ n: 3 }]);
    expect(b).toBe(a);
    expect(coordinator.stats).toMatchObject({ run: 1, hits: 1 });
  });

  it('evicts only the queries that read a changed table, and tells views which tables changed', async () => {
    const coordinator = new Coordinator(db);
    const map = areaValues({ ...DEFAULT_VIEW, metric: 'img_share' });
    const pipeline = regionPipeline(DEFAULT_VIEW);
    const mapRows = await coordinator.query(map);
    await coordinator.query(pipeline);
    const heard: string[][] = [];
    coordinator.subscribe((changed) => heard.push([...changed]));
    const mapVersion = coordinator.version(map.reads);
    const pipelineVersion = coordinator.version(pipeline.reads);

    // A candidate edit: the pipeline table is synced, then reported changed.
    await syncPipelineTable(db, [makeCandidate({ id: 'c1', siteState: 'CA' }), makeCandidate({ id: 'c2', siteState: 'CA' })]);
    await coordinator.dataChanged([PIPELINE_TABLE]);
    expect(heard).toEqual([[PIPELINE_TABLE, 'pipeline_counts']]);
    expect(coordinator.version(map.reads)).toBe(mapVersion); // the map's views do not ask again
    expect(coordinator.version(pipeline.reads)).toBeGreaterThan(pipelineVersion);
    const run = coordinator.stats.run;
    expect(await coordinator.query(map)).toBe(mapRows); // still cached
    const [row] = await coordinator.query(pipeline);
    expect(row.active).toBe(2); // re-run on the new table
    expect(coordinator.stats.run - run).toBe(1);
  });

  it("reports a source table's summaries as changed with it", () => {
    expect(changedWith(['hpsa'])).toEqual(['hpsa', 'hpsa_area', 'hpsa_by_county', 'hpsa_by_state', 'hpsa_state_figures']);
    // hpsa_area holds no state geography; the summaries made from it join their states' regions.
    expect(changedWith(['ref_states'])).toEqual(['ref_states', 'hpsa_by_county', 'hpsa_by_state', 'hpsa_state_figures', 'pipeline_counts']);
    expect(changedWith(['ref_counties'])).toEqual(['ref_counties', 'hpsa_area', 'hpsa_by_county', 'hpsa_by_state', 'hpsa_state_figures']);
    expect(changedWith(['lca_filings'])).toEqual(['lca_filings']);
  });

  it('keeps at most `capacity` results, dropping the least recently used', async () => {
    const coordinator = new Coordinator(db, { capacity: 2 });
    const [a, b, c] = ['ref_states', 'ref_counties', 'hpsa'].map(count);
    await coordinator.query(a);
    await coordinator.query(b);
    await coordinator.query(a); // a is now the most recent
    await coordinator.query(c); // evicts b
    expect(coordinator.stats).toMatchObject({ run: 3, hits: 1, evicted: 1 });
    await coordinator.query(a);
    expect(coordinator.stats.run).toBe(3);
    await coordinator.query(b);
    expect(coordinator.stats.run).toBe(4);
  });

  it('does not cache failures', async () => {
    const coordinator = new Coordinator(db);
    const bad = namedQuery('bad', ['no_such_table'], 'SELECT * FROM no_such_table');
    await expect(coordinator.query(bad)).rejects.toThrow(/no_such_table/);
    await expect(coordinator.query(bad)).rejects.toThrow();
    expect(coordinator.stats.run).toBe(2);
  });

  it('rebuilds the summaries of a changed table before any query reads them, then tells the views', async () => {
    await db.query(`CREATE OR REPLACE TABLE rebuild_src AS SELECT 1 AS x`);
    const summaries = [
      {
        name: 'rebuild_out',
        reads: ['rebuild_src'],
        sql: `CREATE OR REPLACE TABLE rebuild_out AS SELECT sum(x)::INTEGER AS n FROM rebuild_src`,
      },
    ];
    await db.query(summaries[0].sql);
    const coordinator = new Coordinator(db, { summaries });
    const sum = namedQuery<{ n: number }>('sum-out', ['rebuild_out'], `SELECT n FROM rebuild_out`);
    expect(await coordinator.query(sum)).toEqual([{ n: 1 }]);
    const heard: string[][] = [];
    coordinator.subscribe((changed) => heard.push([...changed]));
    await db.query(`INSERT INTO rebuild_src VALUES (2)`);
    const change = coordinator.dataChanged(['rebuild_src']);
    // Asked while the rebuild runs: evicted at once, answered from the rebuilt table.
    const during = coordinator.query(sum);
    expect(heard).toEqual([]);
    expect([...(await change)]).toEqual(['rebuild_src', 'rebuild_out']);
    expect(heard).toEqual([['rebuild_src', 'rebuild_out']]);
    expect(await during).toEqual([{ n: 3 }]);
    expect(await coordinator.query(sum)).toEqual([{ n: 3 }]);
  });

  it('serves known results (the first screen) without the engine, until a table they read changes', async () => {
    const q = count('ref_states');
    const waiting = { query: () => new Promise<never>(() => undefined) } as unknown as SqlEngine;
    const coordinator = new Coordinator(waiting, { known: [{ key: queryKey(q), reads: q.reads, rows: [{ n: -1 }] }] });
    expect(coordinator.peek(q)).toEqual([{ n: -1 }]);
    expect(await coordinator.query(q)).toEqual([{ n: -1 }]);
    expect(coordinator.stats.run).toBe(0);
    void coordinator.dataChanged(['ref_states']);
    expect(coordinator.peek(q)).toBeUndefined();
  });
});

/** The engine, with what was sent to it and answered, in order (it answers as the real one). */
function logged(engine: SqlEngine): { engine: SqlEngine; log: string[] } {
  const log: string[] = [];
  const name = (sql: string) => /-- (\w+)/.exec(sql)?.[1] ?? 'other';
  return {
    log,
    engine: {
      ...engine,
      query: async <Row>(sql: string, params?: unknown[]) => {
        log.push(`sent ${name(sql)}`);
        const rows = await engine.query<Row>(sql, params);
        log.push(`answered ${name(sql)}`);
        return rows;
      },
    },
  };
}

/** A count of `table`'s rows, named in its SQL for the log. */
const tagged = (table: string, tag: string) =>
  namedQuery<{ n: number }>(tag, [table], `-- ${tag}\nSELECT count(*)::INTEGER AS n FROM ${table}`);

describe('Coordinator.prefetch', () => {
  it('answers a query asked ahead from its cache, without asking the engine again', async () => {
    await db.query('CREATE OR REPLACE TABLE pf_a AS SELECT range AS v FROM range(7)');
    const coordinator = new Coordinator(db);
    const q = tagged('pf_a', 'a');
    expect(await coordinator.prefetch(() => [q]).done).toBe(true);
    expect(coordinator.stats).toMatchObject({ run: 0, prefetched: 1 });
    expect(coordinator.peek(q)).toEqual([{ n: 7 }]);
    expect(await coordinator.query(q)).toEqual([{ n: 7 }]);
    expect(coordinator.stats).toMatchObject({ run: 0, prefetched: 1 });
  });

  it('asks nothing while a view waits for an answer, then one query at a time', async () => {
    await db.query('CREATE OR REPLACE TABLE pf_b AS SELECT range AS v FROM range(3)');
    const { engine, log } = logged(db);
    const coordinator = new Coordinator(engine);
    const view = namedQuery('view', ['pf_b'], `-- view\nSELECT count(*)::INTEGER AS n FROM range(2000000) JOIN pf_b ON true`);
    const asked = coordinator.query(view);
    const ahead = coordinator.prefetch(() => [tagged('pf_b', 'first'), tagged('pf_b', 'second')]);
    // A view's question sent while the list runs waits for at most the one query under way.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await asked;
    expect(await ahead.done).toBe(true);
    expect(log).toEqual(['sent view', 'answered view', 'sent first', 'answered first', 'sent second', 'answered second']);
  });

  it("lets a view's follow-up question, asked while it draws its answer, go before anything asked ahead", async () => {
    await db.query('CREATE OR REPLACE TABLE pf_f AS SELECT 1 AS v');
    const { engine, log } = logged(db);
    // A quiet time far above the 20 ms below, so a busy machine's late timer cannot reorder them.
    const coordinator = new Coordinator(engine, { quietMs: 500 });
    expect(await coordinator.query(tagged('pf_f', 'view'))).toEqual([{ n: 1 }]);
    const ahead = coordinator.prefetch(() => [tagged('pf_f', 'ahead')]);
    // The view draws its answer (a few frames), then asks for a detail.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await coordinator.query(tagged('pf_f', 'detail'))).toEqual([{ n: 1 }]);
    expect(await ahead.done).toBe(true);
    expect(log).toEqual(['sent view', 'answered view', 'sent detail', 'answered detail', 'sent ahead', 'answered ahead']);
  });

  it("asks nothing while a data change's summaries are rebuilt, then nothing of a list made before it", async () => {
    await db.query('CREATE OR REPLACE TABLE pf_g AS SELECT 1 AS v');
    await db.query('CREATE OR REPLACE TABLE pf_h AS SELECT 1 AS v');
    const { engine, log } = logged(db);
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slowRebuild: SqlEngine = {
      ...engine,
      query: async <Row>(sql: string, params?: unknown[]) => {
        if (sql.includes('-- rebuild')) await gate;
        return engine.query<Row>(sql, params);
      },
    };
    const summaries = [
      { name: 'pf_g_sum', reads: ['pf_g'], sql: '-- rebuild\nCREATE OR REPLACE TABLE pf_g_sum AS SELECT count(*) AS n FROM pf_g' },
    ];
    const coordinator = new Coordinator(slowRebuild, { summaries });
    const changing = coordinator.dataChanged(['pf_g']);
    const ahead = coordinator.prefetch(() => [tagged('pf_h', 'ahead')]);
    await new Promise((resolve) => setTimeout(resolve, 150)); // longer than the views' quiet time
    expect(log).toEqual([]);
    release();
    await changing;
    // The views heard of the change: the list they make now replaces the old one.
    const after = coordinator.prefetch(() => [tagged('pf_h', 'after')]);
    expect(await ahead.done).toBe(false);
    expect(await after.done).toBe(true);
    expect(log).toEqual(['sent rebuild', 'answered rebuild', 'sent after', 'answered after']);
  });

  it('keeps asking ahead after a data change one of whose listeners threw', async () => {
    await db.query('CREATE OR REPLACE TABLE pf_i AS SELECT 1 AS v');
    const coordinator = new Coordinator(db);
    coordinator.subscribe(() => {
      throw new Error('a view broke');
    });
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(coordinator.dataChanged(['pf_i'])).rejects.toThrow('a view broke');
    quiet.mockRestore();
    expect(await coordinator.prefetch(() => [tagged('pf_i', 'ahead')]).done).toBe(true);
  });

  it('waits while a file is read and swapped in (busyWith), as for a view', async () => {
    await db.query('CREATE OR REPLACE TABLE pf_e AS SELECT 1 AS v');
    const { engine, log } = logged(db);
    const coordinator = new Coordinator(engine);
    let release = () => {};
    const reading = coordinator.busyWith(() => new Promise<void>((resolve) => (release = resolve)).then(() => void log.push('file read')));
    const ahead = coordinator.prefetch(() => [tagged('pf_e', 'ahead')]);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(log).toEqual([]);
    release();
    await reading;
    expect(await ahead.done).toBe(true);
    expect(log).toEqual(['file read', 'sent ahead', 'answered ahead']);
  });

  it('stops a list when a newer one comes or when told to, before asking anything of it', async () => {
    await db.query('CREATE OR REPLACE TABLE pf_c AS SELECT 1 AS v');
    const { engine, log } = logged(db);
    const coordinator = new Coordinator(engine);
    let madeOld = 0;
    const old = coordinator.prefetch(() => (madeOld++, [tagged('pf_c', 'old')]));
    const newer = coordinator.prefetch(() => [tagged('pf_c', 'newer')]);
    expect(await old.done).toBe(false);
    expect(await newer.done).toBe(true);
    const stopped = coordinator.prefetch(() => [tagged('pf_c', 'stopped')]);
    stopped.stop();
    expect(await stopped.done).toBe(false);
    expect(madeOld).toBe(0);
    expect(log).toEqual(['sent newer', 'answered newer']);
  });

  it('never serves an answer older than the last data change it was told of, whatever the order (property)', async () => {
    await db.query('CREATE OR REPLACE TABLE pf_d (v INTEGER)');
    const op = fc.oneof(
      fc.record({ kind: fc.constant('insert' as const), rows: fc.integer({ min: 1, max: 4 }) }),
      fc.record({ kind: fc.constant('prefetch' as const), tag: fc.constantFrom('x', 'y') }),
      fc.record({ kind: fc.constant('ask' as const), tag: fc.constantFrom('x', 'y') }),
      fc.record({ kind: fc.constant('tick' as const) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        await db.query('DELETE FROM pf_d');
        const coordinator = new Coordinator(db);
        let rows = 0; // counted here, independently of the engine
        const pending: Promise<unknown>[] = [];
        for (const o of ops) {
          if (o.kind === 'insert') {
            await db.query(`INSERT INTO pf_d SELECT range FROM range(${o.rows})`);
            rows += o.rows;
            await coordinator.dataChanged(['pf_d']);
          } else if (o.kind === 'prefetch') pending.push(coordinator.prefetch(() => [tagged('pf_d', o.tag)]).done);
          else if (o.kind === 'ask') expect(await coordinator.query(tagged('pf_d', o.tag))).toEqual([{ n: rows }]);
          else await new Promise((resolve) => setTimeout(resolve, 0));
        }
        await Promise.all(pending);
        for (const tag of ['x', 'y']) expect(await coordinator.query(tagged('pf_d', tag))).toEqual([{ n: rows }]);
      }),
      { numRuns: 40 },
    );
  });
});

/** The tables DuckDB's plan scans, from EXPLAIN (FORMAT json). */
async function scannedTables(q: NamedQuery<unknown>): Promise<string[]> {
  const [plan] = await db.query<{ explain_value: string }>(`EXPLAIN (FORMAT json) ${q.sql}`, q.params);
  const tables = new Set<string>();
  const walk = (node: { extra_info?: { Table?: string }; children?: unknown[] }) => {
    if (node.extra_info?.Table) tables.add(node.extra_info.Table);
    (node.children as (typeof node)[] | undefined)?.forEach(walk);
  };
  (JSON.parse(plan.explain_value) as (typeof walk extends (n: infer N) => void ? N : never)[]).forEach(walk);
  return [...tables].sort();
}

/** The market queries for each kind of place. */
function marketQueries(area: ServiceArea): NamedQuery<unknown>[] {
  const places: market.MarketPlace[] = [
    { region: { kind: 'nation' } },
    { region: { kind: 'census-region', name: 'South' } },
    { region: { kind: 'hhs-region', number: 6 } },
    { region: { kind: 'service-area', id: area.id }, area },
  ];
  return [
    ...places.flatMap((place) => {
      const f = { ...place, occupation: 'medical laboratory scientist' };
      return [
        market.marketSummary(f),
        market.groupCounts(f),
        market.wagesByLevel(f),
        market.topEmployers(f),
        market.peerOffersNear(f.occupation, 'TX'),
        market.sponsorsByYear(place),
        market.topSponsors(f),
      ];
    }),
    market.marketSources(),
  ];
}

describe('every named query declares exactly the tables it reads', () => {
  const area = { id: 'a', name: 'A', counties: ['06019'], states: ['NV'] };
  const summary: HpsaSource = {
    kind: 'summary',
    discipline: 'Primary Care',
    asOf: '2021-12-31',
    states: 51,
    hasNeedMet: false,
    hasPractitioners: true,
    hasPopulation: true,
    source: 'HRSA',
  };
  const detail: HpsaSource = { ...summary, kind: 'detail', asOf: '2024-03-27', states: 1, stateList: 'CA' };
  const county: MapView = { ...DEFAULT_VIEW, level: 'county' };
  const workforce = (
    ['img_share', 'specialty_physicians', 'lab_wage', 'lab_employment', 'lca_lab', 'lca_physicians_per_100k'] as const
  ).map((metric) => ({
    ...DEFAULT_VIEW,
    metric,
  }));
  const queries: NamedQuery<unknown>[] = [
    hpsaSummary(),
    summaryTables(),
    hpsaSources(),
    stateRegions(),
    serviceAreaDetail(area),
    stateSummaryRows(['CA', 'NV']),
    areaValues(DEFAULT_VIEW, summary, detail),
    areaValues(DEFAULT_VIEW, detail, summary),
    areaValues(county, detail),
    areaValues(DEFAULT_VIEW),
    ...workforce.map((v) => areaValues(v)),
    shortageSummary(DEFAULT_VIEW, summary),
    shortageSummary(county, detail),
    areaDesignations(county, '06019'),
    filterOptions(),
    specialtyOptions(),
    regionPipeline(DEFAULT_VIEW),
    stateWorkforce(['TX']),
    specialtyCounts(['TX']),
    stateSummaries('TX'),
    waiverSiteDesignations(['06019', '06107']),
    hpsaCoverage(),
    ...marketQueries(area),
  ];
  it.each(queries.map((q, i) => [`${q.name} (${i})`, q] as const))('%s', async (_name, q) => {
    expect([...q.reads].sort()).toEqual(await scannedTables(q));
  });
});
