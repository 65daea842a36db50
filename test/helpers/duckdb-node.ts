// The real DuckDB-wasm under Node (blocking API), behind the same SqlEngine interface the app uses.
import { createRequire } from 'node:module';
import path from 'node:path';
import { createDuckDB, ConsoleLogger, LogLevel, NODE_RUNTIME } from '@duckdb/duckdb-wasm/blocking';
import type { SqlEngine } from '../../src/data/engine';
import { arrowToRows } from '../../src/data/arrow-rows';
import { bindParams } from '../../src/data/sql';

const require = createRequire(import.meta.url);
const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));

export async function createNodeEngine(): Promise<SqlEngine> {
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
  return {
    // The blocking Node API runs each call at once; the engine interface is asynchronous.
    query<Row>(sql: string, params?: unknown[]) {
      return Promise.resolve().then(() => arrowToRows<Row>(conn.query(params?.length ? bindParams(sql, params) : sql)));
    },
    registerFile(name, source) {
      if (!(source instanceof Uint8Array)) return Promise.reject(new Error('Node engine takes bytes, not File objects'));
      return Promise.resolve().then(() => db.registerFileBuffer(name, source));
    },
    dropFile(name) {
      return Promise.resolve().then(() => db.dropFile(name));
    },
  };
}
