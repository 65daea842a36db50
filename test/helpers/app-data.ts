// Loads the app's embedded datasets (public/datasets/manifest.json) into a Node engine, through the
// same loader the browser uses.
import fs from 'node:fs';
import path from 'node:path';
import type { SqlEngine } from '../../src/data/engine';
import { parseManifest } from '../../src/data/manifest';
import type { LoadedDataset } from '../../src/data/datasets';
import { loadEmbeddedAll } from '../../src/data/embedded';

export const DATASETS = path.resolve(import.meta.dirname, '../../public/datasets');

export const manifest = () => parseManifest(JSON.parse(fs.readFileSync(path.join(DATASETS, 'manifest.json'), 'utf8')));

export function loadEmbeddedDatasets(db: SqlEngine): Promise<LoadedDataset[]> {
  return loadEmbeddedAll(db, manifest().datasets, (entry) =>
    Promise.resolve(new Uint8Array(fs.readFileSync(path.join(DATASETS, entry.file)))),
  );
}
