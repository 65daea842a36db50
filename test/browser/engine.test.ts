// DuckDB-wasm in a real Chromium, from the app's source modules (Vite's dev server): it opens the
// embedded tables without parsing anything, and never fetches an extension — asked for Parquet
// (not built into DuckDB-wasm), it fails at once instead of downloading it from extensions.duckdb.org.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openModulesPage } from './harness';
import { embeddedIndex } from '../helpers/app-data';

const MODULES = { engine: '/src/data/engine/browser.ts', embedded: '/src/data/tables/embedded.ts' };
let page: Page;
let seen: Awaited<ReturnType<typeof openModulesPage>>['seen'];
let close: () => Promise<void>;

beforeAll(async () => {
  ({ page, seen, close } = await openModulesPage());
});
afterAll(async () => {
  await close?.();
});

describe('DuckDB-wasm in Chromium', () => {
  it('opens the embedded tables from their Arrow file, each with the rows its index lists, and loads no extension', async () => {
    const r = await page.evaluate(async (m) => {
      const load = (window as unknown as { load: (path: string) => Promise<unknown> }).load;
      const { createBrowserEngine } = (await load(m.engine)) as typeof import('../../src/data/engine/browser');
      const { openEmbedded, parseEmbeddedIndex } = (await load(m.embedded)) as typeof import('../../src/data/tables/embedded');
      const db = await createBrowserEngine();
      const index = parseEmbeddedIndex(await (await fetch('/datasets/embedded.json')).json());
      const file = new Uint8Array(await (await fetch(`/datasets/${index.file}`)).arrayBuffer());
      await openEmbedded(db, index, file);
      const counts = await db.query<{ name: string; n: number }>(
        index.tables.map((t) => `SELECT '${t.name}' AS name, count(*)::INTEGER AS n FROM ${t.name}`).join(' UNION ALL '),
      );
      const extensions = await db.query<{ extension_name: string }>(
        `SELECT extension_name FROM duckdb_extensions() WHERE loaded AND install_mode <> 'STATICALLY_LINKED'`,
      );
      const parquet = await db.query(`SELECT * FROM read_parquet('anything.parquet')`).then(
        () => 'answered',
        (e: Error) => e.message,
      );
      return { counts, extensions, parquet };
    }, MODULES);
    expect(new Map(r.counts.map((c) => [c.name, c.n]))).toEqual(new Map(embeddedIndex().tables.map((t) => [t.name, t.rows])));
    expect(r.extensions).toEqual([]);
    expect(r.parquet).toMatch(/parquet/i);
    expect(seen.offOrigin).toEqual([]);
  });
});
