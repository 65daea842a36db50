import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations, waitReady, SCREENSHOTS, openApp, serveDist, launch, watch, type OpenApp } from './harness';
import { datasetRows, fixtureRows } from '../helpers/fixtures';

// Independent figures, read from the files the app loads.
const ROOT = path.resolve(import.meta.dirname, '../..');
const readJson = <T>(file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as T;
type Shapes = { objects: Record<string, { geometries: unknown[] }> };
type Inset = { counties: { features: unknown[] } };
const COUNTY_SHAPES =
  readJson<Shapes>('node_modules/us-atlas/counties-albers-10m.json').objects.counties.geometries.length +
  readJson<Inset>('public/datasets/geo/pr-albers-inset.json').counties.features.length;
const rural = new Set(
  datasetRows('ref/counties.csv')
    .filter((c) => c.rural === 'rural')
    .map((c) => c.county_fips),
);
/** California counties with a current designation (the map's default statuses), all or rural only. */
const current = datasetRows('hpsa/hpsa_pc_ca_2024-03-27_by_county.csv').filter(
  (r) => r['HPSA Status'] === 'Designated' || r['HPSA Status'] === 'Proposed For Withdrawal',
);
const countiesWithDesignations = new Set(current.map((r) => r['Common State County FIPS Code']).filter((f) => /^\d{5}$/.test(f)));
const ruralWithDesignations = [...countiesWithDesignations].filter((f) => rural.has(f));
// Counties with at least one designation that has an FTE figure ("HPSA Shortage"): the others have no FTE to colour by.
const countiesWithFte = new Set(
  current
    .filter((r) => r['HPSA Shortage'] !== '')
    .map((r) => r['Common State County FIPS Code'])
    .filter((f) => /^\d{5}$/.test(f)),
);

let server: OpenApp['server'];
let browser: OpenApp['browser'];
let page: Page;
let seen: OpenApp['seen'];

async function settled() {
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[data-query-state]')].every((e) => e.getAttribute('data-query-state') === 'done'),
  );
}
const fills = () => page.$$eval('[data-testid="shortage-map"] g.shapes path', (ps) => ps.map((p) => p.getAttribute('fill')).join('|'));
const tableRows = () => page.locator('[data-testid="area-table"] tbody tr').count();
/** The ids of the shapes that have a value (coloured), per the map's own data attributes. */
const coloured = () =>
  page.$$eval('[data-testid="shortage-map"] g.shapes path[data-value]:not([data-value=""])', (ps) =>
    ps.map((p) => p.getAttribute('data-geo')),
  );

