// The floors the app is measured against, with the same DuckDB-wasm build the app ships (eh worker
// and wasm, bundled by Vite and served from this origin), used the plain way:
// - cold start: navigation → the engine started and one query answered;
// - ingest: a picked file → DuckDB's own read of it into a table, `CREATE TABLE t AS SELECT * FROM
//   read_csv(file)` (every column, types detected), as a page that does nothing else would read it.
import { AsyncDuckDB, ConsoleLogger, DuckDBDataProtocol, LogLevel } from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';

export interface BareIngest {
  totalMs: number;
  rows: number;
  file: { name: string; size: number };
}

declare global {
  interface Window {
    __bareReady: Promise<{ readyMs: number; instantiatedMs: number }>;
    __bareArm: () => boolean;
    __barePending?: Promise<BareIngest>;
  }
}

const out = document.querySelector<HTMLElement>('#out')!;
const input = document.querySelector<HTMLInputElement>('#file')!;
const db = new AsyncDuckDB(new ConsoleLogger(LogLevel.WARNING), new Worker(new URL(workerUrl, import.meta.url)));

window.__bareReady = (async () => {
  await db.instantiate(new URL(wasmUrl, import.meta.url).href);
  const instantiatedMs = performance.now();
  const conn = await db.connect();
  await conn.query('SELECT 1');
  const readyMs = performance.now();
  await conn.close();
  document.body.dataset.engineReady = 'true';
  out.textContent = `DuckDB-wasm ready ${readyMs.toFixed(0)} ms after navigation (instantiated at ${instantiatedMs.toFixed(0)} ms)`;
  return { readyMs, instantiatedMs };
})();

let runs = 0;
window.__bareArm = () => {
  window.__barePending = new Promise<BareIngest>((resolve, reject) => {
    input.addEventListener(
      'change',
      () => {
        const t0 = performance.now();
        const file = input.files![0];
        const name = `bare-${++runs}.csv`;
        void (async () => {
          await window.__bareReady;
          const conn = await db.connect();
          try {
            await db.registerFileHandle(name, file, DuckDBDataProtocol.BROWSER_FILEREADER, true);
            await conn.query(`CREATE OR REPLACE TABLE t AS SELECT * FROM read_csv('${name}')`);
            const totalMs = performance.now() - t0;
            const rows = Number((await conn.query('SELECT count(*) AS n FROM t')).getChildAt(0)!.get(0));
            out.textContent = `DuckDB read ${file.name}: ${rows} rows in ${totalMs.toFixed(0)} ms`;
            resolve({ totalMs, rows, file: { name: file.name, size: file.size } });
          } finally {
            await conn.close();
            await db.dropFile(name);
          }
        })().catch((e: unknown) => reject(e instanceof Error ? e : new Error(String(e))));
      },
      { once: true },
    );
  });
  window.__barePending.catch(() => {});
  return true;
};
