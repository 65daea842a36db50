#!/usr/bin/env node
// Shortage Atlas benchmarks: `npm run bench` (= vite build --mode bench --outDir dist-bench && node bench/run.mjs).
// Serves dist-bench/ (the app with its bench hooks, window.__atlasBench, which `npm run build` leaves out), drives headless Chromium with playwright-core, writes bench/results.json and
// prints a table with the targets. See docs/performance.md for what each measure does exactly.
//
//   node bench/run.mjs [--runs N] [--only cold,ingest,interaction,list,forecast,bundle]
//                      [--changes 50] [--forecast-runs N] [--national FILE] [--keep-tmp]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serve } from './lib/serve.mjs';
import { launch, firstPage, chromiumVersion, chromiumPath, CHROMIUM_FLAGS } from './lib/browser.mjs';
import { installPageHelpers } from './lib/page-helpers.mjs';
import { RssSampler, procAvailable } from './lib/proc.mjs';
import { summarise, median, p95, round } from './lib/stats.mjs';
import { measurePipelineList } from './lib/pipeline-list.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
// The bench build: the production app plus window.__atlasBench (src/bench-hooks.ts).
const DIST = path.join(ROOT, 'dist-bench');
const RESULTS = path.join(HERE, 'results.json');
const MAKE_NATIONAL = path.join(ROOT, '..', 'shared', 'tools', 'make-national-hpsa.mjs');
const SIMULATE_TS = path.join(ROOT, 'src', 'model', 'forecast', 'simulate.ts');
const MiB = 1024 * 1024;

const GROUPS = ['cold', 'ingest', 'interaction', 'list', 'forecast', 'bundle'];
const NAMES = {
  cold: 'first screen (cold start → map drawn)',
  coldBare: 'cold start floor: bare DuckDB-wasm page, engine ready',
  coldEngine: 'engine ready with the embedded data (cold start)',
  coldViews: 'cold start → views done',
  ingestApp: 'national upload → views (app)',
  ingestBare: 'national ingest floor: bare DuckDB-wasm read_csv',
  ingestLoaded: 'national upload → "Loaded" message (app)',
  rssApp: 'national upload peak RSS added (app)',
  rssBare: 'national ingest peak RSS added (bare DuckDB-wasm)',
  interaction: 'state filter → views done (national HPSA)',
  interactionFirstAsk: 'state filter, first ask of each state (national HPSA, no prefetch)',
  interactionPipeline: 'pipeline filter → views done (1M rows)',
  interactionPipelineFirstAsk: 'pipeline filter, first ask of each state (1M rows, no prefetch)',
  forecastPage: 'forecast 10k candidates × 10k runs (app worker)',
  forecastPageVaried: 'forecast 10k × 10k, varied pipeline (app worker)',
  forecastPipeline: 'forecast 500 candidates × 10k runs, varied pipeline (app worker)',
  forecastNode: 'forecast (Node, same code)',
  forecastNodePipeline: 'forecast 500 × 10k, varied pipeline (Node, same code)',
  initialJs: 'initial JS (gzip, no wasm)',
  transfer: 'transfer to ready (as served)',
  transferGzip: 'transfer to ready (gzip-estimated)',
};

// ---------------------------------------------------------------- arguments
function parseArgs(argv) {
  /** @type {{ runs: number, only: string[], changes: number, forecastRuns: number | null, national: string | null, keepTmp: boolean }} */
  const out = { runs: 5, only: GROUPS, changes: 50, forecastRuns: null, national: null, keepTmp: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes('=') ? a.split(/=(.*)/s, 2) : [a, undefined];
    const value = () => String(inline ?? argv[++i]);
    if (flag === '--runs') out.runs = Number(value());
    else if (flag === '--only')
      out.only = value()
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    else if (flag === '--changes') out.changes = Number(value());
    else if (flag === '--forecast-runs') out.forecastRuns = Number(value());
    else if (flag === '--national') out.national = path.resolve(value());
    else if (flag === '--keep-tmp') out.keepTmp = true;
    else if (flag === '--help' || flag === '-h') {
      console.log(
        'usage: node bench/run.mjs [--runs N] [--only ' +
          GROUPS.join(',') +
          '] [--changes 50] [--forecast-runs N] [--national FILE] [--keep-tmp]',
      );
      process.exit(0);
    } else throw new Error(`unknown argument ${a} (try --help)`);
  }
  const bad = out.only.filter((g) => !GROUPS.includes(g));
  if (bad.length) throw new Error(`--only: unknown measure ${bad.join(', ')}; choose from ${GROUPS.join(', ')}`);
  if (!Number.isInteger(out.runs) || out.runs < 1) throw new Error('--runs: expected a whole number ≥ 1');
  if (!Number.isInteger(out.changes) || out.changes < 1) throw new Error('--changes: expected a whole number ≥ 1');
  return { ...out, forecastRuns: out.forecastRuns ?? out.runs };
}

