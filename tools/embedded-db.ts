// Builds public/datasets/embedded.arrows and embedded.json (src/data/embedded.ts) from the embedded
// datasets' sources in datasets/ (manifest.json lists them), through the app's own loaders on
// DuckDB-wasm under Node: the tables hold exactly what loading the same files in the app would.
// Run by tools/build-embedded.mjs (npm run build:data); test/data/embedded.test.ts checks the
// committed files against the sources.
import fs from 'node:fs';
import path from 'node:path';
import { createNodeEngine } from '../src/data/engine/node';
import { loadSource } from '../src/data/loaders/registry';
import type { LoadedDataset } from '../src/data/loaders/dataset';
import { EMBEDDED_INDEX, openEmbedded, type EmbeddedIndex, type EmbeddedTable } from '../src/data/tables/embedded';
import type { SqlEngine } from '../src/data/engine/engine';
import { parseManifest } from '../src/data/loaders/manifest';
import { sqlIdent } from '../src/data/engine/sql';
import { SUMMARIES, refreshSummaries, summariesOf } from '../src/data/tables/summaries';

export const EMBEDDED_FILE = 'embedded.arrows';

/** Every source of the manifest in `datasetsDir`, loaded into `db` by its loader, in the manifest's order. */
export async function loadSources(db: SqlEngine, datasetsDir: string): Promise<{ datasets: LoadedDataset[]; tables: string[] }> {
  const manifest = parseManifest(JSON.parse(fs.readFileSync(path.join(datasetsDir, 'manifest.json'), 'utf8')));
  const datasets: LoadedDataset[] = [];
  for (const entry of manifest.datasets)
    datasets.push((await loadSource(db, entry, new Uint8Array(fs.readFileSync(path.join(datasetsDir, entry.file))))).dataset);
  return { datasets, tables: [...new Set(manifest.datasets.map((d) => d.table))] };
}

/** Writes the tables' file and its index into `outDir`; returns the index. */
export async function buildEmbedded(datasetsDir: string, outDir: string): Promise<EmbeddedIndex> {
  const db = await createNodeEngine();
  const { datasets, tables } = await loadSources(db, datasetsDir);
  // The summaries computed from the embedded tables alone, shipped computed: the app then starts
  // without computing them (the pipeline's are computed in the app, from the workspace).
  const summaries: string[] = [];
  for (const s of summariesOf(tables)) if (s.reads.every((t) => tables.includes(t) || summaries.includes(t))) summaries.push(s.name);
  await refreshSummaries(
    db,
    tables,
    SUMMARIES.filter((s) => summaries.includes(s.name)),
  );
  const streams: Uint8Array[] = [];
  const entries: EmbeddedTable[] = [];
  let offset = 0;
  for (const name of [...tables, ...summaries]) {
    // In the table's own order (the loaders' row order), so the file is the same for the same sources.
    const ipc = await db.arrowIpc(`SELECT * FROM ${sqlIdent(name)}`);
    const [{ rows }] = await db.query<{ rows: number }>(`SELECT count(*)::INTEGER AS rows FROM ${sqlIdent(name)}`);
    entries.push({ name, ...(summaries.includes(name) ? { summary: true } : {}), rows, offset, bytes: ipc.byteLength });
    streams.push(ipc);
    offset += ipc.byteLength;
  }
  const file = Buffer.concat(streams);
  const index: EmbeddedIndex = { file: EMBEDDED_FILE, datasets, tables: entries };
  // Opened as the browser opens it before it is written: a file that does not read back whole is never shipped.
  const check = await createNodeEngine();
  await openEmbedded(check, index, new Uint8Array(file));
  for (const t of entries) {
    const [{ n }] = await check.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${sqlIdent(t.name)}`);
    if (n !== t.rows) throw new Error(`${t.name}: ${n} rows read back from ${EMBEDDED_FILE}, ${t.rows} written`);
  }
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, EMBEDDED_FILE), file);
  fs.writeFileSync(path.join(outDir, EMBEDDED_INDEX), JSON.stringify(index, null, 2) + '\n');
  return index;
}
