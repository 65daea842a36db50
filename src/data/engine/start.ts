// The engine's start in the browser (loaded as its own chunk: the first screen does not wait for
// it): DuckDB-wasm in its worker, then the embedded tables (embedded.ts), reporting steps a person
// can follow. They are fetched from our own origin, relative to the page (sub-path safe), while the
// engine starts.
import { createBrowserEngine } from './browser';
import type { StartedWorker } from './worker';
import type { SqlEngine } from './engine';
import type { LoadedDataset } from '../loaders/dataset';
import { EMBEDDED_INDEX, openEmbedded, parseEmbeddedIndex } from '../tables/embedded';

export type EngineStep = { kind: 'engine'; text: string } | { kind: 'dataset'; id: string; text: string };

async function download(file: string): Promise<Response> {
  const res = await fetch(new URL(`datasets/${file}`, document.baseURI));
  if (!res.ok) throw new Error(`datasets/${file}: HTTP ${res.status}`);
  return res;
}

/** Attaches to DuckDB's worker (started by boot.ts), fetches the embedded tables meanwhile, then opens them. */
export async function bootEngine(
  worker: StartedWorker,
  onStep: (s: EngineStep) => void,
): Promise<{ engine: SqlEngine; datasets: LoadedDataset[] }> {
  const starting = createBrowserEngine(worker);
  onStep({ kind: 'engine', text: 'Starting the query engine (DuckDB-wasm)…' });
  const embedded = download(EMBEDDED_INDEX)
    .then((r) => r.json())
    .then(parseEmbeddedIndex)
    .then(async (index) => ({ index, file: new Uint8Array(await (await download(index.file)).arrayBuffer()) }));
  embedded.catch(() => undefined); // reported below, where it is awaited
  const engine = await starting;
  onStep({ kind: 'engine', text: 'Query engine started' });
  const { index, file } = await embedded;
  const datasets = await openEmbedded(engine, index, file);
  for (const d of datasets) onStep({ kind: 'dataset', id: d.id, text: `${d.title}: ${d.summary}` });
  return { engine, datasets };
}