beforeAll(async () => {
  ({ server, browser, page, seen } = await openApp('', { timeoutMs: 20_000 }));
  // Under load the screen may not have mounted yet: with no view on the page, "every view settled" holds vacuously.
  await page.waitForSelector('[data-testid="shortage-map"] g.shapes path');
  await settled();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the first screen (fresh profile): the whole country', () => {
  it('colours all 50 states and DC from HRSA’s published summary, its date on the map and in the legend', async () => {
    const fips = new Set(await coloured());
    // The 50 states and DC: 51 state FIPS codes, none of them a territory's (60 and above).
    expect(fips.size).toBe(51);
    expect([...fips].every((f) => f !== null && f.length === 2 && Number(f) <= 56)).toBe(true);
    expect(await page.getByTestId('map-vintage').innerText()).toBe('HRSA state summary as of 2021-12-31');
    expect(await page.locator('[data-testid="shortage-map"] .legend-vintage').innerText()).toBe('HRSA state summary as of 2021-12-31');
    expect(await tableRows()).toBe(51);
    expect(await page.getByTestId('summary-cards').innerText()).toMatch(/US 7,613, territories included/);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'first-screen-1440.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 900 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'first-screen-390.png'), fullPage: true });
    // Nothing is wider than a phone's screen: wide tables scroll inside their box.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1400, height: 1000 });
  });

  it('choosing Texas shows Texas’s published figures, each with its date, as the source files give them', async () => {
    const tx = (name: string) => fixtureRows(`national/${name}`).find((r) => r.state_abbr === 'TX')!;
    const pc2021q3 = tx('hpsa_primary_care_2021-09-30_kff.csv');
    const pc2021q4 = tx('hpsa_primary_care_2021-12-31_hrsa_hgu.csv');
    const aamc = tx('aamc_physicians_by_state_2018.csv');
    const bls = tx('bls_oews_clinical_lab_techs_2023-05.csv');
    const dental = tx('hpsa_dental_counts_becker.csv');
    await page.locator('[data-testid="shortage-map"] g.shapes path[data-geo="48"]').click();
    await expect.poll(() => page.getByTestId('area-details').isVisible()).toBe(true);
    await settled();
    const fmt = (v: string) => Number(v).toLocaleString('en-US');
    const row = async (testId: string, text: string) => page.getByTestId(testId).locator('tbody tr', { hasText: text }).first().innerText();
    expect(await page.locator('#details-title').innerText()).toBe('Texas: every published figure');
    const q3 = await row('hrsa-summaries-TX', '2021-09-30');
    for (const v of [
      fmt(pc2021q3.pc_hpsa_designations),
      fmt(pc2021q3.pc_hpsa_population),
      pc2021q3.pc_pct_need_met,
      fmt(pc2021q3.pc_practitioners_needed),
    ])
      expect(q3).toContain(v);
    const q4 = await row('hrsa-summaries-TX', '2021-12-31');
    for (const v of [fmt(pc2021q4.pc_hpsa_designations), fmt(pc2021q4.pc_hpsa_population), fmt(pc2021q4.pc_practitioners_needed)])
      expect(q4).toContain(v);
    // Partial tables say Texas is not in them, rather than showing nothing.
    expect(await row('hrsa-summaries-TX', '2025-03-31 (partial: 28 of 51 states)')).toMatch(/not in this table/);
    expect(await row('hrsa-summaries-TX', '2025-02-18')).toContain(dental['dental_hpsa_designations_2025-02']);
    const physicians = await page.getByTestId('aamc-TX').innerText();
    expect(physicians).toContain(`as of ${aamc.as_of}`);
    expect(physicians).toContain(`IMGs are ${aamc.pct_active_phys_img}% of Texas’s active physicians, AAMC 2018`);
    expect(await row('aamc-TX', 'Active physicians per 100,000')).toContain(aamc.active_phys_per100k);
    expect(await row('aamc-specialties-TX', 'Psychiatry')).toContain(fmt(aamc.psychiatry_count));
    expect(await row('bls-lab-TX', 'Mean annual wage')).toContain(fmt(bls.annual_mean_wage));
    // The table row and the map agree with the published figure of the map's date.
    expect(await page.locator('[data-testid="area-table"] tr[data-geo="48"] [data-col="value"]').innerText()).toBe(
      fmt(pc2021q4.pc_practitioners_needed),
    );
    expect(await page.locator('[data-testid="shortage-map"] path[data-geo="48"]').first().getAttribute('data-value')).toBe(
      pc2021q4.pc_practitioners_needed,
    );
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'texas-1440.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 900 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'texas-390.png'), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1400, height: 1000 });
  });

  it('shows the California detail aggregate beside its summary figure, under its own date', async () => {
    const ca = await page.locator('[data-testid="area-table"] tr[data-geo="06"]').innerText();
    const caRow = fixtureRows('national/hpsa_primary_care_2021-12-31_hrsa_hgu.csv').find((r) => r.state_abbr === 'CA')!;
    expect(ca).toContain(Number(caRow.pc_practitioners_needed).toLocaleString('en-US'));
    expect(await page.locator('[data-testid="area-table"] thead').innerText()).toMatch(/Detail file 2024-03-27: designations/);
    // PROVENANCE.md: 611 designated HPSA IDs in California's 2024-03-27 detail file.
    expect(await page.locator('[data-testid="area-table"] tr[data-geo="06"] [data-col="other_designations"]').innerText()).toBe('611');
  });

  it('changes vintage: % of need met exists only in 2021-09-30; the 2025 table is partial and says so', async () => {
    await page.getByTestId('filter-metric').selectOption('need_met');
    await settled();
    expect(await page.getByTestId('map-vintage').innerText()).toBe('HRSA state summary as of 2021-09-30');
    const before = await fills();
    await page.getByTestId('filter-metric').selectOption('fte_needed');
    await page.getByTestId('filter-vintage').selectOption('2025-03-31');
    await settled();
    expect(await fills()).not.toBe(before);
    expect(await page.getByTestId('map-vintage').innerText()).toBe('HRSA state summary as of 2025-03-31 (partial: 28 of 51 states)');
    expect((await coloured()).length).toBe(28);
    expect(await page.getByTestId('coverage-note').innerText()).toMatch(/28 of 51 states; hatched states are not in it/);
    expect(await page.locator('[data-testid="shortage-map"] .legend-nodata').innerText()).toMatch(
      /not in this table \(partial: 28 of 51 states\)/,
    );
  });

  it('shows AAMC and BLS state figures with their dates, and nothing marked estimate', async () => {
    await page.goto(`${server.url}?metric=img_share`);
    await waitReady(page);
    await settled();
    expect(await tableRows()).toBe(51);
    expect(await page.getByTestId('map-vintage').innerText()).toBe('AAMC State Physician Workforce Data Report, as of 2018-12-31');
    await page.getByTestId('filter-metric').selectOption('lab_employment');
    await settled();
    expect(await tableRows()).toBe(11);
    expect(await page.getByTestId('map-vintage').innerText()).toBe('BLS Occupational Employment and Wage Statistics, May 2024');
    expect(await page.locator('body').innerText()).not.toMatch(/estimate/i);
  });
});

