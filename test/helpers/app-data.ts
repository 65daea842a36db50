// The app's embedded tables (public/datasets/embedded.arrows, built from datasets/ by
// tools/build-embedded.mjs) opened in a Node engine as the browser opens them; and a user's file or
// the pipeline as the app loads them: the table, then the summaries computed from it (the
// coordinator does that in the app).
import fs from 'node:fs';
import path from 'node:path';
import type { SqlEngine } from '../../src/data/engine/engine';
import { loadUserFile } from '../../src/data/loaders/registry';
import type { LoadedDataset } from '../../src/data/loaders/dataset';
import { EMBEDDED_INDEX, openEmbedded, parseEmbeddedIndex, type EmbeddedIndex } from '../../src/data/tables/embedded';
import { refreshSummaries } from '../../src/data/tables/summaries';
import { PIPELINE_TABLE, generatePipelineTable, syncPipelineTable } from '../../src/data/tables/pipeline';
import type { Candidate } from '../../src/model/types';

/** What the app ships: the embedded tables and their index. */
export const PUBLIC_DATASETS = path.resolve(import.meta.dirname, '../../public/datasets');
/** Their sources, and the manifest that lists them. */
export const SOURCES = path.resolve(import.meta.dirname, '../../datasets');

export const embeddedIndex = (): EmbeddedIndex =>
  parseEmbeddedIndex(JSON.parse(fs.readFileSync(path.join(PUBLIC_DATASETS, EMBEDDED_INDEX), 'utf8')));

export function loadEmbeddedDatasets(db: SqlEngine): Promise<LoadedDataset[]> {
  const index = embeddedIndex();
  return openEmbedded(db, index, new Uint8Array(fs.readFileSync(path.join(PUBLIC_DATASETS, index.file))));
}

/** A user's file through the loaders (the engine's tables only): the dataset the app would list. */
export async function loadUpload(
  db: SqlEngine,
  source: Uint8Array,
  fileName: string,
  options: { now?: Date } = {},
): Promise<LoadedDataset> {
  return (await loadUserFile(db, source, fileName, options)).dataset;
}

/** A user's file as the app loads it: the loaders, then the summaries computed from the tables it changed. */
export async function loadFile(db: SqlEngine, source: Uint8Array, fileName: string, options: { now?: Date } = {}): Promise<LoadedDataset> {
  const { dataset, changed } = await loadUserFile(db, source, fileName, options);
  await refreshSummaries(db, changed);
  return dataset;
}

/** The pipeline table: these candidates, or `n` generated ones. */
export async function setPipeline(db: SqlEngine, candidates: readonly Candidate[] | number): Promise<void> {
  if (typeof candidates === 'number') await generatePipelineTable(db, candidates);
  else await syncPipelineTable(db, candidates);
  await refreshSummaries(db, [PIPELINE_TABLE]);
}
