// The engine's start in the browser (loaded as its own chunk: the first screen does not wait for
// it): DuckDB-wasm in its worker, then every dataset the manifest lists, reporting steps a person
// can follow. Datasets are fetched from our own origin, relative to the page (sub-path safe).
import { createBrowserEngine } from './duckdb-browser';
import type { SqlEngine } from './engine';
import { parseManifest } from './manifest';
import type { LoadedDataset } from './datasets';
import { loadEmbeddedAll } from './embedded';

export type EngineStep = { kind: 'engine'; text: string } | { kind: 'dataset'; id: string; text: string };

/** A download awaited later: mark its failure handled now, so it is reported once, where it is awaited. */
function quiet<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

async function download(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

export async function bootEngine(onStep: (s: EngineStep) => void): Promise<{ engine: SqlEngine; datasets: LoadedDataset[] }> {
  // Datasets download while the engine starts.
  const downloads = fetch(new URL('datasets/manifest.json', document.baseURI))
    .then((r) => {
      if (!r.ok) throw new Error(`datasets/manifest.json: HTTP ${r.status}`);
      return r.json();
    })
    .then((json) => {
      const manifest = parseManifest(json);
      return { manifest, bytes: manifest.datasets.map((d) => quiet(download(new URL(`datasets/${d.file}`, document.baseURI).href))) };
    });
  void quiet(downloads);
  onStep({ kind: 'engine', text: 'Starting the query engine (DuckDB-wasm)…' });
  const engine = await createBrowserEngine();
  onStep({ kind: 'engine', text: 'Query engine started' });
  const { manifest, bytes } = await downloads;
  const datasets = await loadEmbeddedAll(
    engine,
    manifest.datasets,
    (_entry, i) => bytes[i],
    (entry, loaded) => {
      onStep({ kind: 'dataset', id: entry.id, text: `${entry.title}: ${loaded ? loaded.summary : 'loading…'}` });
      if (loaded) performance.mark(`atlas:loaded:${entry.id}`); // start-up timing, read by the benchmarks
    },
  );
  return { engine, datasets };
}
