// DuckDB-wasm's worker, started from the page's first script (boot.ts says when): compiling the
// 34 MB wasm is most of the engine's start, so it does not wait for the engine's own chunk
// (AsyncDuckDB and Apache Arrow, ~45 KB gzip). The worker is created here and asked to instantiate
// itself with the message AsyncDuckDB.instantiate() sends; browser.ts attaches AsyncDuckDB to it
// once it has answered. The wasm and worker files are bundled by Vite and served from our own
// origin (no CDN); only the exception-handling build ships (it runs in every current browser).
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';

export interface StartedWorker {
  worker: Worker;
  /** Resolves once DuckDB is instantiated in the worker; rejects with its error. */
  instantiated: Promise<void>;
}

/** Far above the ids AsyncDuckDB gives its own messages (it counts from 0). */
const FIRST_MESSAGE = 2 ** 30;

// A .wasm served with the wrong MIME type makes instantiation wait forever: fail loudly instead.
const INSTANTIATE_TIMEOUT_MS = 60_000;

export function startDuckDbWorker(): StartedWorker {
  const worker = new Worker(new URL(workerUrl, import.meta.url));
  const instantiated = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new Error(
            `Starting the DuckDB engine did not finish within ${INSTANTIATE_TIMEOUT_MS / 1000} s (is .wasm served as application/wasm?)`,
          ),
        ),
      INSTANTIATE_TIMEOUT_MS,
    );
    const onMessage = (e: MessageEvent<{ requestId?: number; type?: string; data?: { message?: string } }>) => {
      if (e.data?.requestId !== FIRST_MESSAGE || e.data.type === 'INSTANTIATE_PROGRESS') return;
      worker.removeEventListener('message', onMessage);
      clearTimeout(timer);
      if (e.data.type === 'OK') resolve();
      else reject(new Error(`Starting the DuckDB engine failed: ${e.data.data?.message ?? e.data.type}`));
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', (e) => reject(new Error(`The DuckDB worker could not start: ${e.message}`)), { once: true });
    // No progress callback: with one, DuckDB pipes the download through a TransformStream in the
    // worker, a synthetic response the browser cannot cache compiled code for.
    worker.postMessage({ messageId: FIRST_MESSAGE, type: 'INSTANTIATE', data: [new URL(wasmUrl, import.meta.url).href, null] });
  });
  instantiated.catch(() => undefined); // reported by whoever awaits it
  return { worker, instantiated };
}
