// The embedded datasets (public/datasets/manifest.json) into an engine: one after another (one
// connection), the pipeline table empty until the workspace is read, then every summary table
// once. The browser's start, the build's first-screen snapshot and the tests all load them this way.
import type { SqlEngine } from './engine';
import type { DatasetEntry } from './manifest';
import { loadEmbedded, type LoadedDataset } from './datasets';
import { refreshSummaries } from './summaries';
import { PIPELINE_TABLE, syncPipelineTable } from './pipeline-table';

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
  await syncPipelineTable(db, []); // filled from the workspace once it is read (PipelineSync)
  await refreshSummaries(db, [...entries.map((e) => e.table), PIPELINE_TABLE]);
  return out;
}
