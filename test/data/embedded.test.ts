// The embedded tables the app ships (public/datasets/embedded.arrows and embedded.json) hold exactly
// what the app's own loaders make of their sources in datasets/, and the summaries what the app's
// summaries' SQL makes of them: rebuilt from the sources here and compared table by table, column
// types and every row. After a change to a source or to a summary, `npm run build:data` rebuilds
// them (tools/build-embedded.mjs).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../src/data/engine/engine';
import { parseManifest } from '../../src/data/loaders/manifest';
import { sqlIdent } from '../../src/data/engine/sql';
import { loadSources } from '../../tools/embedded-db';
import { refreshSummaries, summariesOf } from '../../src/data/tables/summaries';
import { PIPELINE_TABLE } from '../../src/data/tables/pipeline';
import { createNodeEngine } from '../helpers/duckdb-node';
import { PUBLIC_DATASETS, SOURCES, embeddedIndex, loadEmbeddedDatasets } from '../helpers/app-data';

let shipped: SqlEngine;
let rebuilt: SqlEngine;
let fromSources: Awaited<ReturnType<typeof loadSources>>;
beforeAll(async () => {
  [shipped, rebuilt] = await Promise.all([createNodeEngine(), createNodeEngine()]);
  await loadEmbeddedDatasets(shipped);
  fromSources = await loadSources(rebuilt, SOURCES);
  await refreshSummaries(rebuilt, fromSources.tables, shippedSummaries(fromSources.tables));
});

/** The summaries computed from the embedded tables alone (not the pipeline's). */
const shippedSummaries = (tables: string[]) => summariesOf(tables).filter((s) => !s.reads.includes(PIPELINE_TABLE));

const manifest = parseManifest(JSON.parse(fs.readFileSync(path.join(SOURCES, 'manifest.json'), 'utf8')));

describe('the embedded tables the app ships', () => {
  it('are the tables of the datasets the manifest lists and their summaries', () => {
    const index = embeddedIndex();
    const tables = [...new Set(manifest.datasets.map((d) => d.table))];
    expect(index.tables.map((t) => t.name).sort()).toEqual([...tables, ...shippedSummaries(tables).map((s) => s.name)].sort());
    expect(index.tables.filter((t) => t.summary).map((t) => t.name)).toEqual(shippedSummaries(tables).map((s) => s.name));
    expect(index.datasets.map((d) => d.id)).toEqual(manifest.datasets.map((d) => d.id));
  });

  it.each([...new Set(manifest.datasets.map((d) => d.table))])(
    '%s: the same columns, types and rows as its sources loaded by the app',
    async (table) => {
      const describe = (db: SqlEngine) => db.query<{ column_name: string; column_type: string }>(`DESCRIBE ${sqlIdent(table)}`);
      const [a, b] = await Promise.all([describe(shipped), describe(rebuilt)]);
      expect(a.map((c) => `${c.column_name} ${c.column_type}`)).toEqual(b.map((c) => `${c.column_name} ${c.column_type}`));
      const rows = (db: SqlEngine) => db.query(`SELECT * FROM ${sqlIdent(table)} ORDER BY ALL`);
      const [x, y] = await Promise.all([rows(shipped), rows(rebuilt)]);
      expect(x.length).toBeGreaterThan(0);
      expect(x).toEqual(y);
    },
  );

  it('describe each dataset as its loader does (rows, summary, warnings, provenance)', () => {
    expect(embeddedIndex().datasets).toEqual(fromSources.datasets);
  });

  it('never need a DuckDB extension (none is loaded after opening them)', async () => {
    const loaded = await shipped.query<{ extension_name: string }>(
      `SELECT extension_name FROM duckdb_extensions() WHERE loaded AND install_mode <> 'STATICALLY_LINKED'`,
    );
    expect(loaded).toEqual([]);
    // Asked for one, DuckDB fails at once instead of downloading it from extensions.duckdb.org.
    await expect(shipped.query(`SELECT * FROM read_parquet('nothing.parquet')`)).rejects.toThrow(/parquet/i);
  });

  it('grow by at most 1 MB gzip with the county tables of issue 24 (each table’s Arrow stream gzipped on its own)', () => {
    const arrows = fs.readFileSync(path.join(PUBLIC_DATASETS, 'embedded.arrows'));
    const county = new Set(manifest.datasets.filter((d) => d.file.startsWith('county/')).map((d) => d.table));
    expect([...county].sort()).toEqual(['county_pcp_trend', 'supply_chr2022', 'supply_chr2025', 'zip_county']);
    const tables = embeddedIndex().tables.filter((t) => county.has(t.name));
    const gzipped = tables.reduce((sum, t) => sum + zlib.gzipSync(arrows.subarray(t.offset, t.offset + t.bytes)).length, 0);
    expect(gzipped).toBeGreaterThan(0);
    expect(gzipped).toBeLessThanOrEqual(1_000_000);
  });
});
