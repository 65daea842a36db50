// DuckDB-wasm in a Web Worker (started by worker.ts), behind the SqlEngine interface.
import { AsyncDuckDB, ConsoleLogger, DuckDBDataProtocol, LogLevel, type AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { Table } from 'apache-arrow';
import { NO_EXTENSION_DOWNLOADS, type SqlEngine } from './engine';
import { arrowToRows } from './arrow-rows';
import { StatementCache, bindParams, bindable } from './sql';
import { startDuckDbWorker, type StartedWorker } from './worker';

/** The engine on a worker already started (worker.ts), or on a new one. */
export async function createBrowserEngine(started: StartedWorker = startDuckDbWorker()): Promise<SqlEngine> {
  await started.instantiated;
  const db = new AsyncDuckDB(new ConsoleLogger(LogLevel.WARNING), started.worker);
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
      const t0 = performance.now();
      await conn.insertArrowFromIPCStream(ipc, { name: table, create: true });
      if (bench) performance.measure(`arrow ${table}`, { start: t0 });
    },
  };
}
