// Every county on first open, in the built app: the county level coloured by primary-care physicians
// per 100,000 people with nothing uploaded, a state's counties ranked with their counts and rates, a
// county's details (every figure with its year, the 2014–2021 trend, HRSA's criterion as context),
// the CSV export, a service area found by ZIP that adds up, and a pipeline row with only site_zip
// placed in its county on screen, in the waiver-site check and in the report. Every expected figure
// is read here from County Health Rankings & Roadmaps', the Urban Institute's and the Census
// Bureau's own rows (committed real excerpts in test/fixtures/county) or the embedded HRSA file.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { axeViolations, openApp, SCREENSHOTS, type OpenApp } from './harness';
import { datasetRows, fixtureRows, type CsvRow } from '../helpers/fixtures';

const supply = fixtureRows('county/county_provider_supply_ahrf2022_npi2024_chr2025.csv');
const trend = fixtureRows('county/county_pop_per_pcp_ahrf_2014-2021.csv');
const zcta = fixtureRows('county/census_zcta2020_county2020.csv');
const num = (v: string) => (v === '' || v === 'NA' ? null : Number(v));
const fmt = (v: number, digits = 0) => v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const countiesOf = (st: string) => supply.filter((r) => r.geo_level === 'county' && r.fips.startsWith(st));
const alabama = countiesOf('01');
const sum = (rows: CsvRow[], column: string) => rows.reduce((t, r) => t + (num(r[column]) ?? 0), 0);

/** A ZIP of one county only, from the Census file. */
function zipOnlyIn(county: string): string {
  const counts = new Map<string, number>();
  for (const r of zcta) counts.set(r.zcta, (counts.get(r.zcta) ?? 0) + 1);
  return zcta.find((r) => r.county_fips === county && counts.get(r.zcta) === 1)!.zcta;
}

let app: OpenApp;
let page: Page;

async function settled() {
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[data-query-state]')].every((e) => e.getAttribute('data-query-state') === 'done'),
  );
}
const coloured = () =>
  page.$$eval('[data-testid="shortage-map"] g.shapes path[data-value]:not([data-value=""])', (ps) =>
    ps.map((p) => p.getAttribute('data-geo')),
  );
const cellOf = (geo: string, col: string) =>
  page.locator(`[data-testid="area-table"] tr[data-geo="${geo}"] td[data-col="${col}"]`).innerText();

beforeAll(async () => {
  app = await openApp('', { timeoutMs: 30_000 });
  page = app.page;
});
afterAll(async () => {
  await app?.browser.close();
  await app?.server.close();
});

