// The one interface every query goes through. The browser implements it with DuckDB-wasm in a
// Web Worker (duckdb-browser.ts); tests implement it with the same DuckDB-wasm under Node.
export interface SqlEngine {
  /** Runs a query and returns plain objects (numbers, strings, booleans, Dates, null). */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Makes bytes or a user's File readable by SQL under `name`. A File is read in place, not copied. */
  registerFile(name: string, source: File | Uint8Array): Promise<void>;
  dropFile(name: string): Promise<void>;
}
