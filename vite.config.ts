import path from 'node:path';
import { createServer, defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const ROOT = import.meta.dirname;

/**
 * The first screen's query results (src/data/snapshot.ts), computed at build time by the app's own
 * loaders and SQL on DuckDB-wasm under Node (tools/first-screen.ts), written as a JSON asset and
 * preloaded from index.html with the state map's shapes, so the map draws before the engine has started.
 */
function firstScreen(): Plugin {
  // The state map's shapes: the first screen's level (the county shapes are fetched when needed).
  const PRELOAD = ['first-screen.json', 'states-albers-10m.json'];
  return {
    name: 'atlas-first-screen',
    apply: 'build',
    async buildStart() {
      const server = await createServer({
        configFile: false,
        root: ROOT,
        logLevel: 'silent',
        appType: 'custom',
        server: { middlewareMode: true, hmr: false, watch: null },
        optimizeDeps: { noDiscovery: true, include: [] },
      });
      try {
        const m = (await server.ssrLoadModule('/tools/first-screen.ts')) as typeof import('./tools/first-screen');
        const source = await m.firstScreenJson(path.join(ROOT, 'public/datasets'));
        this.emitFile({ type: 'asset', name: 'first-screen.json', source });
      } finally {
        await server.close();
      }
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const assets = Object.values(ctx.bundle ?? {}).flatMap((f) =>
          f.type === 'asset' && PRELOAD.some((name) => f.names.includes(name) || f.originalFileNames.some((o) => o.endsWith(name)))
            ? [f]
            : [],
        );
        return assets.map((f) => ({
          tag: 'link',
          attrs: {
            rel: 'preload',
            as: 'fetch',
            crossorigin: '',
            href: `./${f.fileName}`,
            ...(f.names.includes('first-screen.json') ? { 'data-first-screen': '' } : {}),
          },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

// Relative base: dist/ works from any static host and from a sub-path.
export default defineConfig({
  base: './',
  plugins: [react(), firstScreen()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    // Every module the first screen loads goes into one chunk (beside rolldown's small runtime):
    // split by what the lazy screens also import, they were 20 small files whose requests queued
    // behind each other on a cold start (first screen, 15 cold starts each: median 700 → 584 ms;
    // initial JS 198 → 192 KB gzip). A few small modules that only lazy screens run come with it,
    // through the model's index files.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] } } },
  },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
});
