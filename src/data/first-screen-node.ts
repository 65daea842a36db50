// The build's side of first-screen.ts: the embedded datasets loaded into DuckDB-wasm under Node,
// then the first screen's tables, as the JSON the browser fetches (run by vite.config.ts).
import fs from 'node:fs';
import path from 'node:path';
import { createNodeEngine } from './duckdb-node';
import { loadEmbeddedAll } from './embedded';
import { buildFirstScreen } from './first-screen';
import { parseManifest } from './manifest';

export async function firstScreenJson(datasetsDir: string): Promise<string> {
  const manifest = parseManifest(JSON.parse(fs.readFileSync(path.join(datasetsDir, 'manifest.json'), 'utf8')));
  const db = await createNodeEngine();
  const datasets = await loadEmbeddedAll(db, manifest.datasets, (entry) =>
    Promise.resolve(new Uint8Array(fs.readFileSync(path.join(datasetsDir, entry.file)))),
  );
  return JSON.stringify(await buildFirstScreen(db, datasets));
}