describe('the county level, nothing uploaded (fresh profile)', () => {
  it('colours at least 3,000 county shapes by primary-care physicians per 100k, 2022, said on the map', async () => {
    await page.getByRole('radio', { name: 'Counties' }).check();
    await page.waitForSelector('[data-testid="shortage-map"] g.shapes path[data-value]');
    await settled();
    const ids = await coloured();
    expect(ids.length).toBeGreaterThanOrEqual(3000);
    // Connecticut's old counties have no 2022 figure: uncoloured, and the map says why.
    expect(ids.some((id) => id!.startsWith('09'))).toBe(false);
    expect(await page.getByTestId('shortage-map').innerText()).toMatch(/Connecticut: .*planning regions/);
    expect(await page.getByTestId('filter-metric').inputValue()).toBe('supply_pcp_per_100k');
    expect(await page.getByTestId('map-vintage').innerText()).toMatch(/Area Health Resources File 2022/);
  });

  it('choosing Alabama lists its 67 counties with their 2022 counts, populations and rates as CHR&R publishes them', async () => {
    await page.getByTestId('filter-state').selectOption('AL');
    await settled();
    expect(await page.locator('[data-testid="area-table"] tbody tr').count()).toBe(alabama.length);
    expect(alabama.length).toBe(67);
    for (const c of alabama) {
      const count = num(c.pcp_n_2022)!;
      const people = num(c.pop_2022)!;
      expect(await cellOf(c.fips, 'providers'), c.fips).toBe(fmt(count));
      expect(await cellOf(c.fips, 'people'), c.fips).toBe(fmt(people));
      expect(await cellOf(c.fips, 'value'), c.fips).toBe(fmt((count / people) * 1e5, 1));
      expect(await cellOf(c.fips, 'as_of'), c.fips).toBe('2022');
    }
    // The total row: the counties' counts and people summed, the rate from the sums (= Alabama's own row).
    const total = page.getByTestId('area-table-total');
    const [n, p] = [sum(alabama, 'pcp_n_2022'), sum(alabama, 'pop_2022')];
    const state = supply.find((r) => r.fips === '01000')!;
    expect([n, p]).toEqual([num(state.pcp_n_2022), num(state.pop_2022)]);
    expect(await total.locator('[data-col="providers"]').innerText()).toBe(fmt(n));
    expect(await total.locator('[data-col="value"]').innerText()).toBe(fmt((n / p) * 1e5, 1));
    // Ranked from the fewest physicians per person: the first row has the lowest rate.
    const rates = alabama.map((c) => num(c.pcp_n_2022)! / num(c.pop_2022)!);
    const first = await page.locator('[data-testid="area-table"] tbody tr').first().getAttribute('data-geo');
    expect(num(alabama.find((c) => c.fips === first)!.pcp_n_2022)! / num(alabama.find((c) => c.fips === first)!.pop_2022)!).toBe(
      Math.min(...rates),
    );
  });

  it('exports the ranked table to CSV: every county with its year, and the total row', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-area-csv').click()]);
    const text = fs.readFileSync(await download.path(), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(rows.length).toBe(alabama.length + 1);
    expect(header.slice(0, 6)).toEqual([
      'County',
      'FIPS',
      'Primary-care physicians per 100k, 2022',
      'Year',
      'Primary-care physicians, 2022',
      'Population, 2022',
    ]);
    for (const c of alabama) {
      const r = rows.find((x) => x[1] === c.fips)!;
      expect(r.slice(3, 6).map(Number), c.fips).toEqual([2022, num(c.pcp_n_2022), num(c.pop_2022)]);
      expect(Number(r[2])).toBeCloseTo((num(c.pcp_n_2022)! / num(c.pop_2022)!) * 1e5, 6);
    }
    expect(rows.at(-1)![0]).toBe(`Total of the ${alabama.length} counties with a figure`);
    expect(Number(rows.at(-1)![4])).toBe(sum(alabama, 'pcp_n_2022'));
  });

  it('a county’s details: every figure with its year, the 2014–2021 trend as published, HRSA’s criterion as context only', async () => {
    await page.locator('[data-testid="area-table"] tr[data-geo="01001"]').getByRole('button').click();
    await page.getByTestId('supply-details').waitFor();
    await settled();
    const details = await page.getByTestId('supply-details').innerText();
    const a = alabama.find((c) => c.fips === '01001')!;
    expect(details).toMatch(new RegExp(`Primary-care physicians\\s+2022\\s+${num(a.pcp_n_2022)}\\s+${fmt(num(a.pop_2022)!)}`));
    expect(details).toMatch(/Primary-care physicians\s+2019/);
    expect(details).toMatch(/Dentists\s+2023/);
    expect(details).toMatch(/never added together or averaged/);
    const own = trend.filter((r) => r.state === '01' && r.county === '001').sort((x, y) => Number(x.year) - Number(y.year));
    expect(own.map((r) => r.year)).toEqual(['2014', '2015', '2016', '2017', '2018', '2019', '2020', '2021']);
    const trendText = await page.getByTestId('county-trend').innerText();
    for (const r of own) expect(trendText).toMatch(new RegExp(`${r.year}\\s+${fmt(Number(r.ratio_population_pc_physician))}`));
    await expect.poll(() => page.locator('[data-testid="county-trend"] svg[role="img"]').count()).toBe(1);
    const criterion = await page.getByTestId('hpsa-criterion').innerText();
    const ratio = num(a.pop_2022)! / num(a.pcp_n_2022)!;
    expect(criterion).toContain(`${fmt(ratio)} people per primary-care physician`);
    expect(criterion).toMatch(/Context, not a target/);
    expect(criterion).toMatch(/3,500/);
    expect(criterion).toMatch(/full-time equivalents/);
    expect(criterion).toContain('This county’s ratio');
  });

  it('Connecticut: its counties listed without a 2022 figure, unranked, their 2019 figures beside', async () => {
    await page.getByTestId('filter-state').selectOption('CT');
    await settled();
    const rows = page.locator('[data-testid="area-table"] tbody tr');
    expect(await rows.count()).toBe(8);
    expect(await cellOf('09001', 'value')).toBe('—');
    expect(await cellOf('09001', 'other_value')).not.toBe('—');
    expect(await rows.first().locator('td').first().innerText()).toBe('—');
    // The total row says there is no 2022 figure, and sums the 2019 figures beside it.
    const total = await page.locator('[data-testid="area-table"] tfoot tr').first().innerText();
    expect(total).not.toMatch(/\b0 counties/);
    expect(total).toMatch(/No 2022 figure here; beside it, the 2019 figures of 8 counties summed/);
    // So do the cards, with the year.
    const cards = await page.getByTestId('summary-cards').innerText();
    expect(cards).toMatch(/primary-care physicians per 100,000 people, 2022: none of the counties shown has a figure/);
    expect(cards).not.toMatch(/\b0 counties|, :/);
  });
});

