// The embedded datasets as the app opens them: every embedded table, and the summary tables
// computed from them (summaries.ts), as Arrow IPC streams (the columnar form DuckDB-wasm takes in
// natively: nothing is parsed, nothing computed, no extension needed), one after another in
// public/datasets/embedded.arrows, and an index beside it (embedded.json) with each table's place
// and row count and each dataset's provenance and load summary. Both are built by the app's own
// loaders and summaries' SQL from the sources in datasets/ (tools/build-embedded.mjs). The
// browser's start, the build's first-screen snapshot and the tests open them this way.
import type { SqlEngine } from '../engine/engine';
import type { LoadedDataset } from '../loaders/dataset';
import { refreshSummaries } from './summaries';
import { EMPTY_PIPELINE_SQL, PIPELINE_TABLE } from './pipeline';
import { createLcaTableSql } from './market';

export interface EmbeddedTable {
  name: string;
  /** A summary table (summaries.ts) of the embedded tables, shipped computed. */
  summary?: boolean;
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
 * Creates every embedded table and summary in a fresh engine (uploads then replace them like any
 * table), the market tables the file leaves empty, and the empty pipeline table with its summary (filled from the workspace once it is read).
 * The file was checked when it was built (tools/embedded-db.ts opens it this way before writing it).
 */
export async function openEmbedded(db: SqlEngine, index: EmbeddedIndex, file: Uint8Array): Promise<LoadedDataset[]> {
  // A copy of each table's bytes: the engine's worker takes the buffer it is given.
  for (const t of index.tables) await db.insertArrow(t.name, file.slice(t.offset, t.offset + t.bytes));
  await db.query(EMPTY_PIPELINE_SQL);
  // The market tables the file does not hold (cases certified then withdrawn: none in the embedded copy).
  await db.query(createLcaTableSql());
  await refreshSummaries(db, [PIPELINE_TABLE]);
  return index.datasets;
}
