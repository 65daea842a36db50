// The one interface every query goes through. The browser implements it with DuckDB-wasm in a
// Web Worker (duckdb-browser.ts); tests and the build implement it with the same DuckDB-wasm under
// Node (duckdb-node.ts).
import type { LocalTable } from './local-table';

export interface SqlEngine {
  /** Runs a query and returns plain objects (numbers, strings, booleans, Dates, null). */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a query and returns its result as columns (for the local index: see local-index.ts). */
  columns(sql: string): Promise<LocalTable>;
  /** Makes bytes or a user's File readable by SQL under `name`. A File is read in place, not copied. */
  registerFile(name: string, source: File | Uint8Array): Promise<void>;
  dropFile(name: string): Promise<void>;
}

/**
 * An engine that is still starting: every call waits for it. The app draws its first screen from
 * the local index meanwhile; uploads and SQL-only queries wait here, in order.
 */
export function deferredEngine(ready: Promise<SqlEngine>): SqlEngine {
  return {
    query: async (sql, params) => (await ready).query(sql, params),
    columns: async (sql) => (await ready).columns(sql),
    registerFile: async (name, source) => (await ready).registerFile(name, source),
    dropFile: async (name) => (await ready).dropFile(name),
  };
}
