// The embedded datasets as the app opens them: every embedded table as an Arrow IPC stream (the
// columnar form DuckDB-wasm takes in natively: nothing is parsed, no extension is needed), one after
// another in public/datasets/embedded.arrows, and an index beside it (embedded.json) with each
// table's place and row count and each dataset's provenance and load summary. Both are built by
// the app's own loaders from the sources in datasets/ (tools/build-embedded.mjs). The browser's
// start, the build's first-screen snapshot and the tests open them this way.
import type { SqlEngine } from '../engine/engine';
import type { LoadedDataset } from '../loaders/dataset';
import { sqlIdent, sqlString } from '../engine/sql';
import { refreshSummaries } from './summaries';
import { PIPELINE_TABLE, syncPipelineTable } from './pipeline';

export interface EmbeddedTable {
  name: string;
  rows: number;
  /** Where its Arrow IPC stream is in the file. */
  offset: number;
  bytes: number;
}

/** What embedded.json says. */
export interface EmbeddedIndex {
  /** The tables' file, beside the index. */
  file: string;
  datasets: LoadedDataset[];
  tables: EmbeddedTable[];
}

export const EMBEDDED_INDEX = 'embedded.json';

export function parseEmbeddedIndex(json: unknown): EmbeddedIndex {
  const x = json as Partial<EmbeddedIndex>;
  if (!x || typeof x.file !== 'string' || !Array.isArray(x.datasets) || !Array.isArray(x.tables))
    throw new Error(`datasets/${EMBEDDED_INDEX}: expected an object with "file", "datasets" and "tables"`);
  return x as EmbeddedIndex;
}

/**
 * Creates every embedded table in the engine (uploads then replace them like any table), an empty
 * pipeline table beside them (filled from the workspace once it is read), and every summary table.
 */
export async function openEmbedded(db: SqlEngine, index: EmbeddedIndex, file: Uint8Array): Promise<LoadedDataset[]> {
  for (const t of index.tables) {
    await db.query(`DROP TABLE IF EXISTS ${sqlIdent(t.name)}`);
    // A copy of its bytes: the engine's worker takes the buffer it is given.
    await db.insertArrow(t.name, file.slice(t.offset, t.offset + t.bytes));
  }
  const counts = await db.query<{ name: string; rows: number }>(
    index.tables.map((t) => `SELECT ${sqlString(t.name)} AS name, count(*)::INTEGER AS rows FROM ${sqlIdent(t.name)}`).join(' UNION ALL '),
  );
  const wrong = index.tables.filter((t) => !counts.some((c) => c.name === t.name && c.rows === t.rows));
  if (wrong.length)
    throw new Error(`datasets/${index.file} does not hold what ${EMBEDDED_INDEX} lists: ${wrong.map((t) => t.name).join(', ')}`);
  await syncPipelineTable(db, []);
  await refreshSummaries(db, [...index.tables.map((t) => t.name), PIPELINE_TABLE]);
  return index.datasets;
}
