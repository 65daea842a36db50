// The embedded datasets (public/datasets/manifest.json) into an engine: one after another (one
// connection), then the derived tables once, and the pipeline table empty until the workspace is
// read. The browser's start, the build's first-screen tables and the tests all load them this way.
import type { SqlEngine } from './engine';
import type { DatasetEntry } from './manifest';
import { loadEmbedded, type LoadedDataset } from './datasets';
import { refreshHpsaArea } from './derived';
import { syncPipelineTable } from './pipeline-table';

export async function loadEmbeddedAll(
  db: SqlEngine,
  entries: readonly DatasetEntry[],
  bytesOf: (entry: DatasetEntry, i: number) => Promise<Uint8Array>,
  onLoaded?: (entry: DatasetEntry, loaded: LoadedDataset | null) => void,
): Promise<LoadedDataset[]> {
  const out: LoadedDataset[] = [];
  for (const [i, entry] of entries.entries()) {
    const bytes = await bytesOf(entry, i);
    onLoaded?.(entry, null);
    const loaded = await loadEmbedded(db, entry, bytes);
    onLoaded?.(entry, loaded);
    out.push(loaded);
  }
  await refreshHpsaArea(db);
  await syncPipelineTable(db, []); // filled from the workspace once it is read (PipelineSync)
  return out;
}