// ---------------------------------------------------------------- helpers
const log = (...a) => console.log('[bench]', ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const firstLine = (e) => String(e?.message ?? e).split('\n')[0];
const gzipSize = (buf) => zlib.gzipSync(buf).length; // zlib default level (6), like most servers

function machineInfo() {
  const read = (f) => {
    try {
      return fs.readFileSync(f, 'utf8');
    } catch {
      return '';
    }
  };
  const memKb = Number(/MemTotal:\s+(\d+)/.exec(read('/proc/meminfo'))?.[1]);
  let nproc = os.availableParallelism?.() ?? os.cpus().length;
  try {
    nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
  } catch {
    /* keep Node's count */
  }
  let pw = null;
  try {
    pw = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/playwright-core/package.json'), 'utf8')).version;
  } catch {
    /* unknown */
  }
  return {
    nproc,
    memTotalGiB: memKb ? round(memKb / 1024 / 1024, 1) : null,
    cpuModel: /model name\s*:\s*(.*)/.exec(read('/proc/cpuinfo'))?.[1]?.trim() ?? os.cpus()[0]?.model ?? null,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    chromium: chromiumVersion(),
    chromiumPath: chromiumPath(),
    chromiumFlags: CHROMIUM_FLAGS,
    node: process.version,
    playwrightCore: pw,
  };
}

/** Waits until the app says ready; returns the in-page time (ms since navigation start). */
async function waitAppReady(page, timeout = 120_000) {
  await page.waitForFunction(() => window.__bench && window.__bench.readyAt !== null, null, { timeout, polling: 50 });
  return page.evaluate(() => window.__bench.readyAt);
}

/** Views (if any) done after load; returns in-page time or null when the app has no such views. */
async function waitViewsSettled(page, timeout = 60_000, appearWithinMs = 10_000) {
  // Views mount with the first screen, right after ready; allow them a moment to appear.
  const appeared = await page
    .waitForFunction(() => window.__bench.viewCount() > 0, null, { timeout: appearWithinMs, polling: 50 })
    .then(
      () => true,
      () => false,
    );
  if (!appeared) return null;
  await page.waitForFunction(() => window.__bench.allDone(), null, { timeout, polling: 50 });
  return page.evaluate(() => performance.now());
}

async function openApp(context, url, errors) {
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.addInitScript(installPageHelpers);
  await page.goto(url, { waitUntil: 'commit' });
  await waitAppReady(page);
  await waitViewsSettled(page);
  // An app that draws before its engine is up says so in data-engine: measures of uploads and of
  // queries start once the engine has taken over (the cold-start measure times that separately).
  await page.waitForFunction(() => (document.querySelector('.app')?.getAttribute('data-engine') ?? 'ready') === 'ready', null, {
    timeout: 120_000,
    polling: 50,
  });
  return page;
}

function withErrors(e, errors) {
  const extra = errors.length ? ` (page errors: ${errors.slice(-3).join(' | ')})` : '';
  return `${firstLine(e)}${extra}`;
}

/** Uploads `file` through the app's file input; returns the in-page measurement + RSS. */
async function appUpload(page, file, sampler) {
  const baseline = sampler ? await sampler.baseline() : null;
  await page.evaluate(() => window.__bench.armUpload('[data-testid="dataset-upload"]'));
  sampler?.start();
  await page.setInputFiles('[data-testid="dataset-upload"]', file);
  try {
    const r = await page.evaluate(() => window.__bench.pending);
    const rss = sampler?.stop();
    return { ...r, rssAdded: sampler ? rss.peak - baseline : null, rssSamples: rss?.samples };
  } catch (e) {
    sampler?.stop();
    throw e;
  }
}

// ---------------------------------------------------------------- 1. cold start (paired with the bare engine page)
/** One cold start of the app in a new browser with a new profile. */
async function coldApp(url) {
  const b = await launch(); // new user-data-dir every run
  const errors = [];
  try {
    const page = await firstPage(b.context);
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.addInitScript(installPageHelpers);
    const t = Date.now();
    await page.goto(url, { waitUntil: 'commit' });
    const readyAt = await waitAppReady(page);
    const wall = Date.now() - t;
    const views = await waitViewsSettled(page).catch((e) => {
      log(`cold start: views did not settle: ${firstLine(e)}`);
      return null;
    });
    // When the query engine took over (uploads and SQL wait for it): the app's performance mark.
    const engineAt = await page
      .waitForFunction(() => performance.getEntriesByName('atlas:engine-ready')[0]?.startTime ?? null, null, {
        timeout: 60_000,
        polling: 50,
      })
      .then((h) => h.jsonValue())
      .catch(() => null);
    return { readyAt, wall, views, engineAt };
  } catch (e) {
    throw new Error(withErrors(e, errors));
  } finally {
    await b.close();
  }
}

/** One cold start of the bare DuckDB-wasm page: navigation → engine instantiated, connected, SELECT 1 answered. */
async function coldBare(url) {
  const b = await launch();
  const errors = [];
  try {
    const page = await firstPage(b.context);
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bareReady !== undefined, null, { timeout: 60_000, polling: 20 });
    return await page.evaluate(() => window.__bareReady);
  } catch (e) {
    throw new Error(withErrors(e, errors));
  } finally {
    await b.close();
  }
}

async function measureCold({ runs }, server) {
  const A = [];
  const B = [];
  for (let i = 0; i < runs; i++) {
    const a = await coldApp(server.url('/atlas/'));
    A.push(a);
    const bare = await coldBare(server.url('/bench/bare.html'));
    B.push(bare);
    log(
      `cold start ${i + 1}/${runs}: app ready ${a.readyAt.toFixed(0)} ms${a.views != null ? `, views done ${a.views.toFixed(0)} ms` : ''}${a.engineAt != null ? `, engine ${a.engineAt.toFixed(0)} ms` : ''} | bare engine ready ${bare.readyMs.toFixed(0)} ms`,
    );
  }
  const ready = A.map((r) => r.readyAt);
  const bare = B.map((r) => r.readyMs);
  const views = A.map((r) => r.views).filter((v) => v != null);
  const engine = A.map((r) => r.engineAt).filter((v) => v != null);
  const out = [
    summarise(NAMES.cold, 'ms', ready, {
      pairedWith: NAMES.coldBare,
      ratio: round(median(ready) / median(bare), 3),
      ratioMeaning: 'median(this) / median(pairedWith)',
      what: 'navigation start → .app[data-ready="true"] (the map drawn from the build\'s snapshot of the default view\'s query results), in-page performance.now(); fresh profile (new user-data-dir) and new browser per run; runs alternate with the bare engine page',
      wallClockMs: { median: round(median(A.map((r) => r.wall))), p95: round(p95(A.map((r) => r.wall))) },
      targets: [{ stat: 'median', op: '<=', value: 600 }],
    }),
    summarise(NAMES.coldBare, 'ms', bare, {
      pairedWith: NAMES.cold,
      ratio: round(median(bare) / median(ready), 3),
      ratioMeaning: 'median(this) / median(pairedWith)',
      what: 'bench/page/bare.html: navigation start → the same DuckDB-wasm build the app ships (eh worker + wasm, same origin) instantiated, connected and SELECT 1 answered; nothing else on the page. The floor for any start that waits for the engine',
      instantiatedMs: { median: round(median(B.map((r) => r.instantiatedMs))), p95: round(p95(B.map((r) => r.instantiatedMs))) },
    }),
  ];
  if (engine.length)
    out.push(
      summarise(NAMES.coldEngine, 'ms', engine, {
        pairedWith: NAMES.coldBare,
        ratio: round(median(engine) / median(bare), 3),
        ratioMeaning: 'median(this) / median(pairedWith)',
        what: "navigation start → the app's performance mark atlas:engine-ready (DuckDB-wasm up, the embedded tables opened from their Arrow file and the summaries built: every query answered by the engine)",
        targets: [{ stat: 'median', op: '<=', value: 1000 }],
      }),
    );
  if (views.length)
    out.push(
      summarise(NAMES.coldViews, 'ms', views, {
        what: 'navigation start → every [data-query-state] "done" after ready (first map/table drawn); no target',
      }),
    );
  return out;
}

