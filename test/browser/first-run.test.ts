// A new user's path, played in Chromium as a person would: open the app → try the sample data →
// change the service area → read the targets, the forecast and the report preview → download —
// following the plan strip's links. The figures a person reads are checked against counts made
// here from the sample pipeline file, and between screens. Then the same at phone width (390 px)
// and with the keyboard alone.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations, waitReady, SCREENSHOTS, openApp, type OpenApp } from './harness';

const SAMPLE_CSV = path.resolve(import.meta.dirname, '../../public/datasets/sample/pipeline-sample.csv');
// The San Joaquin Valley's eight counties (Census FIPS: Fresno, Kern, Kings, Madera, Merced, San Joaquin, Stanislaus, Tulare).
const SAN_JOAQUIN_VALLEY = ['06019', '06029', '06031', '06039', '06047', '06077', '06099', '06107'];
const IMPERIAL = '06025';

/** The sample pipeline as rows of named cells (the generated file has no quoted fields). */
function sampleRows(): Record<string, string>[] {
  const [header, ...lines] = fs.readFileSync(SAMPLE_CSV, 'utf8').trim().split(/\r?\n/);
  const names = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i], v])));
}
const rows = sampleRows();
const inProgress = rows.filter((r) => r.stage !== 'arrived' && r.stage !== 'withdrawn').length;
/** Candidates of these specialties with a site in the region: the forecast table's "Matching candidates". */
const matching = (specialties: string[], inRegion: (r: Record<string, string>) => boolean) =>
  rows.filter((r) => specialties.includes(r.specialty) && inRegion(r)).length;

let server: OpenApp['server'];
let browser: OpenApp['browser'];
let page: Page;
let seen: OpenApp['seen'];

const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `first-run-${name}.png`), fullPage: true });
const planText = (step: string) => page.getByTestId(`plan-${step}`).innerText();
/** Follows the plan strip's link of a step, as a person would. */
const follow = async (step: string) => {
  await page.locator(`[data-testid="plan-strip"] [data-step="${step}"] a`).click();
};
const cells = (selector: string) =>
  page.$$eval(`${selector} tbody tr`, (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
const forecastCurrent = () => expect.poll(() => page.getByTestId('plan-forecast').innerText(), { timeout: 60_000 }).toMatch(/^P\(met\) /);

async function noHorizontalScroll(): Promise<void> {
  const { scroll, width, wide } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
    // The outermost elements reaching past the right edge, to name in a failure.
    wide: [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.parentElement?.closest('.table-scroll, table, nav.tabs'))
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
  }));
  expect(scroll, wide.join('; ')).toBeLessThanOrEqual(width);
}
/** Each chart's drawn width (its svg's width attribute) and the width it is shown at. */
const chartWidths = () =>
  page.$$eval('.fitted-plot svg[width]:not(svg svg)', (svgs) =>
    svgs
      .filter((s) => s.getBoundingClientRect().width > 0 && !s.closest('[class$="-swatches"]'))
      .map((s) => ({ drawn: Number(s.getAttribute('width')), shown: s.getBoundingClientRect().width })),
  );
