// The same DuckDB-wasm under Node (its blocking API), behind the SqlEngine interface: the tests run
// every query on it, and the build computes the first screen's snapshot with it (snapshot.ts).
import { createRequire } from 'node:module';
import path from 'node:path';
import { createDuckDB, ConsoleLogger, LogLevel, NODE_RUNTIME } from '@duckdb/duckdb-wasm/blocking';
import { NO_EXTENSION_DOWNLOADS, type SqlEngine } from './engine';
import { arrowToRows } from './arrow-rows';
import { StatementCache, bindParams, bindable } from './sql';

const arrowCjs = createRequire(import.meta.url)('apache-arrow') as typeof import('apache-arrow');

/** The Node engine also writes a query's result as an Arrow IPC stream (the build of the embedded tables). */
export interface NodeEngine extends SqlEngine {
  arrowIpc(sql: string): Promise<Uint8Array>;
}

export async function createNodeEngine(): Promise<NodeEngine> {
  const dist = path.dirname(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
  const db = await createDuckDB(
    {
      mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs') },
      eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs') },
    },
    new ConsoleLogger(LogLevel.WARNING),
    NODE_RUNTIME,
  );
  await db.instantiate();
  const conn = db.connect();
  conn.query(NO_EXTENSION_DOWNLOADS);
  // The blocking API runs each call at once; the engine interface is asynchronous.
  const later = <T>(f: () => T): Promise<T> => Promise.resolve().then(f);
  const statements = new StatementCache((sql) => later(() => conn.prepare(sql)));
  return {
    async query<Row>(sql: string, params?: unknown[]) {
      if (bindable(params)) {
        const statement = await statements.get(sql);
        return arrowToRows<Row>(statement.query(...params));
      }
      return later(() => arrowToRows<Row>(conn.query(params?.length ? bindParams(sql, params) : sql)));
    },
    registerFile(name, source) {
      if (!(source instanceof Uint8Array)) return Promise.reject(new Error('the Node engine takes bytes, not File objects'));
      return later(() => db.registerFileBuffer(name, source));
    },
    dropFile: (name) => later(() => db.dropFile(name)),
    insertArrow: (table, ipc) => later(() => conn.insertArrowFromIPCStream(ipc, { name: table, create: true })),
    // The blocking build returns tables of the CommonJS copy of apache-arrow: serialised with the same copy.
    arrowIpc: (sql) => later(() => arrowCjs.tableToIPC(conn.query(sql), 'stream')),
  };
}