// ---------------------------------------------------------------- 2. national upload (paired with the bare DuckDB read)
/** bench/page/bare.html (the bare DuckDB-wasm page: cold-start and ingest floors), built with Vite. */
async function buildBenchPages(tmp) {
  const { build } = await import('vite');
  const root = path.join(HERE, 'page');
  const outDir = path.join(tmp, 'bench-pages');
  await build({
    configFile: false,
    root,
    base: './',
    logLevel: 'warn',
    worker: { format: 'es' },
    optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      reportCompressedSize: false,
      rollupOptions: { input: { bare: path.join(root, 'bare.html') } },
    },
  });
  return outDir;
}

async function bareUpload(page, file, sampler) {
  const baseline = sampler ? await sampler.baseline() : null;
  await page.evaluate(() => window.__bareArm());
  sampler?.start();
  await page.setInputFiles('[data-testid="bare-upload"]', file);
  try {
    const r = await page.evaluate(() => window.__barePending);
    const rss = sampler?.stop();
    return { ...r, rssAdded: sampler ? rss.peak - baseline : null, rssSamples: rss?.samples };
  } catch (e) {
    sampler?.stop();
    throw e;
  }
}

async function measureIngest({ runs }, server, national) {
  const sampler = procAvailable() ? new RssSampler() : null;
  const b = await launch();
  const A = [];
  const B = [];
  try {
    for (let i = 0; i < runs; i++) {
      // A: the app, the same path a user's upload takes.
      {
        const errors = [];
        const page = await openApp(b.context, server.url('/atlas/'), errors);
        await sleep(500);
        try {
          const r = await appUpload(page, national, sampler);
          A.push(r);
          log(
            `ingest ${i + 1}/${runs} A app: ${r.totalMs.toFixed(0)} ms (Loaded at ${r.loadedMs.toFixed(0)} ms; waited for ${r.waitedFor})${r.rssAdded != null ? `, +${(r.rssAdded / MiB).toFixed(0)} MiB RSS` : ''} — ${r.message.slice(0, 90)}`,
          );
        } catch (e) {
          throw new Error(`app upload: ${withErrors(e, errors)}`);
        } finally {
          await page.close();
        }
      }
      // B: the bare page, same File input mechanism, DuckDB's own read of the file.
      {
        const errors = [];
        const page = await b.context.newPage();
        page.on('pageerror', (e) => errors.push(String(e)));
        await page.goto(server.url('/bench/bare.html'), { waitUntil: 'load' });
        await page.evaluate(() => window.__bareReady);
        await sleep(500);
        try {
          const r = await bareUpload(page, national, sampler);
          B.push(r);
          log(
            `ingest ${i + 1}/${runs} B bare DuckDB: ${r.totalMs.toFixed(0)} ms (${r.rows} rows)${r.rssAdded != null ? `, +${(r.rssAdded / MiB).toFixed(0)} MiB RSS` : ''}`,
          );
        } catch (e) {
          throw new Error(`bare DuckDB page: ${withErrors(e, errors)}`);
        } finally {
          await page.close();
        }
      }
    }
  } finally {
    await b.close();
  }
  const size = fs.statSync(national).size;
  const a = A.map((r) => r.totalMs);
  const bb = B.map((r) => r.totalMs);
  const ratio = round(median(a) / median(bb), 3);
  const heapMiB = (rs) => rs.filter((r) => r.heapPeak != null && r.heapBefore != null).map((r) => (r.heapPeak - r.heapBefore) / MiB);
  const pageHeap = (rs) => {
    const xs = heapMiB(rs);
    return xs.length
      ? {
          median: round(median(xs), 1),
          p95: round(p95(xs), 1),
          note: 'main-thread JS heap only (performance.memory); worker memory is not visible there',
        }
      : null;
  };
  const out = [
    summarise(NAMES.ingestApp, 'ms', a, {
      pairedWith: NAMES.ingestBare,
      ratio,
      ratioMeaning: 'median(this) / median(pairedWith)',
      what: `file input change event → upload message "Loaded …" and ${A[0]?.waitedFor ?? 'the views'}; ${(size / 1e6).toFixed(1)} MB, ${B[0]?.rows ?? '?'} rows; runs alternate A B A B in one browser, a fresh page each`,
      fileBytes: size,
      appMessage: A.at(-1)?.message,
      loadedMessageMs: { median: round(median(A.map((r) => r.loadedMs))), p95: round(p95(A.map((r) => r.loadedMs))) },
      pageHeapAddedMiB: pageHeap(A),
      targets: [
        { stat: 'median', op: '<=', value: 1000 },
        { stat: 'ratio', op: '<=', value: 1.3 },
      ],
    }),
    summarise(NAMES.ingestBare, 'ms', bb, {
      pairedWith: NAMES.ingestApp,
      ratio: round(median(bb) / median(a), 3),
      ratioMeaning: 'median(this) / median(pairedWith)',
      what: "bench/page/bare.html: file input change event → the file registered (registerFileHandle, read in place) and CREATE TABLE t AS SELECT * FROM read_csv(file) done: DuckDB-wasm's own read of every column, types detected, nothing else on the page. The floor for any upload that DuckDB reads",
      pageHeapAddedMiB: pageHeap(B),
    }),
    summarise(
      NAMES.ingestLoaded,
      'ms',
      A.map((r) => r.loadedMs),
      {
        what: 'file input change event → upload message starts with "Loaded" (the engine has read, checked and swapped in the file and rebuilt the summaries; views not yet redrawn)',
      },
    ),
  ];
  if (sampler) {
    const ra = A.map((r) => r.rssAdded / MiB);
    const rb = B.map((r) => r.rssAdded / MiB);
    const how =
      'peak of summed RSS of every Chromium process (sampled from /proc every 20 ms during the ingest) minus the mean before it; includes worker threads (DuckDB)';
    out.push(
      summarise(NAMES.rssApp, 'MiB', ra, {
        pairedWith: NAMES.rssBare,
        ratio: round(median(ra) / median(rb), 3),
        ratioMeaning: 'median(this) / median(pairedWith)',
        what: how,
        targets: [{ stat: 'median', op: '<=', value: 250 }],
      }),
      summarise(NAMES.rssBare, 'MiB', rb, {
        pairedWith: NAMES.rssApp,
        ratio: round(median(rb) / median(ra), 3),
        ratioMeaning: 'median(this) / median(pairedWith)',
        what: how,
      }),
    );
  } else {
    out.push(/** @type {any} */ ({ name: NAMES.rssApp, skipped: 'no /proc: process memory not measurable on this OS' }));
  }
  return out;
}