describe('county detail (California embedded)', () => {
  beforeAll(async () => {
    // HRSA's figures at county level (the county level opens on primary-care physicians: county-supply.test.ts).
    await page.goto(`${server.url}?level=county&metric=fte_needed`);
    await waitReady(page);
    await settled();
  });

  it('draws one shape per county and colours the California counties with a designation', async () => {
    const n = await page.locator('[data-testid="shortage-map"] g.shapes path').count();
    expect(n).toBe(COUNTY_SHAPES); // us-atlas counties and Puerto Rico's municipios
    // Puerto Rico's 78 municipios are drawn in an inset.
    expect(await page.locator('[data-testid="shortage-map"] g.shapes path[data-geo^="72"]').count()).toBe(78);
    const ids = await coloured();
    expect(await tableRows()).toBe(countiesWithDesignations.size);
    // Counties whose designations all lack an FTE figure are listed without one, drawn as no data, never as 0.
    expect(new Set(ids)).toEqual(countiesWithFte);
    expect(countiesWithFte.size).toBeLessThan(countiesWithDesignations.size);
    expect(await page.getByTestId('map-vintage').innerText()).toBe('HRSA detail file as of 2024-03-27 (CA only)');
    expect(await page.getByTestId('coverage-note').innerText()).toMatch(/covers CA only/);
  });

  it('a shared designation is counted whole in each county and says so', async () => {
    // Designation 1062720461 spans Nevada (06057) and Placer (06061) counties.
    await page.locator('[data-testid="area-table"] tr[data-geo="06057"]').getByRole('button').click();
    await expect.poll(() => page.getByTestId('area-details').isVisible()).toBe(true);
    await settled();
    expect(await page.locator('[data-testid="designation-table"] tr[data-hpsa="1062720461"]').innerText()).toMatch(
      /shared with 1 other county/,
    );
    expect(await page.locator('[data-testid="area-table"] tr[data-geo="06057"] [data-col="shared_designations"]').innerText()).toBe('1');
  });

  it('switching the metric changes the fills and the table', async () => {
    const before = await fills();
    await page.getByTestId('filter-metric').selectOption('max_score');
    await settled();
    expect(await fills()).not.toBe(before);
    expect(await page.locator('#area-table-title').innerText()).toMatch(/highest hpsa score/i);
  });

  it('a state filter narrows the table, and the view survives a reload from the URL', async () => {
    await page.getByTestId('filter-state').selectOption('TX');
    await settled();
    expect(await tableRows()).toBe(0);
    await page.getByTestId('filter-state').selectOption('CA');
    await page.getByTestId('filter-rural').selectOption('rural');
    await settled();
    expect(await tableRows()).toBe(ruralWithDesignations.length);
    expect(ruralWithDesignations.length).toBeLessThan(countiesWithDesignations.size);
    await page.locator('[data-testid="area-table"] tbody tr').first().getByRole('button').click();
    await expect.poll(() => page.getByTestId('area-details').isVisible()).toBe(true);
    // The address is written just after the frame that shows the change.
    await expect.poll(() => page.url()).toMatch(/selected=06\d{3}/);
    const url = page.url();
    expect(url).toMatch(/states=CA/);
    expect(url).toMatch(/rural=rural/);
    expect(url).toMatch(/selected=06\d{3}/);
    const table = await page.getByTestId('area-table').innerText();
    await page.goto(url);
    await waitReady(page);
    await settled();
    expect(await page.getByTestId('filter-state').inputValue()).toBe('CA');
    expect(await page.getByTestId('filter-metric').inputValue()).toBe('max_score');
    expect(await page.getByTestId('area-table').innerText()).toBe(table);
    expect(await page.getByTestId('waiver-eligibility').innerText()).toMatch(/Conrad 30/);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'map-california.png'), fullPage: true });
  });

  it('exports the table as shown to CSV with a BOM, each figure’s date included', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-area-csv').click()]);
    const text = fs.readFileSync(await download.path(), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split('\r\n');
    // The rows, then the table's total row where it shows one.
    const total = await page.getByTestId('area-table-total').count();
    expect(lines.length - 1).toBe((await tableRows()) + total);
    if (total) expect(lines.at(-1)).toMatch(/^"?Total of the view/);
    expect(lines[0]).toMatch(/^County,FIPS,Highest HPSA score .*,As of,/);
    expect(lines[1]).toMatch(/,2024-03-27,/);
  });

  it('has no serious accessibility violations and no console errors', async () => {
    const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious).toEqual([]);
    expect(seen.consoleErrors).toEqual([]);
    expect(seen.offOrigin).toEqual([]);
  });
});

