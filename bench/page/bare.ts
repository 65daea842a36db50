// The cold-start floor: the same DuckDB-wasm build the app ships (eh worker and wasm, bundled by
// Vite and served from this origin), started the plain way and asked one query. Nothing else runs,
// so navigation → `data-engine-ready` is what the engine alone costs on this machine.
import { AsyncDuckDB, ConsoleLogger, LogLevel } from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';

declare global {
  interface Window {
    __bareReady: Promise<{ readyMs: number; instantiatedMs: number }>;
  }
}

const out = document.querySelector<HTMLElement>('#out')!;

window.__bareReady = (async () => {
  const db = new AsyncDuckDB(new ConsoleLogger(LogLevel.WARNING), new Worker(new URL(workerUrl, import.meta.url)));
  await db.instantiate(new URL(wasmUrl, import.meta.url).href);
  const instantiatedMs = performance.now();
  const conn = await db.connect();
  await conn.query('SELECT 1');
  const readyMs = performance.now();
  document.body.dataset.engineReady = 'true';
  out.textContent = `DuckDB-wasm ready ${readyMs.toFixed(0)} ms after navigation (instantiated at ${instantiatedMs.toFixed(0)} ms)`;
  return { readyMs, instantiatedMs };
})();
