// The build's side of src/data/snapshot.ts (run by vite.config.ts): the embedded datasets loaded
// into DuckDB-wasm under Node, as the browser loads them, then the first screen's queries.
import fs from 'node:fs';
import path from 'node:path';
import { createNodeEngine } from '../src/data/duckdb-node';
import { loadEmbeddedAll } from '../src/data/embedded';
import { parseManifest } from '../src/data/manifest';
import { snapshotJson, takeSnapshot } from '../src/data/snapshot';
import { firstScreenQueries } from '../src/app/map/first-screen';

export async function firstScreenJson(datasetsDir: string): Promise<string> {
  const manifest = parseManifest(JSON.parse(fs.readFileSync(path.join(datasetsDir, 'manifest.json'), 'utf8')));
  const db = await createNodeEngine();
  const datasets = await loadEmbeddedAll(db, manifest.datasets, (entry) =>
    Promise.resolve(new Uint8Array(fs.readFileSync(path.join(datasetsDir, entry.file)))),
  );
  const queries = await firstScreenQueries((q) => db.query(q.sql, q.params));
  return snapshotJson(await takeSnapshot(db, datasets, queries));
}