/** A browser with a fresh profile and the built app served, for a test that needs its own; both closed after. */
describe('asking ahead for the other states', () => {
  const settledOn = (p: Page) =>
    p.waitForFunction(() =>
      [...document.querySelectorAll('[data-query-state]')].every((e) => e.getAttribute('data-query-state') === 'done'),
    );
  const shownFigures = async (p: Page) => ({
    cards: await p.getByTestId('summary-cards').innerText(),
    table: await p.getByTestId('area-table').innerText(),
    pipeline: await p.getByTestId('region-pipeline').innerText(),
  });

  it('a state picked once the map has asked ahead is drawn without waiting, with the figures of a page opened on that state', async () => {
    // A profile of its own: no view saved by the tests above.
    await inFreshBrowser(async (server, b) => {
      const ahead = await b.context.newPage();
      const seenAhead = watch(ahead, server.origin);
      await ahead.goto(server.url);
      await waitReady(ahead);
      await expect.poll(() => ahead.locator('.app').getAttribute('data-engine'), { timeout: 60_000 }).toBe('ready');
      await expect.poll(() => ahead.locator('.map-screen').getAttribute('data-asked-ahead'), { timeout: 60_000 }).toBe('done');
      // From now on, note every view that shows it is waiting for the engine.
      await ahead.evaluate(() => {
        const w = window as unknown as { waited: string[] };
        w.waited = [];
        new MutationObserver((changes) =>
          changes.forEach((c) => {
            const el = c.target as Element;
            if (el.getAttribute('data-query-state') === 'loading') w.waited.push(el.getAttribute('data-testid') ?? el.id);
          }),
        ).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-query-state'] });
      });
      for (const state of ['WY', 'AL', 'OR', '']) {
        await ahead.getByTestId('filter-state').selectOption(state);
        await settledOn(ahead);
        expect(await ahead.evaluate(() => (window as unknown as { waited: string[] }).waited)).toEqual([]);
        const fresh = await b.context.newPage();
        // Named in the address: not the view the other page saved.
        await fresh.goto(`${server.url}?${state ? `states=${state}` : 'level=state'}`);
        await waitReady(fresh);
        await expect.poll(() => fresh.locator('.app').getAttribute('data-engine'), { timeout: 60_000 }).toBe('ready');
        await settledOn(fresh);
        expect(await shownFigures(ahead)).toEqual(await shownFigures(fresh));
        await fresh.close();
      }
      expect(seenAhead.consoleErrors).toEqual([]);
      expect(seenAhead.offOrigin).toEqual([]);
    });
  });
});

