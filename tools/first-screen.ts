// The build's side of src/data/snapshot.ts (run by vite.config.ts): the embedded tables opened in
// DuckDB-wasm under Node as the browser opens them, then the first screen's queries.
import fs from 'node:fs';
import path from 'node:path';
import { createNodeEngine } from '../src/data/engine/node';
import { EMBEDDED_INDEX, openEmbedded, parseEmbeddedIndex } from '../src/data/tables/embedded';
import { snapshotJson, takeSnapshot } from '../src/data/cache/snapshot';
import { firstScreenQueries } from '../src/app/map/first-screen';

/** `dir`: where embedded.json and the file it names are (public/datasets). */
export async function firstScreenJson(dir: string): Promise<string> {
  const index = parseEmbeddedIndex(JSON.parse(fs.readFileSync(path.join(dir, EMBEDDED_INDEX), 'utf8')));
  const db = await createNodeEngine();
  const datasets = await openEmbedded(db, index, new Uint8Array(fs.readFileSync(path.join(dir, index.file))));
  const queries = await firstScreenQueries((q) => db.query(q.sql, q.params));
  return snapshotJson(await takeSnapshot(db, datasets, queries));
}