// ---------------------------------------------------------------- 3. interaction
/** { view: { median, p95 } } from selectLoop samples: which view is the slow one. */
function perViewStats(samples) {
  const names = [...new Set(samples.flatMap((x) => Object.keys(x.perView ?? {})))];
  return Object.fromEntries(
    names.map((n) => {
      const xs = samples.map((x) => x.perView?.[n]).filter((v) => v != null);
      return [n, { median: round(median(xs)), p95: round(p95(xs)) }];
    }),
  );
}

/** The state filter's options, in order, without "All states". */
const stateOptions = (page) =>
  page.evaluate(() =>
    [.../** @type {HTMLSelectElement} */ (document.querySelector('[data-testid="filter-state"]')).options]
      .map((o) => o.value)
      .filter((v) => v !== ''),
  );

/**
 * Opens the app (`search`: its address's query, e.g. '?no-prefetch') and loads the national file
 * through the app's file input, as a user does; null, with the reason in `out`, when the screen
 * has no state filter or views to measure.
 */
async function nationalMap(context, server, national, errors, search, out) {
  const page = await openApp(context, server.url('/atlas/' + search), errors);
  // The views may mount a little after ready: give them a while before calling them absent.
  await page
    .waitForFunction(() => document.querySelector('[data-testid="filter-state"]') && document.querySelector('[data-query-state]'), null, {
      timeout: 15_000,
      polling: 100,
    })
    .catch(() => {});
  const has = await page.evaluate(() => ({
    select: !!document.querySelector('[data-testid="filter-state"]'),
    views: document.querySelectorAll('[data-query-state]').length,
    pipelineHook: typeof window.__atlasBench?.loadPipeline === 'function',
    askedAheadHook: typeof window.__atlasBench?.askedAhead === 'function',
    screen: document.querySelector('main')?.id ?? null,
    alerts: [...document.querySelectorAll('[role="alert"], .msg.error')].map((e) => e.textContent.trim().slice(0, 160)),
  }));
  if (!has.select || !has.views) {
    const reason = !has.select ? 'no <select data-testid="filter-state"> in the app yet' : 'no [data-query-state] views in the app yet';
    const seen = [has.screen && `screen #${has.screen}`, ...has.alerts, ...errors.slice(-3)].filter(Boolean);
    out.push({ name: NAMES.interaction, skipped: reason + (seen.length ? ` (page: ${seen.join(' | ')})` : '') });
    await page.close();
    return null;
  }
  let data = 'national HPSA file';
  try {
    await appUpload(page, national, null);
  } catch (e) {
    data = `embedded data only (national upload failed: ${firstLine(e)})`;
  }
  await page.waitForFunction(() => window.__bench.allDone(), null, { timeout: 60_000, polling: 50 });
  return { page, has, data };
}

/**
 * Changes the state filter `changes` times, a different state each time in option order (wrapping).
 * @param {import('playwright-core').Page} page
 * @param {number} changes
 * @param {{ first?: number, timeoutMs?: number }} [options]
 */
async function stateChanges(page, changes, { first = 0, timeoutMs } = {}) {
  const values = await stateOptions(page);
  if (!values.length) return null;
  const seq = Array.from({ length: changes }, (_, i) => values[(i + first) % values.length]);
  const r = await page.evaluate(
    ({ seq, timeoutMs }) => window.__bench.selectLoop('[data-testid="filter-state"]', seq, timeoutMs ? { timeoutMs } : {}),
    {
      seq,
      timeoutMs,
    },
  );
  return { r, states: values.length };
}

const changeStats = (r) => ({
  toNextFrameMs: {
    median: round(median(r.map((x) => x.frameMs))),
    p95: round(p95(r.map((x) => x.frameMs))),
    note: 'until the next animation frame after "done" (includes up to one 16.7 ms vsync wait)',
  },
  perViewDoneMs: perViewStats(r),
  noopChanges: r.filter((x) => x.noop).length,
});

/**
 * After `loadPipeline(1e6)` (the app's hook): the state filter's changes, as `stateChanges`. With
 * `askAhead`, once the map has asked ahead for the other states' answers.
 */
async function pipelineChanges(page, changes, askAhead) {
  const t0 = Date.now();
  await page.evaluate(() => window.__atlasBench?.loadPipeline?.(1_000_000));
  log(`interaction: loadPipeline(1,000,000) took ${Date.now() - t0} ms`);
  await page.waitForFunction(() => window.__bench.allDone(), null, { timeout: 120_000, polling: 50 });
  const t1 = Date.now();
  if (askAhead) await page.evaluate(() => window.__atlasBench?.askedAhead?.());
  const askedAheadMs = Date.now() - t1;
  const run = await stateChanges(page, changes, { first: 1, timeoutMs: 60_000 });
  return run && { ...run, loadPipelineMs: t1 - t0, askedAheadMs };
}

const ASKED_AHEAD_NOTE =
  "after the data change, the time until every other state's answers were cached (the engine asked between views' queries)";

/**
 * The state filter, each time on a page with the national file loaded, then with a 1M-row
 * pipeline: as a user meets it (the map has asked ahead for every other state's answers while
 * they looked: Coordinator.prefetch); then on a second page with prefetching off (`?no-prefetch`),
 * where every change is the first ask of that state and the engine answers it.
 */
