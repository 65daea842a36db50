// Defects an outside review found in headless Chromium, each checked in the built app: counties with
// people but no primary-care physician (their own darkest class, ranked first), filters that exclude
// each other, and the keyboard path from the ranked table to a county's details and back. Expected
// figures are counted here from the embedded County Health Rankings & Roadmaps file.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, openApp, type OpenApp } from './harness';
import { datasetRows } from '../helpers/fixtures';
import { BEYOND_FILL, OUTSIDE_VIEW_FILL } from '../../src/charts/choropleth';

const texas = datasetRows('county/supply_chr2025.csv').filter((r) => r.fips.startsWith('48') && r.fips !== '48000');
const noPhysician = new Set(texas.filter((r) => r.pcp === '0' && Number(r.pcp_population) > 0).map((r) => r.fips));

let app: OpenApp;
let page: Page;

async function settled() {
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[data-query-state]')].every((e) => e.getAttribute('data-query-state') === 'done'),
  );
}

beforeAll(async () => {
  app = await openApp('?level=county&metric=supply_pop_per_pcp&states=TX', { timeoutMs: 30_000 });
  page = app.page;
  await page.waitForSelector('[data-testid="area-table"] tr[data-geo="48009"]');
  await settled();
});
afterAll(async () => {
  await app?.browser.close();
  await app?.server.close();
});

describe('people per primary-care physician in Texas', () => {
  it('draws the counties with no physician counted in their own class, named in the legend, and ranks them first', async () => {
    expect(noPhysician.size).toBe(37);
    const fills = await page.$$eval('[data-testid="shortage-map"] g.shapes path', (ps) =>
      ps.filter((p) => p.getAttribute('data-geo')!.startsWith('48')).map((p) => [p.getAttribute('data-geo')!, p.getAttribute('fill')!]),
    );
    for (const [geo, fill] of fills) expect(fill === BEYOND_FILL, geo).toBe(noPhysician.has(geo));
    expect(await page.locator('[data-testid="shortage-map"] .legend-beyond').innerText()).toMatch(/no primary-care physician counted/);
    const ranked = await page.$$eval('[data-testid="area-table"] tbody tr', (trs) =>
      trs.map((tr) => [
        tr.getAttribute('data-geo')!,
        tr.querySelector('td')!.textContent,
        tr.querySelector('td[data-col="value"]')!.textContent,
      ]),
    );
    const top = ranked.slice(0, noPhysician.size);
    expect(new Set(top.map(([geo]) => geo))).toEqual(noPhysician);
    top.forEach(([, rank, value], i) => {
      expect(rank).toBe(String(i + 1));
      expect(value).toBe('no primary-care physician counted');
    });
  });
});

describe('areas without a figure', () => {
  it('are hatched on the map and in the legend, and the legend says why Puerto Rico has none; the page stays axe-clean', async () => {
    expect(await page.locator('[data-testid="shortage-map"] svg.choropleth pattern#atlas-no-data').count()).toBe(1);
    const fillsOf = (p: Page, prefix: string) =>
      p.$$eval(`[data-testid="shortage-map"] g.shapes path[data-geo^="${prefix}"]`, (ps) => ps.map((x) => x.getAttribute('fill')));
    // Zoomed to Texas, the areas around it are context, plain pale grey: not hatched as if they had no figure.
    const context = await fillsOf(page, '72');
    expect(context.length).toBeGreaterThan(70);
    expect(new Set(context)).toEqual(new Set([OUTSIDE_VIEW_FILL]));
    const whole = await app.browser.context.newPage();
    await whole.goto(`${app.server.url}?level=county&metric=supply_pop_per_pcp`);
    await whole.waitForSelector('[data-testid="shortage-map"] g.shapes path[data-geo="72001"]');
    await expect.poll(async () => new Set(await fillsOf(whole, '72'))).toEqual(new Set(['url(#atlas-no-data)']));
    await whole.close();
    const legend = page.locator('[data-testid="shortage-map"] .legend-nodata');
    expect(await legend.innerText()).toMatch(/Puerto Rico: in neither release/);
    expect(await legend.locator('.swatch').evaluate((e) => getComputedStyle(e).backgroundImage)).toMatch(/repeating-linear-gradient/);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('the keyboard from the ranked table to the details and back', () => {
  it('Enter on a county moves focus to the details heading; closing returns it to the county’s button', async () => {
    const button = page.locator('[data-testid="area-table"] tr[data-geo="48009"] button');
    await button.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('area-details').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('details-title');
    await expect.poll(() => page.locator('#details-title').innerText()).toMatch(/^Archer County/);
    await page.getByTestId('area-details').getByRole('button', { name: 'Close' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-geo'))).toBe('48009');
  });
});

describe('filters that exclude each other', () => {
  it('say that no county matches them, naming them', async () => {
    const url = new URL(page.url());
    await page.goto(`${url.origin}${url.pathname}?level=county&states=TX&hhs=9`);
    await page.waitForSelector('.app[data-ready="true"]');
    await settled();
    expect(await page.getByTestId('summary-cards').innerText()).toMatch(/no county matches the filters \(in TX · HHS Region 9\)/);
    expect(await page.getByTestId('area-table-none').innerText()).toBe('No county matches the filters (in TX · HHS Region 9).');
  });
});
