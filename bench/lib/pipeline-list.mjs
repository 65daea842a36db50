// The Pipeline screen's candidate list with 1,000 candidates (group "list" of bench/run.mjs): how
// long a search, a filter or a sort takes to answer, from the input event to the list showing the
// new rows (the rows come from DuckDB through the coordinator). Target: p95 ≤ 50 ms.
//
// Imports 1,000 candidates (the sample pipeline's 80 rows under new ids, so every row is valid),
// waits for their forecast, then times each interaction inside the page with performance.now(),
// from dispatching the event to the list's [data-data-version] changing with
// [data-query-state="done"] (a MutationObserver): no DevTools round trip is inside a measured
// interval. Every measured query is one the page has not run before (a new search text; a new
// filter value or sort under a filter that differs), so no answer comes from the coordinator's cache.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, firstPage } from './browser.mjs';
import { summarise } from './stats.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SAMPLE = path.join(ROOT, 'public/datasets/sample/pipeline-sample.csv');
const CANDIDATES = 1000;
const TARGET_P95_MS = 50;

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

/**
 * Times `changes` searches, filter changes and sort changes each, and all of them together.
 * @param {{ url: (p: string) => string }} server serving the bench build at /atlas/
 * @param {{ changes: number }} options
 */
export async function measurePipelineList(server, { changes }) {
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
    for (let i = 0; i < changes; i++) {
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
    for (let i = 0; i < changes; i++) {
      // Filter: a specialty under a sort that changes every round of specialties, so no pair repeats.
      await set('candidate-sort', sorts[Math.floor(i / specialties.length) % sorts.length]);
      samples.filter.push(await timed('candidate-filter-specialty', specialties[i % specialties.length]));
    }
    // A search every candidate matches, so no sort below meets a filter and sort the filter loop ran.
    await page.evaluate(() => /** @type {any} */ (window).__listBench.time(() => /** @type {any} */ (window).__listBench.type('bench')));
    for (let i = 0; i < changes; i++) {
      // Sort: a column and direction under a specialty filter that changes every round of sorts.
      await set('candidate-filter-specialty', specialties[(Math.floor(i / sorts.length) + 3) % specialties.length]);
      const sort = sorts[i % sorts.length];
      // The same sort as now (at the start of a round) is not a change: take the next one.
      samples.sort.push(await timed('candidate-sort', sort === current['candidate-sort'] ? sorts[(i + 1) % sorts.length] : sort));
    }
    const what = (kind) =>
      `${kind} with ${CANDIDATES} candidates: from the input event to the list showing the answer (DuckDB through the coordinator, never a cached answer)`;
    const targets = [{ stat: 'p95', op: '<=', value: TARGET_P95_MS }];
    return [
      ...Object.entries(samples).map(([kind, xs]) => ({
        ...summarise(`pipeline list: ${kind} → rows shown (${CANDIDATES} candidates)`, 'ms', xs, { what: what(kind) }),
        targets,
      })),
      {
        ...summarise(
          `pipeline list: filter or sort or search → rows shown (${CANDIDATES} candidates)`,
          'ms',
          Object.values(samples).flat(),
          {
            what: what('any'),
          },
        ),
        targets,
      },
    ];
  } finally {
    await browser.close();
  }
}
