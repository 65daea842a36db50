#!/usr/bin/env node
// The Pipeline screen's candidate list with 1,000 candidates: how long a search, a filter or a sort
// takes to answer, from the input event to the list showing the new rows (the rows come from
// DuckDB through the coordinator). Target: p95 ≤ 50 ms.
//
//   node bench/pipeline-list.mjs [--changes 40] [--dist dist-bench] [--out FILE]
//
// Drives the built app (dist-bench/, built here with `vite build --mode bench` if missing) in
// headless Chromium, like bench/run.mjs: imports 1,000 candidates (the sample pipeline's 80 rows
// under new ids, so every row is valid), waits for their forecast, then times each interaction
// inside the page with performance.now(), from dispatching the event to the list's
// [data-data-version] changing with [data-query-state="done"] (a MutationObserver): no DevTools
// round trip is inside a measured interval. Every measured query is one the page has not run
// before (a new search text; a new filter value or sort under a filter that differs), so no answer
// comes from the coordinator's cache. Prints one JSON object per measure and the machine's load.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serve } from './lib/serve.mjs';
import { launch, firstPage, chromiumVersion } from './lib/browser.mjs';
import { summarise } from './lib/stats.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const SAMPLE = path.join(ROOT, 'public/datasets/sample/pipeline-sample.csv');
const CANDIDATES = 1000;
const TARGET_P95_MS = 50;

function parseArgs(argv) {
  /** @type {{ changes: number, dist: string, out: string | null }} */
  const out = { changes: 40, dist: path.join(ROOT, 'dist-bench'), out: null };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].includes('=') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined];
    const value = () => String(inline ?? argv[++i]);
    if (flag === '--changes') out.changes = Number(value());
    else if (flag === '--dist') out.dist = path.resolve(value());
    else if (flag === '--out') out.out = path.resolve(value());
    else throw new Error(`unknown argument ${argv[i]} (--changes N, --dist DIR, --out FILE)`);
  }
  if (!Number.isInteger(out.changes) || out.changes < 5) throw new Error('--changes: a whole number ≥ 5');
  return out;
}

/** The sample's rows under new ids until there are `count`: every row one the importer accepts. */
function pipelineCsv(count) {
  const [header, ...rows] = fs.readFileSync(SAMPLE, 'utf8').trim().split(/\r?\n/);
  const lines = Array.from({ length: count }, (_, i) => rows[i % rows.length].replace(/^[^,]+/, `BENCH-${String(i + 1).padStart(4, '0')}`));
  return [header, ...lines].join('\n');
}