async function measureInteraction({ changes }, server, national) {
  const b = await launch();
  const errors = [];
  const out = [];
  const pipelineTarget = [{ stat: 'p95', op: '<=', value: 50 }];
  try {
    for (const askAhead of [true, false]) {
      const [stateName, pipelineName] = askAhead
        ? [NAMES.interaction, NAMES.interactionPipeline]
        : [NAMES.interactionFirstAsk, NAMES.interactionPipelineFirstAsk];
      const shown = await nationalMap(b.context, server, national, errors, askAhead ? '' : '?no-prefetch', out);
      if (!shown) {
        out.push({ name: pipelineName, skipped: 'no state filter or views', targets: askAhead ? pipelineTarget : undefined });
        if (!askAhead) out.push({ name: stateName, skipped: 'no state filter or views' });
        continue;
      }
      const { page, has, data } = shown;
      const t0 = Date.now();
      if (askAhead) await page.evaluate(() => window.__atlasBench?.askedAhead?.());
      const askedAheadMs = Date.now() - t0;
      const run = await stateChanges(page, changes);
      if (!run) out.push({ name: stateName, skipped: 'the state filter has no options' });
      else {
        log(`interaction: ${changes} changes of filter-state over ${run.states} states, ${has.views} views, asked ahead: ${askAhead}`);
        const what = `dispatch change on [data-testid="filter-state"] → every [data-query-state] "done" (${has.views} views), in-page; data: ${data}`;
        out.push(
          summarise(
            stateName,
            'ms',
            run.r.map((x) => x.doneMs),
            {
              what: askAhead
                ? `${what}; once the map has asked ahead for the other states' answers`
                : `${what}; prefetching off (?no-prefetch): every change asks the engine`,
              ...(askAhead
                ? { askedAheadMs, askedAheadNote: ASKED_AHEAD_NOTE }
                : {
                    cacheNote:
                      run.states < changes
                        ? `only ${run.states} states: changes after the first ${run.states} may hit the query cache`
                        : 'every change a different state (no query-cache hits)',
                  }),
              ...changeStats(run.r),
              targets: askAhead ? [{ stat: 'p95', op: '<=', value: 16 }] : undefined,
            },
          ),
        );
      }
      if (!has.pipelineHook) {
        out.push({
          name: pipelineName,
          skipped: 'no window.__atlasBench.loadPipeline(n) hook in the app',
          targets: askAhead ? pipelineTarget : undefined,
        });
      } else {
        const p = await pipelineChanges(page, changes, askAhead);
        if (p)
          out.push(
            summarise(
              pipelineName,
              'ms',
              p.r.map((x) => x.doneMs),
              {
                what: `after window.__atlasBench.loadPipeline(1e6): dispatch change on filter-state → every [data-query-state] "done"${askAhead ? ', once the map has asked ahead' : ", prefetching off: the map's answers cached by the run above, the pipeline's asked"}`,
                loadPipelineMs: p.loadPipelineMs,
                ...(askAhead ? { askedAheadMs: p.askedAheadMs, askedAheadNote: ASKED_AHEAD_NOTE } : {}),
                ...changeStats(p.r),
                targets: askAhead ? pipelineTarget : undefined,
              },
            ),
          );
      }
      await page.close();
    }
  } catch (e) {
    throw new Error(withErrors(e, errors));
  } finally {
    await b.close();
  }
  return out;
}

// ---------------------------------------------------------------- 4. forecast
const FORECAST = { candidates: 10_000, runs: 10_000 };
/** A real pipeline's size: a hospital system's candidates, the same 10,000 runs. */
const PIPELINE = { candidates: 500, runs: 10_000 };
/**
 * Targets: 10k × 10k on the synthetic pipeline ≤ 1 s (issue 21), ≤ 200 ms for a real pipeline (issue
 * 13), both in the app's workers. The varied 10k pipeline and the one-thread Node runs are
 * information: a harder case, and the engine on one core.
 */
const FORECAST_TARGET = [{ stat: 'median', op: '<=', value: 1000 }];
const PIPELINE_TARGET = [{ stat: 'median', op: '<=', value: 200 }];
/** Stop early (but after ≥ 3 samples) when one sample exceeds this, to keep the bench ≲ 10 min. */
const FORECAST_SLOW_SAMPLE_MS = 60_000;

async function measureForecastPage({ forecastRuns }, server) {
  const b = await launch();
  const errors = [];
  const cases = [
    { name: NAMES.forecastPage, ...FORECAST, pipeline: 'synthetic', targets: FORECAST_TARGET, goal: undefined },
    { name: NAMES.forecastPageVaried, ...FORECAST, pipeline: 'varied', targets: undefined, goal: undefined },
    { name: NAMES.forecastPipeline, ...PIPELINE, pipeline: 'varied', targets: PIPELINE_TARGET, goal: undefined },
  ];
  try {
    const page = await openApp(b.context, server.url('/atlas/'), errors);
    const hook = await page.evaluate(() => typeof window.__atlasBench?.forecast === 'function');
    if (!hook)
      return cases.map(({ name, targets }) => ({
        name,
        skipped: 'no window.__atlasBench.forecast(candidates, runs) hook in the app',
        targets,
      }));
    const workers = await page.evaluate(() => navigator.hardwareConcurrency);
    const out = [];
    for (const { name, candidates, runs, pipeline, targets, goal } of cases) {
      const xs = [];
      for (let i = 0; i < forecastRuns; i++) {
        const ms = await page.evaluate(
          async ({ c, r, p }) => {
            const t = performance.now();
            await window.__atlasBench?.forecast(c, r, p);
            return performance.now() - t;
          },
          { c: candidates, r: runs, p: pipeline },
        );
        xs.push(ms);
        log(`${name} ${i + 1}/${forecastRuns}: ${ms.toFixed(0)} ms`);
        if (ms > FORECAST_SLOW_SAMPLE_MS && xs.length >= 3) break;
      }
      out.push(
        summarise(name, 'ms', xs, {
          what: `await window.__atlasBench.forecast(${candidates}, ${runs}, '${pipeline}') in the page: the ${pipeline === 'varied' ? 'varied pipeline (every candidate its own stage date and status, src/model/pipeline/synthetic.ts variedPipeline)' : 'synthetic pipeline (syntheticCandidates: 25 distinct plans)'} generated and forecast by the app's workers (navigator.hardwareConcurrency = ${workers})`,
          runsNote:
            xs.length < forecastRuns ? `stopped after ${xs.length} samples (each > ${FORECAST_SLOW_SAMPLE_MS / 1000} s)` : undefined,
          targets,
          goal,
        }),
      );
    }
    return out;
  } catch (e) {
    throw new Error(withErrors(e, errors));
  } finally {
    await b.close();
  }
}