describe('sites by ZIP', () => {
  const kent = supply.find((r) => r.fips === '10001')!;
  const sussex = supply.find((r) => r.fips === '10005')!;

  it('a service area built by ZIP: its counties found by type-ahead, its totals its own (counts summed, the rate from the sums)', async () => {
    await page.getByTestId('filter-state').selectOption('');
    await page.getByTestId('service-area-name').fill('Delaware south');
    await page.getByTestId('service-area-create').click();
    for (const county of ['10001', '10005']) {
      const zip = zipOnlyIn(county);
      await page.getByTestId('service-area-county').fill(zip);
      await expect.poll(() => page.getByTestId('service-area-county-zip').innerText()).toMatch(new RegExp(`ZIP ${zip} lies in`));
      await page.getByTestId('service-area-county-zip').locator(`button[data-fips="${county}"]`).click();
    }
    await expect.poll(() => page.getByTestId('service-area-summary').innerText()).toMatch(/Delaware south: .*2 counties/);
    await page
      .getByTestId('totals-choice')
      .getByRole('radio', { name: /service area/ })
      .check();
    await settled();
    const n = num(kent.pcp_n_2022)! + num(sussex.pcp_n_2022)!;
    const p = num(kent.pop_2022)! + num(sussex.pop_2022)!;
    const card = (key: string) => page.locator(`[data-testid="area-total-cards"] [data-card="${key}"] .big`).innerText();
    await expect.poll(() => card('area-pcp')).toBe(fmt(n));
    expect(await card('area-pcp-rate')).toBe(fmt((n / p) * 1e5, 1));
    // Not an average of the two counties' rates.
    const averaged = ((num(kent.pcp_n_2022)! / num(kent.pop_2022)! + num(sussex.pcp_n_2022)! / num(sussex.pop_2022)!) / 2) * 1e5;
    expect(fmt(averaged, 1)).not.toBe(fmt((n / p) * 1e5, 1));
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'map-county-area.png') });
  });

  // Modoc County, CA: the embedded California HRSA detail file says whether it is designated whole.
  const modoc = '06049';
  const hpsa = datasetRows('hpsa/hpsa_pc_ca_2024-03-27_by_county.csv').filter((r) => r['HPSA Status'] !== 'Withdrawn');
  const designatedWhole = hpsa.some(
    (r) =>
      r['Common State County FIPS Code'] === modoc &&
      ['Geographic HPSA', 'High Needs Geographic HPSA', 'HPSA Population'].includes(r['Designation Type']) &&
      r['HPSA Component Type Description'] === 'Single County',
  );

  it('a pipeline row with only site_zip lands in its county: the list, the waiver-site check and the report', async () => {
    const zip = zipOnlyIn(modoc);
    await page.locator('[data-tab="pipeline"]').click();
    const csv = [
      'candidate_id,profession,specialty,stage,stage_date,visa_route,site_zip',
      `Z-1,physician,family medicine,offer,2026-11-02,j1-conrad30,${zip}-0001`,
    ].join('\n');
    await page.getByTestId('pipeline-upload').setInputFiles({ name: 'zips.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => page.getByTestId('pipeline-message').innerText()).toMatch(/Imported 1 candidate\(s\) from zips\.csv/);
    const row = page.locator('[data-testid="candidate-forecast"] tr[data-candidate="Z-1"]');
    await expect.poll(() => row.innerText(), { timeout: 60_000 }).toMatch(/Modoc County/);
    await row.getByRole('link', { name: 'Z-1' }).click();
    await expect
      .poll(() => page.getByTestId('candidate-waiver-site').innerText(), { timeout: 60_000 })
      .toMatch(designatedWhole ? /^eligible/ : /^(check|not eligible)/);
    expect(await page.getByTestId('candidate-waiver-site').innerText()).toMatch(/Modoc/);

    await page.locator('[data-tab="report"]').click();
    await page.getByTestId('report-include-candidates').check();
    await expect.poll(() => page.getByTestId('export-report').isEnabled(), { timeout: 60_000 }).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-report').click()]);
    const html = fs.readFileSync(await download.path(), 'utf8');
    expect(html).toMatch(/<td>Z-1<\/td>[\s\S]*?Modoc County[\s\S]*?06049/);
    // The service area's own primary-care figures, with their year and source.
    const n = num(kent.pcp_n_2022)! + num(sussex.pcp_n_2022)!;
    const p = num(kent.pop_2022)! + num(sussex.pop_2022)!;
    expect(html).toContain(fmt((n / p) * 1e5, 1));
    expect(html).toMatch(/County Health Rankings &amp; Roadmaps/);
    expect(html).toMatch(/CC BY-NC-SA 4\.0/);
  });

  it('the candidate form finds the site’s county by ZIP: the county and its state filled, saved like an imported row', async () => {
    const zip = zipOnlyIn('10001');
    await page.locator('[data-tab="pipeline"]').click();
    await page.getByTestId('candidate-add').click();
    await page.locator('#candidate-field-candidate_id').fill('Z-2');
    await page.locator('#candidate-field-specialty').selectOption('family medicine');
    await page.locator('#candidate-field-site_county_fips').fill(zip);
    const hint = page.getByTestId('candidate-site-county-zip');
    await expect.poll(() => hint.innerText()).toMatch(new RegExp(`ZIP ${zip} lies in`));
    await hint.locator('button[data-fips="10001"]').click();
    expect(await page.locator('#candidate-field-site_state').inputValue()).toBe('DE');
    expect(await page.locator('#candidate-field-site_county_fips').inputValue()).toMatch(/^Kent County, DE$/);
    await page.getByTestId('candidate-save').click();
    const row = page.locator('[data-testid="candidate-forecast"] tr[data-candidate="Z-2"]');
    await expect.poll(() => row.innerText(), { timeout: 60_000 }).toMatch(/Kent County/);
  });

  it('has no serious accessibility violations, no console errors and no request off the app’s origin', async () => {
    await page.locator('[data-tab="map"]').click();
    await settled();
    const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious).toEqual([]);
    expect(app.seen.consoleErrors).toEqual([]);
    expect(app.seen.offOrigin).toEqual([]);
  });
});
