#!/usr/bin/env node
// npm run build:data — rebuilds public/datasets/embedded.arrows and embedded.json from datasets/
// (see tools/embedded-db.ts). Run it after changing a source in datasets/ or its manifest entry.
import path from 'node:path';
import fs from 'node:fs';
import { runnerImport } from 'vite';

const root = path.resolve(import.meta.dirname, '..');
const { buildEmbedded } = /** @type {typeof import('./embedded-db')} */ (
  (await runnerImport(path.join(root, 'tools/embedded-db.ts'))).module
);
const out = path.join(root, 'public/datasets');
const index = await buildEmbedded(path.join(root, 'datasets'), out);
const size = fs.statSync(path.join(out, index.file)).size;
console.log(`wrote public/datasets/${index.file} (${(size / 1e6).toFixed(2)} MB):`);
for (const t of index.tables) console.log(`  ${t.name}: ${t.rows.toLocaleString('en-US')} rows`);
