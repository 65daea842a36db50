// The one interface every query goes through. The browser implements it with DuckDB-wasm in a
// Web Worker (browser.ts); tests and the build implement it with the same DuckDB-wasm under Node
// (node.ts).
export interface SqlEngine {
  /** Runs a query and returns plain objects (numbers, strings, booleans, Dates, null). */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Makes bytes or a user's File readable by SQL under `name`. A File is read in place, not copied. */
  registerFile(name: string, source: File | Uint8Array): Promise<void>;
  dropFile(name: string): Promise<void>;
  /** Creates `table` from an Arrow IPC stream (the embedded tables: see embedded.ts). */
  insertArrow(table: string, ipc: Uint8Array): Promise<void>;
}

/**
 * Run first on every connection: DuckDB never fetches an extension. Parquet, JSON and the rest are
 * not built into DuckDB-wasm: asked for one, DuckDB would download it from extensions.duckdb.org,
 * and the app makes no request off its own origin. A query that needs one fails instead.
 */
export const NO_EXTENSION_DOWNLOADS = 'SET autoinstall_known_extensions = false; SET autoload_known_extensions = false';

/**
 * An engine that is still starting, or not started yet: every call asks for it to start
 * (`start`) and waits for it, in order. The app draws its first screen from the build's snapshot
 * meanwhile (snapshot.ts).
 */
export function deferredEngine(ready: Promise<SqlEngine>, start: () => void = () => {}): SqlEngine {
  const engine = () => {
    start();
    return ready;
  };
  return {
    query: async (sql, params) => (await engine()).query(sql, params),
    registerFile: async (name, source) => (await engine()).registerFile(name, source),
    dropFile: async (name) => (await engine()).dropFile(name),
    insertArrow: async (table, ipc) => (await engine()).insertArrow(table, ipc),
  };
}