async function measureForecastNode({ forecastRuns }, tmp) {
  const names = [NAMES.forecastNode, NAMES.forecastNodePipeline];
  if (!fs.existsSync(SIMULATE_TS)) return names.map((name) => ({ name, skipped: 'src/model/forecast/simulate.ts does not exist yet' }));
  const { build } = await import('vite');
  const outDir = path.join(tmp, 'forecast-node');
  try {
    await build({
      configFile: false,
      root: ROOT,
      logLevel: 'warn',
      build: {
        outDir,
        emptyOutDir: true,
        minify: false,
        target: 'node20',
        reportCompressedSize: false,
        lib: { entry: path.join(HERE, 'forecast-node.ts'), formats: ['es'], fileName: () => 'forecast-node.mjs' },
      },
    });
  } catch (e) {
    const skipped = `could not bundle bench/forecast-node.ts with src/model/forecast/simulate.ts: ${firstLine(e)}`;
    return names.map((name) => ({ name, skipped }));
  }
  const mod = await import(path.join(outDir, 'forecast-node.mjs'));
  const cases = [
    {
      name: NAMES.forecastNode,
      input: mod.makeInput(FORECAST.candidates),
      runs: FORECAST.runs,
      targets: undefined,
      goal: undefined,
    },
    {
      name: NAMES.forecastNodePipeline,
      input: mod.makeVariedInput(PIPELINE.candidates),
      runs: PIPELINE.runs,
      targets: undefined,
      goal: undefined,
    },
  ];
  const out = [];
  for (const { name, input, runs, targets, goal } of cases) {
    const xs = [];
    let digest;
    for (let i = 0; i < forecastRuns; i++) {
      const t = performance.now();
      digest = mod.runForecast(input, runs);
      const ms = performance.now() - t;
      xs.push(ms);
      log(`${name} ${i + 1}/${forecastRuns}: ${ms.toFixed(0)} ms`);
      if (ms > FORECAST_SLOW_SAMPLE_MS && xs.length >= 3) break;
    }
    out.push(
      summarise(name, 'ms', xs, {
        what: `simulate() from src/model/forecast/simulate.ts bundled by Vite (lib mode), ${input.candidates.length} ${name === NAMES.forecastNode ? 'synthetic candidates (bench/forecast-node.ts makeInput: every one its own stage date)' : 'candidates of the varied pipeline (as in the app measure)'} × ${runs} runs, ${input.targets.length} targets, default assumptions, Node ${process.version}, one thread (the first sample includes JIT warm-up)`,
        digest,
        runsNote: xs.length < forecastRuns ? `stopped after ${xs.length} samples (each > ${FORECAST_SLOW_SAMPLE_MS / 1000} s)` : undefined,
        targets,
        goal,
      }),
    );
  }
  return out;
}

