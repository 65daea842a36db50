// Start-up in the browser: the engine, then every dataset the manifest lists, reporting progress a
// person can follow. Datasets are fetched from our own origin, relative to the page (sub-path safe).
import { createBrowserEngine } from './duckdb-browser';
import type { SqlEngine } from './engine';
import { parseManifest, type DatasetEntry } from './manifest';
import { loadEmbedded, type LoadedDataset } from './datasets';
import { refreshHpsaArea } from './derived';
import { syncPipelineTable } from './pipeline-table';

export type BootStep = { kind: 'engine'; text: string } | { kind: 'dataset'; id: string; text: string } | { kind: 'error'; text: string };

/** A download awaited later: mark its failure handled now, so it is reported once, where it is awaited. */
function quiet<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

async function fetchWithProgress(url: string, onBytes: (loaded: number, total: number) => void): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok || !res.body) throw new Error(`${url}: HTTP ${res.status}`);
  const total = Number(res.headers.get('content-length')) || 0;
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onBytes(loaded, total);
  }
  const out = new Uint8Array(loaded);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

export async function boot(onStep: (s: BootStep) => void): Promise<{ engine: SqlEngine; datasets: LoadedDataset[] }> {
  const manifestPromise = fetch(new URL('datasets/manifest.json', document.baseURI)).then((r) => {
    if (!r.ok) throw new Error(`datasets/manifest.json: HTTP ${r.status}`);
    return r.json();
  });
  // Datasets download while the engine starts; they load one at a time once it is ready (one connection).
  const downloads = manifestPromise.then((json) => {
    const manifest = parseManifest(json);
    return {
      manifest,
      bytes: manifest.datasets.map((d) =>
        quiet(
          fetchWithProgress(new URL(`datasets/${d.file}`, document.baseURI).href, (loaded, total) =>
            onStep({ kind: 'dataset', id: d.id, text: `${d.title}: downloading ${mb(loaded)}${total ? ` of ${mb(total)}` : ''}` }),
          ),
        ),
      ),
    };
  });
  onStep({ kind: 'engine', text: 'Starting the query engine (DuckDB-wasm)…' });
  const engine = await createBrowserEngine((p) => {
    if (p.phase === 'download' && p.totalBytes)
      onStep({ kind: 'engine', text: `Downloading the query engine: ${mb(p.loadedBytes ?? 0)} of ${mb(p.totalBytes)}` });
    if (p.phase === 'ready') onStep({ kind: 'engine', text: 'Query engine ready' });
  });
  performance.mark('atlas:engine-ready');
  const { manifest, bytes } = await downloads;
  const datasets: LoadedDataset[] = [];
  for (const [i, entry] of manifest.datasets.entries()) {
    datasets.push(await loadOne(engine, entry, await bytes[i], onStep));
  }
  await refreshHpsaArea(engine);
  await syncPipelineTable(engine, []); // filled from the workspace once it is read (PipelineSync)
  return { engine, datasets };
}

async function loadOne(engine: SqlEngine, entry: DatasetEntry, bytes: Uint8Array, onStep: (s: BootStep) => void): Promise<LoadedDataset> {
  onStep({ kind: 'dataset', id: entry.id, text: `${entry.title}: loading…` });
  const loaded = await loadEmbedded(engine, entry, bytes);
  onStep({ kind: 'dataset', id: entry.id, text: `${entry.title}: ${loaded.summary}` });
  performance.mark(`atlas:loaded:${entry.id}`); // start-up timing, read by the benchmarks
  return loaded;
}

export interface Booting {
  done: Promise<{ engine: SqlEngine; datasets: LoadedDataset[] }>;
  /** Replays the steps so far, then reports each new one; returns an unsubscribe function. */
  subscribe(listener: (s: BootStep) => void): () => void;
}

/** Starts booting at once (before React renders), so the engine download begins as early as it can. */
export function startBoot(): Booting {
  const steps: BootStep[] = [];
  const listeners = new Set<(s: BootStep) => void>();
  const done = boot((s) => {
    steps.push(s);
    for (const l of listeners) l(s);
  });
  done.catch(() => undefined); // reported by whoever awaits it
  return {
    done,
    subscribe(listener) {
      steps.forEach(listener);
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