async function inFreshBrowser(
  test: (server: Awaited<ReturnType<typeof serveDist>>, b: Awaited<ReturnType<typeof launch>>) => Promise<void>,
) {
  const server = await serveDist();
  const b = await launch();
  try {
    await test(server, b);
  } finally {
    await b.close();
    await server.close();
  }
}

/**
 * Opens the app in a new page with DuckDB's wasm held back until `release` is called: the first
 * screen is drawn and the engine cannot start before.
 */
async function openWithEngineHeld(b: Awaited<ReturnType<typeof launch>>, server: Awaited<ReturnType<typeof serveDist>>) {
  const page = await b.context.newPage();
  const seen = watch(page, server.origin);
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\.wasm$/, async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(server.url);
  await waitReady(page);
  expect(await page.locator('.app').getAttribute('data-engine')).toBe('starting');
  return { page, seen, release };
}

describe('when the query engine starts', () => {
  it('starts once the first screen is drawn, not before: the wasm compile does not slow the first map', async () => {
    await inFreshBrowser(async (server, b) => {
      const page = await b.context.newPage();
      // When `.app` turns data-ready (the map drawn), in the page's own clock.
      await page.addInitScript(() => {
        const w = window as unknown as { drawnAt?: number };
        new MutationObserver(() => {
          if (w.drawnAt === undefined && document.querySelector('.app[data-ready="true"]')) w.drawnAt = performance.now();
        }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'], childList: true });
      });
      await page.goto(server.url);
      await waitReady(page);
      await expect.poll(() => page.locator('.app').getAttribute('data-engine'), { timeout: 60_000 }).toBe('ready');
      const { drawnAt, startedAt } = await page.evaluate(() => ({
        drawnAt: (window as unknown as { drawnAt?: number }).drawnAt,
        startedAt: performance.getEntriesByName('atlas:engine-start')[0]?.startTime,
      }));
      expect(drawnAt).toBeGreaterThan(0);
      expect(startedAt).toBeGreaterThanOrEqual(drawnAt!);
    });
  });

  it('with candidates saved, the map’s pipeline panel waits for them instead of saying there are none', async () => {
    await inFreshBrowser(async (server, b) => {
      // Two in progress, one arrived: the panel counts those in progress.
      const csv = [
        'candidate_id,profession,specialty,stage,stage_date,visa_route,site_state,licence_status,visa_status,visa_status_date',
        'W-1,physician,internal medicine,accepted,2026-03-01,h1b-cap-exempt,TX,licensed,not-started,',
        'W-2,physician,psychiatry,offer,2026-04-01,h1b-cap-exempt,OH,applied,not-started,',
        'W-3,physician,psychiatry,arrived,2026-02-01,h1b-cap-exempt,OH,licensed,approved,2025-12-01',
      ].join('\n');
      const page = await b.context.newPage();
      const seen = watch(page, server.origin);
      await page.goto(`${server.url}#pipeline`);
      await waitReady(page);
      await page.getByTestId('pipeline-upload').setInputFiles({ name: 'three.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await expect.poll(() => page.getByTestId('pipeline-message').innerText()).toMatch(/Imported 3 candidate/);
      await page.goto(`${server.url}#targets`);
      await expect.poll(() => page.getByTestId('save-state').innerText()).toMatch(/Saved in this browser/);
      await page.close();
      // Open the map again in the same profile, DuckDB's wasm held back: the first screen is drawn, the engine is not up.
      const { page: again, seen: seenAgain, release } = await openWithEngineHeld(b, server);
      const panel = again.getByTestId('region-pipeline');
      expect(await panel.getAttribute('data-query-state')).toBe('loading');
      expect(await panel.innerText()).not.toMatch(/No candidates/);
      expect(await panel.getByTestId('engine-wait').count()).toBe(1);
      release();
      await expect.poll(() => panel.getAttribute('data-query-state'), { timeout: 60_000 }).toBe('done');
      expect(await panel.locator('h2').innerText()).toMatch(/: 2 candidates in progress/);
      expect([...seen.consoleErrors, ...seenAgain.consoleErrors]).toEqual([]);
    });
  });

  it('starts at the first question when the map is not the screen opened, with every timer of the page stopped', async () => {
    await inFreshBrowser(async (server, b) => {
      const page = await b.context.newPage();
      const seen = watch(page, server.origin);
      // Timers and animation frames never fire: only a question to the engine can start it.
      await page.clock.install({ time: new Date('2026-12-07T10:00:00') });
      await page.clock.pauseAt(new Date('2026-12-07T10:00:00'));
      await page.goto(`${server.url}#data`);
      await expect.poll(() => page.locator('.app').getAttribute('data-engine'), { timeout: 60_000 }).toBe('ready');
      await expect.poll(() => page.getByTestId('summary-tables').locator('tbody tr').count(), { timeout: 30_000 }).toBeGreaterThan(0);
      expect(seen.consoleErrors).toEqual([]);
    });
  });
});

describe('before the query engine is up', () => {
  it('draws the first screen from the build’s snapshot; a filter that needs the engine says it waits, then answers', async () => {
    await inFreshBrowser(async (server, b) => {
      const { page, seen, release } = await openWithEngineHeld(b, server);
      // Drawn: every state and DC coloured, as with the engine.
      await page.waitForSelector('[data-testid="shortage-map"][data-query-state="done"]');
      const shown = await page.$$eval('[data-testid="shortage-map"] g.shapes path[data-value]:not([data-value=""])', (ps) => ps.length);
      expect(shown).toBe(51);
      await page.getByTestId('filter-state').selectOption('TX');
      await expect.poll(() => page.getByTestId('engine-wait').first().innerText()).toMatch(/Waiting for the query engine/);
      expect(await page.locator('[data-testid="shortage-map"]').getAttribute('data-query-state')).toBe('loading');
      release();
      await expect.poll(() => page.locator('.app').getAttribute('data-engine'), { timeout: 60_000 }).toBe('ready');
      await expect.poll(() => page.locator('[data-testid="shortage-map"]').getAttribute('data-query-state')).toBe('done');
      expect(await page.getByTestId('engine-wait').count()).toBe(0);
      expect(await page.locator('[data-testid="area-table"] tbody tr').count()).toBe(1);
      expect(await page.locator('[data-testid="area-table"] tbody tr').first().getAttribute('data-geo')).toBe('48');
      expect(seen.consoleErrors).toEqual([]);
      expect(seen.offOrigin).toEqual([]);
    });
  });
});