// ---------------------------------------------------------------- 5. bundle
async function staticImports(file) {
  const code = fs.readFileSync(file, 'utf8');
  try {
    const { init, parse } = await import('es-module-lexer');
    await init; // eslint-disable-line @typescript-eslint/await-thenable -- typed as void, a Promise at run time
    const [imports] = parse(code);
    // es-module-lexer 3: static imports and `export * from` are what loads before the module runs.
    return imports.flatMap((i) => (i.type === 'static' || i.type === 'reexport-star' ? [i.specifier] : []));
  } catch {
    // Fallback for minified ESM: `import{a as b}from"./x.js"` / `import"./x.js"` / `export*from"./x.js"`.
    return [...code.matchAll(/(?:^|[;}\n])\s*(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"']+)["']/g)].map((m) => m[1]);
  }
}

async function measureInitialJs(DIST) {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const attr = (tag, name) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`).exec(tag)?.[1] ?? '';
  const tags = [...html.matchAll(/<(script|link)\b[^>]*>/g)].map((m) => m[0]);
  const entries = [];
  const css = [];
  for (const tag of tags) {
    if (tag.startsWith('<script') && /type\s*=\s*["']module["']/.test(tag) && attr(tag, 'src')) entries.push(attr(tag, 'src'));
    if (tag.startsWith('<link') && /rel\s*=\s*["']modulepreload["']/.test(tag)) entries.push(attr(tag, 'href'));
    if (tag.startsWith('<link') && /rel\s*=\s*["']stylesheet["']/.test(tag)) css.push(attr(tag, 'href'));
  }
  /** @type {Set<string>} */
  const seen = new Set();
  const queue = entries.map((e) => path.resolve(DIST, e));
  while (queue.length) {
    const f = String(queue.shift());
    if (seen.has(f) || !fs.existsSync(f)) continue;
    seen.add(f);
    for (const spec of await staticImports(f))
      if (spec.startsWith('.') || spec.startsWith('/'))
        queue.push(spec.startsWith('/') ? path.join(DIST, spec) : path.resolve(path.dirname(f), spec));
  }
  const files = [...seen]
    .filter((f) => !f.endsWith('.wasm'))
    .map((f) => {
      const buf = fs.readFileSync(f);
      return { file: path.relative(DIST, f), bytes: buf.length, gzip: gzipSize(buf) };
    });
  const cssFiles = css.map((c) => {
    const buf = fs.readFileSync(path.resolve(DIST, c));
    return { file: path.relative(DIST, path.resolve(DIST, c)), bytes: buf.length, gzip: gzipSize(buf) };
  });
  const total = files.reduce((s, f) => s + f.gzip, 0);
  return {
    name: NAMES.initialJs,
    unit: 'KB',
    median: round(total / 1000, 1),
    p95: round(total / 1000, 1),
    runs: 1,
    bytes: total,
    rawBytes: files.reduce((s, f) => s + f.bytes, 0),
    files,
    css: cssFiles,
    what: 'dist/index.html module script + modulepreloads + their static imports (transitively; dynamic import() chunks and workers excluded), each gzipped with node:zlib (level 6); KB = 1000 bytes; CSS listed separately, not counted',
    targets: [{ stat: 'median', op: '<=', value: 200 }],
  };
}

async function measureTransfer(server) {
  const b = await launch();
  const errors = [];
  try {
    const page = await firstPage(b.context);
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.addInitScript(installPageHelpers);
    const finished = [];
    let readyWall = null;
    b.context.on('requestfinished', (request) => finished.push({ request, at: Date.now() }));
    await page.goto(server.url('/atlas/'), { waitUntil: 'commit' });
    const readyAt = await waitAppReady(page);
    readyWall = Date.now();
    await waitViewsSettled(page).catch(() => null);
    await sleep(1500); // late requests (map shapes, lazy chunks) are listed as "after ready"
    const rows = [];
    const gzCache = new Map();
    for (const { request, at } of finished) {
      const url = request.url();
      if (url.startsWith('data:') || url.startsWith('blob:')) continue;
      const sizes = await request.sizes().catch(() => null);
      const response = await request.response().catch(() => null);
      const encoding = (await response?.headerValue('content-encoding').catch(() => null)) ?? null;
      const file = url.startsWith(server.origin) ? server.fileFor(url.slice(server.origin.length)) : null;
      let gzip = null;
      if (file) {
        if (!gzCache.has(file)) gzCache.set(file, gzipSize(fs.readFileSync(file)));
        gzip = gzCache.get(file);
      }
      const timing = request.timing();
      // request.sizes() reports 0 body bytes for some worker scripts: fall back to content-length
      // when the response is not compressed (then content-length is the transferred size).
      const length = Number((await response?.headerValue('content-length').catch(() => null)) ?? NaN);
      const bodyBytes = !encoding && Number.isFinite(length) && !(sizes?.responseBodySize > 0) ? length : (sizes?.responseBodySize ?? null);
      rows.push({
        startMs: /** @type {number | null} */ (null),
        endMs: /** @type {number | null} */ (null),
        url: url.startsWith(server.origin) ? url.slice(server.origin.length) : url,
        startEpochMs: timing.startTime,
        durationMs: timing.responseEnd >= 0 ? round(timing.responseEnd) : null,
        status: response?.status() ?? null,
        bodyBytes,
        sizesBodyBytes: sizes?.responseBodySize ?? null,
        headerBytes: sizes?.responseHeadersSize ?? null,
        contentEncoding: encoding,
        gzipBytes: gzip,
        beforeReady: at <= readyWall,
      });
    }
    // Waterfall relative to the document request (ms): where the cold start goes.
    const navStart = Math.min(...rows.map((r) => r.startEpochMs).filter((x) => x > 0));
    for (const r of rows) {
      r.startMs = r.startEpochMs > 0 ? round(r.startEpochMs - navStart) : null;
      r.endMs = r.startMs != null && r.durationMs != null ? round(r.startMs + r.durationMs) : null;
      delete r.startEpochMs;
      delete r.durationMs;
      // Finished before ready: by the waterfall when known (in-page ready time), else by when Node saw it.
      if (r.endMs != null) r.beforeReady = r.endMs <= readyAt;
    }
    const before = rows.filter((r) => r.beforeReady);
    const sum = (xs, k) => xs.reduce((s, r) => s + (r[k] ?? 0), 0);
    const compressed = before.some((r) => r.contentEncoding);
    const raw = sum(before, 'bodyBytes') + sum(before, 'headerBytes');
    const gz = before.reduce((s, r) => s + (r.gzipBytes ?? r.bodyBytes ?? 0) + (r.headerBytes ?? 0), 0);
    const wasm = before.find((r) => r.url.endsWith('.wasm'));
    const common = {
      unit: 'MB',
      runs: 1,
      requests: before.length,
      includesWasm: !!wasm,
      serverCompresses: compressed,
      readyMs: round(readyAt),
      afterReady: rows
        .filter((r) => !r.beforeReady)
        .map((r) => ({ url: r.url, bodyBytes: r.bodyBytes, gzipBytes: r.gzipBytes, startMs: r.startMs })),
    };
    return [
      {
        name: NAMES.transfer,
        median: round(raw / 1e6, 2),
        p95: round(raw / 1e6, 2),
        bytes: raw,
        ...common,
        what: 'sum of response body + header bytes (playwright request.sizes()) of every request that finished before .app[data-ready="true"], fresh profile; MB = 1e6 bytes; the bench server, like our host, does not compress. responses[] is a waterfall (startMs/endMs from the document request; readyMs in-page)',
        responses: before.map(({ beforeReady: _b, ...r }) => r),
      },
      {
        name: NAMES.transferGzip,
        median: round(gz / 1e6, 2),
        p95: round(gz / 1e6, 2),
        bytes: gz,
        ...common,
        what: 'same requests, each body replaced by its gzip size (node:zlib level 6) — what a gzip-serving host would send',
      },
    ];
  } catch (e) {
    throw new Error(withErrors(e, errors));
  } finally {
    await b.close();
  }
}

// ---------------------------------------------------------------- targets, table
/** Each limit with its actual value and PASS/MISS. */
function judge(m, limits) {
  return limits.map((t) => {
    const actual = t.stat === 'ratio' ? m.ratio : m[t.stat];
    const pass = actual != null && (t.op === '<=' ? actual <= t.value : actual >= t.value);
    return { ...t, actual, result: pass ? 'PASS' : 'MISS' };
  });
}

/** `targets` are this issue's limits (they make `result`); `goals` are the limits beyond it, reported beside them. */
function evaluateTargets(m) {
  if (m.skipped || m.error) return m;
  // A measure may name one goal (`goal`) instead of a list.
  if (m.goal && !m.goals) {
    m.goals = [m.goal];
    delete m.goal;
  }
  if (m.targets) {
    m.targets = judge(m, m.targets);
    m.result = m.targets.every((t) => t.result === 'PASS') ? 'PASS' : 'MISS';
  }
  if (m.goals) {
    m.goals = judge(m, m.goals);
    m.goalResult = m.goals.every((t) => t.result === 'PASS') ? 'PASS' : 'MISS';
  }
  return m;
}

function printTable(results) {
  const fmt = (v) => (v == null ? '' : typeof v === 'number' ? v.toLocaleString('en-US', { maximumFractionDigits: 2 }) : String(v));
  const limits = (ts) => (ts ?? []).map(targetText).join('; ');
  const rows = results.map((m0) => {
    const m = m0.stale ? { ...m0, name: `${m0.name} (earlier run)` } : m0;
    if (m.skipped) return [m.name, 'skipped', '', '', '', limits(m.targets), m.skipped, limits(m.goals)];
    if (m.error) return [m.name, 'ERROR', '', '', '', limits(m.targets), m.error, limits(m.goals)];
    return [
      m.name,
      `${fmt(m.median)} ${m.unit}`,
      `${fmt(m.p95)} ${m.unit}`,
      String(m.runs),
      m.ratio != null ? `${fmt(m.ratio)}×` : '',
      limits(m.targets),
      m.result ?? '',
      m.goals ? `${limits(m.goals)}: ${m.goalResult}` : '',
    ];
  });
  const head = ['measure', 'median', 'p95', 'runs', 'ratio', 'target (this issue)', 'result', 'goal beyond'];
  const widths = head.map((h, i) => Math.min(i === 6 ? 70 : 60, Math.max(h.length, ...rows.map((r) => r[i].length))));
  const line = (cells) => cells.map((c, i) => (c.length > widths[i] ? c.slice(0, widths[i] - 1) + '…' : c.padEnd(widths[i]))).join(' │ ');
  console.log('\n' + line(head));
  console.log(widths.map((w) => '─'.repeat(w)).join('─┼─'));
  for (const r of rows) console.log(line(r));
  console.log('');
}

function targetText(t) {
  const what = t.stat === 'ratio' ? 'ratio' : t.stat;
  return `${what} ${t.op === '<=' ? '≤' : '≥'} ${t.value}${t.stat === 'ratio' ? '×' : ''}`;
}

// ---------------------------------------------------------------- main
/** Copies dist/ (retrying while a concurrent `vite build` leaves it incomplete). */
async function snapshotDist(to) {
  for (let attempt = 1; ; attempt++) {
    fs.rmSync(to, { recursive: true, force: true });
    try {
      fs.cpSync(DIST, to, { recursive: true });
      const html = fs.readFileSync(path.join(to, 'index.html'), 'utf8');
      const refs = [...html.matchAll(/(?:src|href)="(\.\/assets\/[^"]+)"/g)].map((m) => m[1]);
      if (refs.length && refs.every((r) => fs.existsSync(path.join(to, r)))) return to;
    } catch {
      /* dist/ changed under us */
    }
    if (attempt >= 10)
      throw new Error(
        'dist-bench/ stayed incomplete (is a build running?): run `npx vite build --mode bench --outDir dist-bench` and retry',
      );
    await sleep(3000);
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(path.join(DIST, 'index.html')))
    throw new Error('dist-bench/ is missing: run `npx vite build --mode bench --outDir dist-bench` first (npm run bench does)');
  const started = Date.now();
  const machine = machineInfo();
  const loadAtStart = os.loadavg().map((x) => round(x, 2));
  if (loadAtStart[0] > machine.nproc * 0.5)
    log(`WARNING: load average ${loadAtStart.join(' ')} on ${machine.nproc} cores: other work is running, timings will be noisy`);
  log(`${machine.cpuModel}, ${machine.nproc} cores, ${machine.memTotalGiB} GiB; ${machine.chromium}; Node ${machine.node}`);
  log(`measures: ${opts.only.join(', ')}; runs ${opts.runs}`);
  // The load average through the run, not only at its ends: a busy minute inflates every timing in it.
  const loadSamples = [os.loadavg()[0]];
  const loadTimer = setInterval(() => loadSamples.push(os.loadavg()[0]), 10_000);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-bench-'));
  const want = (g) => opts.only.includes(g);
  const results = [];
  let server;
  let snapshot;
  const run = async (group, fn) => {
    if (!want(group)) return;
    const t = Date.now();
    try {
      results.push(...(await fn()).map((m) => ({ group, ...m })));
    } catch (e) {
      log(`${group} FAILED: ${firstLine(e)}`);
      results.push({ group, name: group, error: firstLine(e) });
    }
    log(`${group}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
  };
  try {
    let national = opts.national ?? '';
    if (!national && (want('ingest') || want('interaction'))) {
      national = path.join(tmp, 'national.csv');
      log(`generating ${national} with ../shared/tools/make-national-hpsa.mjs`);
      if (!fs.existsSync(MAKE_NATIONAL)) throw new Error(`missing ${MAKE_NATIONAL}`);
      execFileSync(process.execPath, [path.relative(ROOT, MAKE_NATIONAL), national], { cwd: ROOT, stdio: 'inherit' });
    }
    // Serve a snapshot: other builds may rewrite dist/ while the bench runs.
    snapshot = await snapshotDist(path.join(tmp, 'dist'));
    const mounts = { '/atlas/': snapshot };
    if (want('ingest') || want('cold')) {
      log('building the bench page (bench/page/bare.html: bare DuckDB-wasm) with Vite');
      mounts['/bench/'] = await buildBenchPages(tmp);
    }
    server = await serve(mounts);
    log(`serving dist/ at ${server.url('/atlas/')}`);

    await run('cold', () => measureCold(opts, server));
    await run('ingest', () => measureIngest(opts, server, national));
    await run('interaction', () => measureInteraction(opts, server, national));
    await run('list', () => measurePipelineList(server, opts));
    await run('forecast', async () => [...(await measureForecastPage(opts, server)), ...(await measureForecastNode(opts, tmp))]);
    await run('bundle', async () => [await measureInitialJs(snapshot), ...(await measureTransfer(server))]);
  } finally {
    clearInterval(loadTimer);
    await server?.close();
    if (!opts.keepTmp) fs.rmSync(tmp, { recursive: true, force: true });
    else log(`kept ${tmp}`);
  }

  results.forEach(evaluateTargets);
  const meta = {
    name: 'machine',
    machine,
    generatedAt: new Date().toISOString(),
    args: { runs: opts.runs, only: opts.only, changes: opts.changes, forecastRuns: opts.forecastRuns },
    durationS: round((Date.now() - started) / 1000, 1),
    loadAverage: {
      atStart: loadAtStart,
      atEnd: os.loadavg().map((x) => round(x, 2)),
      oneMinuteDuringRun: { min: round(Math.min(...loadSamples), 2), max: round(Math.max(...loadSamples), 2), everySeconds: 10 },
      note: '1/5/15-minute load averages; above the core count means other processes competed for the CPU',
    },
    note: 'First entry: the machine and run; every other entry is one measure (name, unit, median, p95, runs[, ratio, pairedWith][, targets, result][, goals, goalResult] or skipped/error).',
  };
  // Merge with an earlier results.json when only some measures ran, so --only does not erase the rest.
  let merged = [meta, ...results];
  if (opts.only.length < GROUPS.length && fs.existsSync(RESULTS)) {
    try {
      const old = JSON.parse(fs.readFileSync(RESULTS, 'utf8'));
      const fresh = new Set(results.map((r) => r.name));
      const keep = old.filter((r) => r.name !== 'machine' && !fresh.has(r.name) && !(r.group && opts.only.includes(r.group)));
      merged = [meta, ...keep.map((r) => ({ ...r, stale: r.stale ?? old[0]?.generatedAt ?? true })), ...results];
    } catch {
      /* unreadable: overwrite */
    }
  }
  const targeted = merged.filter((r) => r.targets);
  merged[0] = {
    ...meta,
    targets: {
      met: targeted.filter((r) => r.result === 'PASS').map((r) => r.name),
      missed: targeted.filter((r) => r.result === 'MISS').map((r) => r.name),
      notMeasured: targeted.filter((r) => r.skipped || r.error).map((r) => r.name),
    },
  };
  fs.writeFileSync(RESULTS, JSON.stringify(merged, null, 2) + '\n');
  printTable(merged.filter((m) => m.name !== 'machine'));
  log(`wrote ${path.relative(process.cwd(), RESULTS)} in ${meta.durationS} s`);
  if (results.some((r) => r.error)) process.exitCode = 1;
}

main().catch((e) => {
  console.error('[bench] failed:', e?.stack ?? e);
  process.exit(1);
});
