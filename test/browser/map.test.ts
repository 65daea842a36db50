import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations, launch, serveDist, waitReady, watch, SCREENSHOTS } from './harness';
import { parseRows } from '../helpers/shared';

// Independent figures, read from the files the app loads.
const ROOT = path.resolve(import.meta.dirname, '../..');
const readJson = <T>(file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as T;
type Shapes = { objects: Record<string, { geometries: unknown[] }> };
type Inset = { counties: { features: unknown[] }; states: { features: unknown[] } };
const atlas = readJson<Shapes>('node_modules/us-atlas/counties-albers-10m.json');
const prInset = readJson<Inset>('public/datasets/geo/pr-albers-inset.json');
const COUNTY_SHAPES = atlas.objects.counties.geometries.length + prInset.counties.features.length;
const STATE_SHAPES = atlas.objects.states.geometries.length + prInset.states.features.length;
const hpsa = parseRows(path.join(ROOT, 'public/datasets/hpsa/hpsa_pc_ca_2024-03-27_by_county.csv'));
const rural = new Set(
  parseRows(path.join(ROOT, 'public/datasets/ref/counties.csv'))
    .filter((c) => c.rural === 'rural')
    .map((c) => c.county_fips),
);
/** California counties with a current designation (the map's default statuses), all or rural only. */
const current = hpsa.filter((r) => r['HPSA Status'] === 'Designated' || r['HPSA Status'] === 'Proposed For Withdrawal');
const countiesWithDesignations = new Set(current.map((r) => r['Common State County FIPS Code']).filter((f) => /^\d{5}$/.test(f)));
const ruralWithDesignations = [...countiesWithDesignations].filter((f) => rural.has(f));

let server: Awaited<ReturnType<typeof serveDist>>;
let browser: Awaited<ReturnType<typeof launch>>;
let page: Page;
let seen: ReturnType<typeof watch>;

async function settled() {
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[data-query-state]')].every((e) => e.getAttribute('data-query-state') === 'done'),
  );
}
const fills = () => page.$$eval('[data-testid="shortage-map"] g.shapes path', (ps) => ps.map((p) => p.getAttribute('fill')).join('|'));
const tableRows = () => page.locator('[data-testid="area-table"] tbody tr').count();

beforeAll(async () => {
  server = await serveDist();
  browser = await launch();
  page = await browser.context.newPage();
  page.setDefaultTimeout(20_000);
  seen = watch(page, server.origin);
  await page.goto(server.url);
  await waitReady(page);
  // Under load the screen may not have mounted yet: with no view on the page, "every view settled" holds vacuously.
  await page.waitForSelector('[data-testid="shortage-map"] g.shapes path');
  await settled();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('shortage map', () => {
  it('draws one shape per county', async () => {
    const n = await page.locator('[data-testid="shortage-map"] g.shapes path').count();
    expect(n).toBe(COUNTY_SHAPES); // us-atlas counties and Puerto Rico's municipios
    // Puerto Rico's 78 municipios are drawn in an inset.
    expect(await page.locator('[data-testid="shortage-map"] g.shapes path[data-geo^="72"]').count()).toBe(78);
    // Every California county with a designation is coloured, one table row per coloured shape.
    const coloured = await page.$$eval('[data-testid="shortage-map"] g.shapes path[data-value]:not([data-value=""])', (ps) => ps.length);
    expect(coloured).toBe(await tableRows());
    expect(coloured).toBe(countiesWithDesignations.size);
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

  it('exports the table as shown to CSV with a BOM', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-area-csv').click()]);
    const text = fs.readFileSync(await download.path(), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines.length - 1).toBe(await tableRows());
    expect(lines[0]).toMatch(/^County,FIPS,Highest HPSA score/);
  });

  it('shows state-level workforce metrics, marked as estimates', async () => {
    await page.goto(`${server.url}?level=state&metric=specialty_gap&specialty=psychiatry`);
    await waitReady(page);
    await settled();
    expect(await tableRows()).toBe(51);
    expect(await page.getByTestId('area-table').innerText()).toMatch(/estimate/);
    expect(await page.locator('[data-testid="shortage-map"] g.shapes path').count()).toBe(STATE_SHAPES);
  });

  it('has no serious accessibility violations and no console errors', async () => {
    const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious).toEqual([]);
    expect(seen.consoleErrors).toEqual([]);
    expect(seen.offOrigin).toEqual([]);
  });
});