/** Installed in the page: times one interaction from its event to the list showing the answer. */
function installTimer() {
  /** @type {any} */ (window).__listBench = {
    /** @param {() => void} act */
    async time(act) {
      const region = /** @type {Element} */ (document.querySelector('[data-testid="candidate-list"] [data-query-state]'));
      const before = region.getAttribute('data-data-version');
      const answered = () => region.getAttribute('data-query-state') === 'done' && region.getAttribute('data-data-version') !== before;
      const t0 = performance.now();
      await /** @type {Promise<void>} */ (
        new Promise((resolve, reject) => {
          const observer = new MutationObserver(() => answered() && (observer.disconnect(), clearTimeout(timer), resolve()));
          const timer = setTimeout(() => (observer.disconnect(), reject(new Error('the list did not answer within 10 s'))), 10_000);
          observer.observe(region, { attributes: true });
          act();
          if (answered()) {
            observer.disconnect();
            clearTimeout(timer);
            resolve();
          }
        })
      );
      return performance.now() - t0;
    },
    /** @param {string} text */
    type(text) {
      const input = /** @type {HTMLInputElement} */ (document.querySelector('[data-testid="candidate-search"]'));
      // React sees a typed value only through the element's own setter.
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, text);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    /** @param {string} testId @param {string} value */
    choose(testId, value) {
      const select = /** @type {HTMLSelectElement} */ (document.querySelector(`[data-testid="${testId}"]`));
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    },
    /** @param {string} testId */
    options(testId) {
      return [.../** @type {NodeListOf<HTMLOptionElement>} */ (document.querySelectorAll(`[data-testid="${testId}"] option`))].map(
        (o) => o.value,
      );
    },
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const loadStart = os.loadavg();
  if (!fs.existsSync(path.join(args.dist, 'index.html'))) {
    console.error(`[pipeline-list] building ${path.relative(ROOT, args.dist)} (vite build --mode bench)`);
    execFileSync('npx', ['vite', 'build', '--mode', 'bench', '--outDir', args.dist], { cwd: ROOT, stdio: 'inherit' });
  }
  const server = await serve({ '/atlas/': args.dist });
  const browser = await launch();
  try {
    const page = await firstPage(browser.context);
    page.setDefaultTimeout(180_000);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${server.url('/atlas/')}#pipeline`);
    await page.waitForSelector('.app[data-ready="true"]');
    const t0 = Date.now();
    await page
      .getByTestId('pipeline-upload')
      .setInputFiles({ name: 'bench.csv', mimeType: 'text/csv', buffer: Buffer.from(pipelineCsv(CANDIDATES)) });
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="pipeline-message"]')?.textContent?.includes(`Imported ${n} candidate`),
      CANDIDATES,
    );
    await page.waitForSelector('[data-testid="forecast"][data-forecast-state="current"]');
    await page.waitForFunction(() => {
      const cell = document.querySelector('[data-testid="candidate-forecast"] td[data-col="median"]');
      return cell !== null && cell.textContent !== 'not forecast yet';
    });
    const total = await page.evaluate(() => document.querySelector('[data-testid="candidate-count"]')?.textContent ?? '');
    if (!total.includes(`of ${CANDIDATES.toLocaleString('en-US')} candidates`))
      throw new Error(`the list does not hold ${CANDIDATES} candidates: “${total}”`);
    console.error(`[pipeline-list] ${CANDIDATES} candidates imported and forecast in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    await page.evaluate(installTimer);

    const specialties = (await page.evaluate(() => /** @type {any} */ (window).__listBench.options('candidate-filter-specialty'))).filter(
      Boolean,
    );
    const sorts = (await page.evaluate(() => /** @type {any} */ (window).__listBench.options('candidate-sort'))).filter(
      (s) => s !== 'position asc',
    );
    /** @type {{ search: number[], filter: number[], sort: number[] }} */
    const samples = { search: [], filter: [], sort: [] };
    const current = { 'candidate-sort': 'position asc', 'candidate-filter-specialty': '' };
    /** Sets a control, unmeasured (nothing happens when it already has the value). */
    const set = async (testId, value) => {
      if (current[testId] === value) return;
      current[testId] = value;
      await page.evaluate(
        ([id, v]) => /** @type {any} */ (window).__listBench.time(() => /** @type {any} */ (window).__listBench.choose(id, v)),
        [testId, value],
      );
    };
    /** Sets a control and returns how long the list took to answer. */
    const timed = async (testId, value) => {
      current[testId] = value;
      return page.evaluate(
        ([id, v]) => /** @type {any} */ (window).__listBench.time(() => /** @type {any} */ (window).__listBench.choose(id, v)),
        [testId, value],
      );
    };
    for (let i = 0; i < args.changes; i++) {
      // Search: a new text each time (an id, then the word of a specialty or a site with a digit of the id).
      const text =
        i % 2 === 0
          ? `bench-${String(((i * 37) % CANDIDATES) + 1).padStart(4, '0')}`
          : `${['ca', 'psych', 'visa', 'offer'][i % 4]} ${String(i).padStart(2, '0')}`;
      samples.search.push(
        await page.evaluate(
          (t) => /** @type {any} */ (window).__listBench.time(() => /** @type {any} */ (window).__listBench.type(t)),
          text,
        ),
      );
    }
    await page.evaluate(() => /** @type {any} */ (window).__listBench.time(() => /** @type {any} */ (window).__listBench.type('')));
    for (let i = 0; i < args.changes; i++) {
      // Filter: a specialty under a sort that changes every round of specialties, so no pair repeats.
      await set('candidate-sort', sorts[Math.floor(i / specialties.length) % sorts.length]);
      samples.filter.push(await timed('candidate-filter-specialty', specialties[i % specialties.length]));
    }
    // A search every candidate matches, so no sort below meets a filter and sort the filter loop ran.
    await page.evaluate(() => /** @type {any} */ (window).__listBench.time(() => /** @type {any} */ (window).__listBench.type('bench')));
    for (let i = 0; i < args.changes; i++) {
      // Sort: a column and direction under a specialty filter that changes every round of sorts.
      await set('candidate-filter-specialty', specialties[(Math.floor(i / sorts.length) + 3) % specialties.length]);
      const sort = sorts[i % sorts.length];
      // The same sort as now (at the start of a round) is not a change: take the next one.
      samples.sort.push(await timed('candidate-sort', sort === current['candidate-sort'] ? sorts[(i + 1) % sorts.length] : sort));
    }
    const loadEnd = os.loadavg();
    const what = (kind) =>
      `${kind} with ${CANDIDATES} candidates: from the input event to the list showing the answer (DuckDB through the coordinator, never a cached answer)`;
    const measures = Object.entries(samples).map(([kind, xs]) => {
      const m = summarise(`pipeline list: ${kind} → rows shown (${CANDIDATES} candidates)`, 'ms', xs, { what: what(kind) });
      return {
        group: 'interaction',
        ...m,
        target: { stat: 'p95', op: '<=', value: TARGET_P95_MS },
        result: m.p95 <= TARGET_P95_MS ? 'PASS' : 'MISS',
      };
    });
    const all = Object.values(samples).flat();
    const overall = summarise(`pipeline list: filter or sort or search → rows shown (${CANDIDATES} candidates)`, 'ms', all, {
      what: what('any'),
    });
    const summary = {
      group: 'interaction',
      ...overall,
      target: { stat: 'p95', op: '<=', value: TARGET_P95_MS },
      result: overall.p95 <= TARGET_P95_MS ? 'PASS' : 'MISS',
    };
    const machine = {
      nproc: os.availableParallelism?.() ?? os.cpus().length,
      chromium: chromiumVersion(),
      node: process.version,
      loadAverage: { start: loadStart, end: loadEnd },
    };
    for (const m of [...measures, summary])
      console.log(JSON.stringify({ name: m.name, median: m.median, p95: m.p95, runs: m.runs, result: m.result }));
    console.log(JSON.stringify({ machine }));
    if (args.out) fs.writeFileSync(args.out, `${JSON.stringify([{ name: 'machine', machine }, ...measures, summary], null, 2)}\n`);
    if (loadStart[0] > machine.nproc || loadEnd[0] > machine.nproc) {
      console.error(
        `[pipeline-list] load average ${loadStart[0].toFixed(2)} → ${loadEnd[0].toFixed(2)} on ${machine.nproc} cores: other processes competed, the times are inflated`,
      );
    }
    return summary.result === 'PASS' ? 0 : 1;
  } finally {
    await browser.close();
    await server.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(2);
  },
);
