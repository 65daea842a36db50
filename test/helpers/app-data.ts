// Loads the app's embedded datasets (public/datasets/manifest.json) into a Node engine, through the
// same loader the browser uses; and a user's file or the pipeline as the app loads them: the table,
// then the summaries computed from it (the coordinator does that in the app).
import fs from 'node:fs';
import path from 'node:path';
import type { SqlEngine } from '../../src/data/engine';
import { parseManifest } from '../../src/data/manifest';
import { loadUserFile, type LoadedDataset } from '../../src/data/datasets';
import { loadEmbeddedAll } from '../../src/data/embedded';
import { refreshSummaries } from '../../src/data/summaries';
import { PIPELINE_TABLE, generatePipelineTable, syncPipelineTable } from '../../src/data/pipeline-table';
import type { Candidate } from '../../src/model/types';

export const DATASETS = path.resolve(import.meta.dirname, '../../public/datasets');

export const manifest = () => parseManifest(JSON.parse(fs.readFileSync(path.join(DATASETS, 'manifest.json'), 'utf8')));

export function loadEmbeddedDatasets(db: SqlEngine): Promise<LoadedDataset[]> {
  return loadEmbeddedAll(db, manifest().datasets, (entry) =>
    Promise.resolve(new Uint8Array(fs.readFileSync(path.join(DATASETS, entry.file)))),
  );
}

export async function loadFile(db: SqlEngine, source: Uint8Array, fileName: string, options: { now?: Date } = {}): Promise<LoadedDataset> {
  const dataset = await loadUserFile(db, source, fileName, options);
  await refreshSummaries(db, [dataset.table]);
  return dataset;
}

/** The pipeline table: these candidates, or `n` generated ones. */
export async function setPipeline(db: SqlEngine, candidates: readonly Candidate[] | number): Promise<void> {
  if (typeof candidates === 'number') await generatePipelineTable(db, candidates);
  else await syncPipelineTable(db, candidates);
  await refreshSummaries(db, [PIPELINE_TABLE]);
}
