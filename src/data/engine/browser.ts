// DuckDB-wasm in a Web Worker, with its wasm and worker files bundled by Vite and served from our
// own origin (no CDN). Only the exception-handling build ships: it runs in every current browser,
// and shipping mvp/coi too would triple dist/ for no gain (see README, Architecture).
import { AsyncDuckDB, ConsoleLogger, DuckDBDataProtocol, LogLevel, type AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { Table } from 'apache-arrow';
import { NO_EXTENSION_DOWNLOADS, type SqlEngine } from './engine';
import { arrowToRows } from './arrow-rows';
import { StatementCache, bindParams, bindable } from './sql';

// A .wasm served with the wrong MIME type makes instantiate() wait forever: fail loudly instead.
const INSTANTIATE_TIMEOUT_MS = 60_000;

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(
      () => reject(new Error(`${what} did not finish within ${ms / 1000} s (is .wasm served as application/wasm?)`)),
      ms,
    );
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e: unknown) => (clearTimeout(t), reject(e instanceof Error ? e : new Error(String(e)))),
    );
  });
}

export async function createBrowserEngine(): Promise<SqlEngine> {
  const worker = new Worker(new URL(workerUrl, import.meta.url));
  const db = new AsyncDuckDB(new ConsoleLogger(LogLevel.WARNING), worker);
  // No progress callback: with one, DuckDB pipes the download through a TransformStream in the
  // worker, a synthetic response the browser cannot cache compiled code for.
  await withTimeout(db.instantiate(new URL(wasmUrl, import.meta.url).href, null), INSTANTIATE_TIMEOUT_MS, 'Starting the DuckDB engine');
  const conn: AsyncDuckDBConnection = await db.connect();
  await conn.query(NO_EXTENSION_DOWNLOADS);
  // The benchmark build records each query (the engine's time, then the conversion) to say where time goes.
  const bench = import.meta.env.MODE === 'bench';
  const statements = new StatementCache((sql) => conn.prepare(sql));
  const run = async (sql: string, params?: unknown[]) => {
    const t0 = performance.now();
    const table = bindable(params)
      ? await (await statements.get(sql)).query(...params)
      : await conn.query(params?.length ? bindParams(sql, params) : sql);
    if (bench) performance.measure(`sql ${sql.replace(/\s+/g, ' ').trim().slice(0, 80)}`, { start: t0 });
    return table;
  };
  const timed = <T>(table: Table, convert: (t: Table) => T): T => {
    const t0 = performance.now();
    const out = convert(table);
    if (bench) performance.measure(`js ${table.numRows} rows × ${table.numCols} columns`, { start: t0 });
    return out;
  };
  return {
    async query<Row>(sql: string, params?: unknown[]) {
      return timed(await run(sql, params), arrowToRows<Row>);
    },
    async registerFile(name, source) {
      if (source instanceof Uint8Array) await db.registerFileBuffer(name, source);
      else await db.registerFileHandle(name, source, DuckDBDataProtocol.BROWSER_FILEREADER, true);
    },
    async dropFile(name) {
      await db.dropFile(name);
    },
    async insertArrow(table, ipc) {
      await conn.insertArrowFromIPCStream(ipc, { name: table, create: true });
    },
  };
}