async function seriousAxe() {
  return (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  ({ server, browser, page, seen } = await openApp('', { viewport: { width: 1440, height: 900 } }));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a new user’s first run, at 1440 px', () => {
  it('opens on the plan: five steps, what to do next, and the sample data one click away', async () => {
    const strip = page.getByTestId('plan-strip');
    expect(await strip.locator('[data-step]').evaluateAll((els) => els.map((e) => e.getAttribute('data-step')))).toEqual([
      'where',
      'targets',
      'pipeline',
      'forecast',
      'share',
    ]);
    expect(await planText('where')).toBe('No service area yet');
    expect(await planText('targets')).toBe('No targets yet');
    expect(await planText('pipeline')).toBe('No candidates yet');
    expect(await planText('forecast')).toBe('Needs candidates'); // each candidate's forecast needs no target
    expect(await page.getByTestId('plan-next').innerText()).toMatch(/^Next: Choose the counties you recruit for\./);
    await shot('01-open-1440');
    // Nothing has been entered, so nothing is said to be saved.
    await follow('targets');
    expect(await page.getByTestId('save-state').innerText()).toMatch(/^Nothing entered yet: what you add here is saved in this browser/);
    await follow('where');
  });

  it('loads the sample data in one click, every item marked sample, and every step shows its state', async () => {
    await page.getByTestId('sample-load').click();
    await expect.poll(() => planText('pipeline')).toBe(`${rows.length} candidates · ${inProgress} in progress`);
    expect(await page.getByTestId('sample-summary').innerText()).toMatch(
      new RegExp(`1 service area, \\d+ targets, \\d+ diversity targets, ${rows.length} candidates are generated samples`),
    );
    expect(await planText('where')).toBe(`San Joaquin Valley (sample) · ${SAN_JOAQUIN_VALLEY.length} counties`);
    await forecastCurrent();
    await shot('02-sample-loaded-1440');
  });

  it('changes the service area by county name, and the forecast follows by itself', async () => {
    await follow('where');
    await expect.poll(() => page.locator('[data-tab="map"]').getAttribute('aria-current')).toBe('page');
    const members = page.getByTestId('service-area-members');
    expect(await members.locator('li').count()).toBe(SAN_JOAQUIN_VALLEY.length);
    expect(await members.innerText()).toContain('Kern County, CA');
    // Type-ahead offers the county by its Census name.
    await page.getByTestId('service-area-county').fill('Imper');
    expect(await page.locator('datalist option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toContain(
      'Imperial County, CA',
    );
    await page.getByTestId('service-area-county').fill('Imperial County, CA');
    await page.getByTestId('service-area-county').press('Enter');
    await expect.poll(() => members.locator('li').count()).toBe(SAN_JOAQUIN_VALLEY.length + 1);
    expect(await members.innerText()).toContain('Imperial County, CA');
    // The old forecast is not presented as current while the new one runs.
    expect(await planText('forecast')).not.toMatch(/P\(met\)/);
    expect(await planText('where')).toBe(`San Joaquin Valley (sample) · ${SAN_JOAQUIN_VALLEY.length + 1} counties`);
    await forecastCurrent();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-query-state]')].every((e) => e.getAttribute('data-query-state') === 'done'),
    );
    await shot('03-map-1440');
  });

  it('reads the targets by name, with the totals the plan strip gives', async () => {
    await follow('targets');
    await expect.poll(() => page.locator('[data-testid="targets-table"] tbody tr[data-target]').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('save-state').innerText()).toMatch(/^Saved in this browser at /);
    const table = await cells('[data-testid="targets-table"]');
    const hires = table.reduce((s, r) => s + Number(r[3]), 0);
    const lastDue = table.map((r) => r[4]).sort()[table.length - 1];
    expect(await planText('targets')).toBe(`${table.length} targets · ${hires} hires by ${lastDue}`);
    for (const r of table) {
      expect(r[0]).toMatch(/sample$/); // each row carries the sample badge
      expect(['Service area: San Joaquin Valley (sample)', 'California']).toContain(r[2]);
    }
    await shot('04-targets-1440');
  });

  it('reads the forecast: every target with its matching candidates from the sample file and its P(met)', async () => {
    await follow('forecast');
    await expect.poll(() => page.getByTestId('forecast').getAttribute('data-forecast-state'), { timeout: 60_000 }).toBe('current');
    const area = [...SAN_JOAQUIN_VALLEY, IMPERIAL];
    const table = await cells('[data-testid="forecast-table"]');
    const targets = await cells('[data-testid="targets-table"]').catch(() => []);
    expect(targets).toEqual([]); // another screen: the targets table is not here
    const inArea = (r: Record<string, string>) => area.includes(r.site_county_fips);
    const inCalifornia = (r: Record<string, string>) => r.site_state === 'CA';
    // Target label → what it counts: HRSA's primary-care specialties, the lab roles (by their ids in the file) and its region.
    const expected: [string, number][] = [
      ['Primary care', matching(['family medicine', 'internal medicine', 'pediatrics', 'ob/gyn'], inArea)],
      ['Psychiatry', matching(['psychiatry'], inArea)],
      ['Hospital medicine', matching(['hospitalist'], inArea)],
      [
        'Clinical laboratory',
        matching(['medical laboratory scientist', 'medical laboratory technician', 'cytotechnologist', 'histotechnologist'], inCalifornia),
      ],
    ];
    expect(table.length).toBe(expected.length);
    for (const r of table) {
      const count = expected.find(([label]) => r[0].startsWith(label))?.[1];
      expect(count, r[0]).toBeDefined();
      expect(Number(r[3]), r[0]).toBe(count);
    }
    // The plan strip's range is the table's lowest and highest P(met).
    const ps = table.map((r) => Number(r[5].replace('%', '')));
    const onTrack = ps.filter((p) => p >= 80).length;
    const range = Math.min(...ps) === Math.max(...ps) ? `${ps[0]}%` : `${Math.min(...ps)}–${Math.max(...ps)}%`;
    expect(await planText('forecast')).toBe(`P(met) ${range} · ${onTrack} of ${table.length} on track`);
    await shot('05-forecast-1440');
  });

  it('marks the forecast out of date the moment an assumption changes, then shows the new one', async () => {
    await page
      .getByTestId('fee-scenario')
      .getByLabel(/No fee:/)
      .check();
    // Right after the edit: the old figures are marked out of date, the plan strip shows no P(met).
    expect(await page.getByTestId('forecast').getAttribute('data-forecast-state')).toBe('updating');
    expect(await page.getByTestId('forecast-results').getAttribute('data-stale')).toBe('true');
    expect(await page.getByTestId('forecast-status').innerText()).toMatch(/out of date/);
    expect(await planText('forecast')).not.toMatch(/P\(met\)/);
    await expect.poll(() => page.getByTestId('forecast').getAttribute('data-forecast-state'), { timeout: 60_000 }).toBe('current');
    expect(await page.getByTestId('forecast-results').getAttribute('data-stale')).toBe('false');
    await page
      .getByTestId('fee-scenario')
      .getByLabel(/The fee continues:/)
      .check();
    await expect.poll(() => page.getByTestId('forecast').getAttribute('data-forecast-state'), { timeout: 60_000 }).toBe('current');
  });

  it('previews the report in a frame that runs no script, and downloads exactly that file', async () => {
    const forecast = await cells('[data-testid="forecast-table"]');
    await follow('share');
    const frame = page.getByTestId('report-frame');
    await expect.poll(() => frame.count(), { timeout: 60_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('export-report').isEnabled(), { timeout: 60_000 }).toBe(true);
    expect(await frame.getAttribute('sandbox')).toBe('');
    const preview = (await frame.getAttribute('srcdoc')) ?? '';
    // What the person reads in the preview: the counties by name, each target and its P(met) as on the forecast screen.
    const inFrame = page.frameLocator('[data-testid="report-frame"]');
    expect(await inFrame.locator('#table-service-areas').innerText()).toContain('Imperial County, CA');
    const reportRows = await inFrame
      .locator('#table-forecast tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(reportRows.map((r) => [r[0], r[3], r[6]])).toEqual(forecast.map((r) => [r[0], r[3], r[5].replace('%', '')]));
    await shot('06-report-1440');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-report').click()]);
    const file = fs.readFileSync(await download.path(), 'utf8');
    expect(file).toBe(preview);
    expect(file).toContain('Imperial County, CA');
    // The plan's last step is done now, with the time of the download.
    const share = page.locator('[data-testid="plan-strip"] [data-step="share"]');
    await expect.poll(() => share.getAttribute('data-status')).toBe('done');
    expect(await page.getByTestId('plan-share').innerText()).toMatch(/^Report downloaded at \d\d:\d\d$/);
  });

  it('removes every sample item and nothing else', async () => {
    await follow('targets');
    await page.getByTestId('target-new').click();
    await page.getByTestId('target-region').selectOption('county');
    await page.getByTestId('target-county').fill('Kern County, CA');
    await page.getByTestId('target-hires').fill('2');
    await page.getByTestId('target-save').click();
    await expect.poll(async () => (await cells('[data-testid="targets-table"]')).some((r) => r[2] === 'Kern County, CA')).toBe(true);
    expect(await planText('share')).toMatch(/^Downloaded at \d\d:\d\d; the plan has changed since$/);
    await page.getByTestId('sample-remove').click();
    expect(await page.getByTestId('sample-message').innerText()).toMatch(/Sample data removed/);
    const left = await cells('[data-testid="targets-table"]');
    expect(left.map((r) => [r[2], r[3]])).toEqual([['Kern County, CA', '2']]);
    expect(await planText('pipeline')).toBe('No candidates yet');
    expect(await planText('where')).toBe('No service area yet');
    expect(await planText('targets')).toMatch(/^1 target · 2 hires by /);
    expect(await page.getByTestId('sample-load').count()).toBe(1);
    // Put the sample back for the phone and keyboard checks.
    await page.getByTestId('sample-load').click();
    await forecastCurrent();
  });

  it('has no accessibility violations (not even moderate ones), console errors or requests off the app’s origin', async () => {
    for (const screen of ['map', 'targets', 'pipeline', 'market', 'report', 'data']) {
      await page.locator(`[data-tab="${screen}"]`).click();
      await page.waitForTimeout(300);
      expect(await axeViolations(page), screen).toEqual([]);
    }
    expect(seen.consoleErrors).toEqual([]);
    expect(seen.offOrigin).toEqual([]);
  });
});

describe('the same path at 390 px and with the keyboard alone', () => {
  it('fits every screen on a phone: no horizontal page scroll, filters folded, axe clean', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const [i, screen] of ['map', 'targets', 'pipeline', 'report', 'market'].entries()) {
      await page.locator(`[data-tab="${screen}"]`).click();
      await page.waitForTimeout(500);
      if (screen === 'map') expect(await page.getByTestId('fold').getAttribute('open')).toBeNull();
      if (screen === 'report') await expect.poll(() => page.getByTestId('export-report').isEnabled(), { timeout: 60_000 }).toBe(true);
      if (screen === 'market') {
        // Its three charts are drawn at the phone's width, not drawn at 640 px and scaled down.
        await expect.poll(async () => (await chartWidths()).length, { timeout: 30_000 }).toBe(3);
        for (const { drawn, shown } of await chartWidths()) {
          expect(drawn).toBeLessThan(390);
          expect(Math.abs(drawn - shown)).toBeLessThanOrEqual(1);
        }
      }
      await noHorizontalScroll();
      expect(await seriousAxe(), screen).toEqual([]);
      await shot(`${i + 7}-${screen}-390`);
    }
  });

  it('reaches a downloaded report from the first screen with the keyboard alone', async () => {
    await page.goto(server.url);
    await waitReady(page);
    const tabTo = async (selector: string) => {
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
      }
      throw new Error(`${selector} is not reachable with Tab`);
    };
    await tabTo('[data-step="share"] a');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-tab="report"]').getAttribute('aria-current')).toBe('page');
    await expect.poll(() => page.getByTestId('export-report').isEnabled(), { timeout: 60_000 }).toBe(true);
    await tabTo('[data-testid="export-report"]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(fs.readFileSync(await download.path(), 'utf8')).toMatch(/Forecast against the targets/);
    expect(seen.consoleErrors).toEqual([]);
  });
});
