// DuckDB-wasm in a real Chromium, from the app's source modules (Vite's dev server): it opens the
// embedded tables without parsing anything, and never fetches an extension — asked for Parquet
// (not built into DuckDB-wasm), it fails at once instead of downloading it from extensions.duckdb.org.
// And the views' hook over it (useQuery): a query made from rows still on their way is not asked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openModulesPage } from './harness';
import { embeddedIndex } from '../helpers/app-data';

const MODULES = {
  engine: '/src/data/engine/browser.ts',
  embedded: '/src/data/tables/embedded.ts',
  coordinator: '/src/data/cache/coordinator.ts',
  useQuery: '/src/views/use-query.ts',
  atlas: '/src/views/atlas-context.ts',
  react: '/test/browser/pages/react.ts',
};
let page: Page;
let seen: Awaited<ReturnType<typeof openModulesPage>>['seen'];
let close: () => Promise<void>;

beforeAll(async () => {
  ({ page, seen, close } = await openModulesPage(['react', 'react-dom', 'react-dom/client']));
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

describe('a view whose query is made from rows still on their way (useQuery with hold)', () => {
  it('asks the engine nothing while held, shows a cached answer at once, and asks its query once released', async () => {
    const r = await page.evaluate(async (m) => {
      const load = (window as unknown as { load: (path: string) => Promise<unknown> }).load;
      const { createBrowserEngine } = (await load(m.engine)) as typeof import('../../src/data/engine/browser');
      const { Coordinator, namedQuery } = (await load(m.coordinator)) as typeof import('../../src/data/cache/coordinator');
      const { useQuery } = (await load(m.useQuery)) as typeof import('../../src/views/use-query');
      const { AtlasContext } = (await load(m.atlas)) as typeof import('../../src/views/atlas-context');
      const { createElement, createRoot, flushSync } = (await load(m.react)) as typeof import('./pages/react');
      const db = await createBrowserEngine();
      await db.query('CREATE TABLE t AS SELECT range AS x FROM range(5)');
      const coordinator = new Coordinator(db);
      const count = namedQuery<{ n: number }>('t-count', ['t'], 'SELECT count(*)::INTEGER AS n FROM t');
      const total = namedQuery<{ n: number }>('t-total', ['t'], 'SELECT sum(x)::INTEGER AS n FROM t');
      const atlas = {
        coordinator,
        datasets: [],
        loadFile: () => Promise.reject(new Error('no files here')),
        engine: 'ready' as const,
        markDrawn: () => {},
      };
      const div = document.body.appendChild(document.createElement('div'));
      function View({ query, hold }: { query: typeof count; hold: boolean }) {
        const s = useQuery(query, { hold });
        return createElement('p', { 'data-pending': String(s.pending) }, s.rows ? String(s.rows[0].n) : 'none');
      }
      const root = createRoot(div);
      const show = (query: typeof count, hold: boolean) =>
        flushSync(() => root.render(createElement(AtlasContext.Provider, { value: atlas }, createElement(View, { query, hold }))));
      const seen = () => ({ text: div.textContent, pending: div.querySelector('p')!.dataset.pending, run: coordinator.stats.run });
      const settle = async (until: () => boolean) => {
        for (let i = 0; i < 200 && !until(); i++) await new Promise((r) => setTimeout(r, 10));
        return seen();
      };
      const pause = () => new Promise((r) => setTimeout(r, 300));
      show(count, true);
      await pause();
      const held = seen();
      show(count, false);
      const released = await settle(() => div.textContent !== 'none');
      await pause();
      const after = seen();
      await coordinator.query(total);
      show(total, true);
      const cachedWhileHeld = seen();
      root.unmount();
      return { held, released, after, cachedWhileHeld };
    }, MODULES);
    // Held: nothing asked, nothing shown, and the view says it is waiting.
    expect(r.held).toEqual({ text: 'none', pending: 'true', run: 0 });
    // Released: asked once and shown (0 + 1 + 2 + 3 + 4 rows: 5 of them).
    expect(r.released).toEqual({ text: '5', pending: 'false', run: 1 });
    expect(r.after.run).toBe(1);
    // A held query already answered is shown at once (0 + 1 + 2 + 3 + 4 = 10), without asking again.
    expect(r.cachedWhileHeld).toEqual({ text: '10', pending: 'false', run: 2 });
    expect(seen.offOrigin).toEqual([]);
  });
});
