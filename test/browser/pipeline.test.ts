import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations, launch, serveDist, waitReady, watch, SCREENSHOTS, openApp, type OpenApp } from './harness';
import { FORECAST_SETTINGS } from '../../src/model/forecast/settings';
import { simulate } from '../../src/model/forecast/simulate';
import { parsePipelineCsv } from '../../src/model/pipeline';
import { quarterOf } from '../../src/model/targets';
import { DEFAULT_ASSUMPTIONS } from '../../src/model/timing/assumptions';
import type { Target } from '../../src/model/types';

// The target's label as the screens write it: the specialty group's label (model/specialties.ts) and the state.
const PRIMARY_CARE_CALIFORNIA = /Primary care \(family medicine, general internal medicine, pediatrics, OB\/GYN\) — California/;

let server: OpenApp['server'];
let browser: OpenApp['browser'];
let page: Page;
let seen: OpenApp['seen'];

const SAMPLE_FILE = path.resolve(import.meta.dirname, '../../public/datasets/sample/pipeline-sample.csv');

const HEADER =
  'candidate_id,profession,specialty,stage,stage_date,visa_route,site_state,site_county_fips,expected_start,country_of_training,languages,gender,ecfmg_certified,licence_status,ascpi';
const rows = [
  'P-1,physician,primary care,arrived,2026-09-01,us-authorized,CA,06019,2026-09-01,India,English;Hindi,female,yes,licensed,',
  'P-2,physician,primary care,offer,2026-11-01,h1b-cap-exempt,CA,06019,2027-03-01,Philippines,English;Tagalog,male,yes,applied,',
  'P-3,physician,primary care,licensure,2026-10-15,j1-conrad30,CA,06107,2027-07-01,Nigeria,English,female,yes,applied,',
  'P-4,physician,primary care,interview,2026-11-10,h1b-cap-subject,CA,06019,2027-10-01,Pakistan,English;Urdu,male,yes,none,',
  'L-1,mls,medical laboratory,visa,2026-10-01,tn,CA,06019,2027-01-15,Mexico,Spanish;English,female,,applied,yes',
  'P-5,physician,primary care,withdrawn,2026-08-01,h1b-cap-exempt,CA,06019,,India,English,male,yes,none,',
  'BAD-1,physician,primary care,daydreaming,2026-11-01,h1b-cap-exempt,CA,06019,,India,English,male,yes,none,',
  'BAD-2,physician,primary care,offer,2026-13-45,h1b-cap-exempt,CA,06019,,India,English,male,yes,none,',
  '"=HYPERLINK(""http://x"",""y"")",physician,primary care,sourced,2026-11-01,h1b-cap-exempt,CA,06019,,India,English,male,yes,none,',
];

beforeAll(async () => {
  ({ server, browser, page, seen } = await openApp('#targets'));
  // A target for the forecast to aim at: 2 primary-care physicians in California.
  await page.getByTestId('target-new').click();
  await page.getByTestId('target-region').selectOption('st:CA');
  await page.getByTestId('target-hires').fill('2');
  await page.getByTestId('target-save').click();
  await page.locator('[data-tab="pipeline"]').click();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('pipeline and forecast', () => {
  it('imports good rows and lists every bad row by line and column', async () => {
    await page
      .getByTestId('pipeline-upload')
      .setInputFiles({ name: 'pipeline.csv', mimeType: 'text/csv', buffer: Buffer.from([HEADER, ...rows].join('\n')) });
    await expect
      .poll(() => page.getByTestId('pipeline-message').innerText())
      .toMatch(/Imported 7 candidate\(s\) from pipeline\.csv; 2 problem/);
    const errors = await page.getByTestId('pipeline-errors').innerText();
    expect(errors).toMatch(/8\s+stage\s+daydreaming/);
    expect(errors).toMatch(/9\s+stage_date\s+2026-13-45/);
  });

  it('draws the funnel with the counts per stage', async () => {
    const count = (stage: string) => page.locator(`[data-testid="funnel-table"] td[data-stage="${stage}"]`).innerText();
    expect(await count('arrived')).toBe('1');
    expect(await count('offer')).toBe('1');
    expect(await count('withdrawn')).toBe('1');
    expect(await count('sourced')).toBe('1');
    // The chart draws one bar per stage with the same counts as the table.
    const chart = page.locator('[data-testid="pipeline-funnel"] svg[role="img"]');
    expect(await chart.getAttribute('aria-label')).toMatch(/^Candidates by pipeline stage/);
    expect(await chart.locator('rect').count()).toBe(await page.locator('[data-testid="funnel-table"] td').count());
    const labels = await chart.locator('text').allTextContents();
    for (const stage of ['arrived', 'offer', 'withdrawn', 'sourced']) expect(labels).toContain(stage);
  });

  it('runs the forecast by itself in a worker and gives P(met) per target', async () => {
    await expect.poll(() => page.getByTestId('forecast').getAttribute('data-forecast-state'), { timeout: 60_000 }).toBe('current');
    await expect.poll(() => page.locator('[data-testid="forecast-table"] tbody tr').count(), { timeout: 60_000 }).toBe(1);
    // The same forecast run here, from the file imported and the target saved: the seeded simulation
    // gives the figures the screen must show.
    const due = await page.locator('[data-testid="forecast-table"] tbody td').nth(2).innerText();
    const candidates = parsePipelineCsv([HEADER, ...rows].join('\n'), 'pipeline.csv').candidates;
    const target: Target = {
      id: await page
        .locator('[data-testid="forecast-table"] tbody tr')
        .getAttribute('data-target')
        .then((id) => id ?? ''),
      profession: 'physician',
      specialty: 'primary care',
      region: { kind: 'state', state: 'CA' },
      hires: 2,
      dueQuarter: quarterOf(due),
      priority: 'medium',
      owner: '',
      note: '',
    };
    const expected = simulate({
      candidates,
      targets: [target],
      assumptions: DEFAULT_ASSUMPTIONS,
      now: await page.evaluate(() => {
        const d = new Date();
        return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      }),
      regionContains: (region, site) => region.kind === 'state' && region.state === site.state,
      ...FORECAST_SETTINGS,
    }).targets[0];
    expect(await page.locator('[data-testid="forecast-table"] [data-col="p-met"]').innerText()).toBe(
      `${Math.round(expected.probabilityMet * 100)}%`,
    );
    expect(await page.locator('[data-testid="forecast-table"] [data-col="expected"]').innerText()).toBe(
      `${new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(expected.expectedArrivals)} (${expected.arrivalsP10}–${expected.arrivalsP90})`,
    );
    expect(await page.getByTestId('forecast-table').innerText()).toMatch(PRIMARY_CARE_CALIFORNIA);
    // Each target names what to do next and by when.
    expect(await page.getByTestId('forecast-table').innerText()).toMatch(/On track\.|Add \d+ candidate\(s\)|Out of reach/);
    expect(await page.getByTestId('actions-table').innerText()).toMatch(/=HYPERLINK/); // shown as inert text
    expect(await page.getByTestId('cost-table').innerText()).toMatch(/H-1B, cap-exempt employer/);
    // P(met) beside P(met) without the $100,000 fee: none of these candidates is recorded abroad on a new H-1B
    // except through the share assumed abroad, so the two may differ only through the cap-exempt and lottery rows.
    const withoutFee = await page.locator('[data-testid="forecast-table"] [data-col="p-met-counterfactual"]').innerText();
    expect(withoutFee).toBe(`${Math.round(expected.probabilityMetCounterfactual * 100)}%`);
    expect(await page.locator('[data-testid="forecast-table"] thead').innerText()).toMatch(/P\(met\) without the \$100,000 fee/);
    // One row per candidate in the per-candidate forecast, with the same figures as the simulation.
    const perCandidate = page.getByTestId('candidate-forecast');
    expect(await perCandidate.locator('tbody tr').count()).toBe(candidates.length);
    const p2 = perCandidate.locator('tr[data-candidate="P-2"]');
    expect(await p2.innerText()).toContain('Offer made since 2026-11-01; visa not started');
    expect(await page.locator('[data-testid="target-charts"] figure svg').count()).toBe(1);
    // The table behind the charts: one row every third month, a column per target.
    await page.getByText('The figures behind the charts').click();
    expect(await page.locator('[data-testid="arrivals-table"] tbody tr').count()).toBe(16);
    expect(await page.locator('[data-testid="arrivals-table"] thead').innerText()).toMatch(PRIMARY_CARE_CALIFORNIA);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'pipeline.png'), fullPage: true });
  });

  it('edits an assumption, saves it with the workspace, and refuses an invalid one', async () => {
    await page.getByTestId('assumptions').locator('summary').click();
    const p = page.locator('#assumption-h1bSelectionProbability');
    await p.fill('0.5');
    await expect.poll(() => page.getByTestId('assumptions').locator('summary').innerText()).toMatch(/1 changed/);
    await p.fill('7');
    await expect.poll(() => page.getByTestId('assumptions').innerText()).toMatch(/Not saved until fixed/);
    await page.reload();
    await waitReady(page);
    await page.getByTestId('assumptions').locator('summary').click();
    expect(await page.locator('#assumption-h1bSelectionProbability').inputValue()).toBe('0.5');
    await page
      .getByTestId('fee-scenario')
      .getByLabel(/not-applied/)
      .check();
    await expect.poll(() => page.getByTestId('assumptions').locator('summary').innerText()).toMatch(/2 changed/);
  });

  it('loads the generated sample pipeline, marked as sample, beside the saved candidates', async () => {
    await page.getByTestId('sample-load').click();
    await expect.poll(() => page.getByTestId('sample-summary').innerText()).toMatch(/80 candidates are generated samples/);
    expect(await page.locator('#pipe-import-title').innerText()).toMatch(/Candidate pipeline \(87\)[\s\S]*80 sample candidates/);
    const total = await page.$$eval('[data-testid="funnel-table"] td', (tds) => tds.reduce((s, td) => s + Number(td.textContent), 0));
    expect(total).toBe(87);
    // The map screen shows the pipeline for its region, from the same candidates (all sites are in California).
    const stage = async (s: string) => Number(await page.locator(`[data-testid="funnel-table"] td[data-stage="${s}"]`).innerText());
    const inProgress = total - (await stage('arrived')) - (await stage('withdrawn'));
    await page.locator('[data-tab="map"]').click();
    await expect
      .poll(() => page.getByTestId('region-pipeline').locator('h2').innerText())
      .toBe(`Your pipeline in this region: ${inProgress} candidates in progress`);
    await page.locator('[data-tab="pipeline"]').click();
  });

  it('reads the sample pipeline as the rules have it: no one registered again, no arrival before they are free, every waiver site explained', async () => {
    await expect.poll(() => page.getByTestId('forecast').getAttribute('data-forecast-state'), { timeout: 60_000 }).toBe('current');
    const perCandidate = page.getByTestId('candidate-forecast');
    await expect.poll(() => perCandidate.locator('tbody tr').count(), { timeout: 60_000 }).toBe(87);
    const sample = parsePipelineCsv(fs.readFileSync(SAMPLE_FILE, 'utf8'), 'sample.csv').candidates;
    const actions = page.getByTestId('actions-table');
    for (const c of sample.filter((x) => x.stage !== 'arrived' && x.stage !== 'withdrawn')) {
      const row = actions.locator(`tr[data-candidate="${c.id}"]`);
      const action = await row.locator('[data-col="action"]').innerText();
      // A candidate who registered, was selected or filed is never told to register (again) for a lottery they are past.
      if (['selected', 'petition-filed', 'approved'].includes(c.visaStatus)) expect(action, c.id).not.toMatch(/Register/);
      if (c.visaStatus === 'registered') expect(action, c.id).toMatch(/^Not selected in the FY\d{4} lottery\./);
      if (c.visaRoute.startsWith('j1-')) {
        // Every waiver site is explained in a sentence, and a facility-only county is never simply eligible.
        const site = await row.locator('[data-col="waiver-site"]').innerText();
        expect(site.length, c.id).toBeGreaterThan(40);
        if (c.siteCountyFips === '06075' || c.siteCountyFips === '06001') expect(site, c.id).toMatch(/^check.*check the site/s);
      }
      if (c.availableFrom) {
        // No arrival before the day they are free: even the 10th-percentile month is on or after it.
        const cells = await perCandidate.locator(`tr[data-candidate="${c.id}"] td`).allInnerTexts();
        const p10 = cells[5].split(' – ')[0];
        if (/^\d{4}-\d{2}$/.test(p10)) expect(p10 >= c.availableFrom.slice(0, 7), `${c.id} ${p10}`).toBe(true);
      }
    }
    // A Conrad 30 hire shows when the 3-year service at the site ends.
    const arrivedConrad = sample.find((c) => c.stage === 'arrived' && c.visaRoute === 'j1-conrad30');
    if (arrivedConrad) {
      const cells = await perCandidate.locator(`tr[data-candidate="${arrivedConrad.id}"] td`).allInnerTexts();
      expect(cells[cells.length - 1]).toBe(`${Number(arrivedConrad.stageDate.slice(0, 4)) + 3}${arrivedConrad.stageDate.slice(4)}`);
    }
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'pipeline-sample-1440.png'), fullPage: true });
    await perCandidate.screenshot({ path: path.join(SCREENSHOTS, 'candidate-forecast-1440.png') });
    await actions.screenshot({ path: path.join(SCREENSHOTS, 'next-actions-1440.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'pipeline-sample-390.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('shows every default with its source or the word “assumption”, and the fee scenario with its dates and legal status', async () => {
    const rule = await page.getByTestId('fee-rule').innerText();
    expect(rule).toMatch(/effective 2025-09-21; nominal end 2026-09-21/);
    expect(rule).toMatch(/appeals pending/);
    const details = page.getByTestId('assumptions');
    if (!(await details.getAttribute('open'))) await details.locator('summary').click();
    const bases = await details.locator('[data-col="basis"]').allInnerTexts();
    expect(bases.length).toBeGreaterThan(80);
    for (const basis of bases) {
      expect(basis).toMatch(/^(confirmed|assumption|your value)/);
      if (basis.startsWith('confirmed')) expect(basis).toMatch(/\b[SR]\d+: /);
    }
    // The edited probability from the earlier test is marked as the user's value, with its default.
    expect(await details.locator('[data-assumption="h1bSelectionProbability"] [data-col="basis"]').innerText()).toMatch(
      /^your value\s+default 30% \(assumption\)/,
    );
  });

  it('has no serious accessibility violations and no console errors', async () => {
    const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious).toEqual([]);
    expect(seen.consoleErrors.join('\n')).toBe('');
    expect(seen.offOrigin).toEqual([]);
  });
});

// The rules depend on the day: the same records read on two days of the year, with the page's clock
// set to each (Playwright's page.clock), and no target yet (each candidate's forecast shows anyway).
// Expected sentences and dates are the rules' (shared/forecast-casebook.md A3, B1; the FY2027 and
// FY2028 H-1B calendars), not the code's.
const DATED = [
  'candidate_id,profession,specialty,stage,stage_date,visa_route,site_state,site_county_fips,licence_status,visa_status,visa_status_date,available_from,current_status,training_status,ecfmg_certified,country_of_training',
  // Selected in March 2026, no filing recorded (B1).
  'C-SEL,physician,internal medicine,accepted,2026-03-01,h1b-cap-subject,CA,06019,licensed,selected,2026-03-28,,f1,completed,yes,India',
  // A cap petition approved in May 2026 for FY2027, in the US.
  'C-APP,physician,internal medicine,visa,2026-05-20,h1b-cap-subject,CA,06019,licensed,approved,2026-05-20,,f1,completed,yes,India',
  // A J-1 resident for a Conrad 30 waiver in Texas, not filed, training ending June 30, 2027 (A3).
  'C-TEX,physician,family medicine,accepted,2026-05-01,j1-conrad30,TX,48201,applied,not-started,,2027-07-01,j1,in-training,yes,India',
].join('\n');

async function openOnDay(day: string) {
  const server = await serveDist();
  const browser = await launch();
  const page = await browser.context.newPage();
  page.setDefaultTimeout(30_000);
  await page.clock.install({ time: new Date(`${day}T10:00:00`) });
  const seen = watch(page, server.origin);
  await page.goto(`${server.url}#pipeline`);
  await waitReady(page);
  await page.getByTestId('pipeline-upload').setInputFiles({ name: 'dated.csv', mimeType: 'text/csv', buffer: Buffer.from(DATED) });
  await expect.poll(() => page.getByTestId('pipeline-message').innerText()).toMatch(/Imported 3 candidate\(s\) from dated\.csv/);
  await expect.poll(() => page.getByTestId('forecast').getAttribute('data-forecast-state'), { timeout: 60_000 }).toBe('current');
  const close = async () => {
    await browser.close();
    await server.close();
  };
  const cells = async (id: string) => page.locator(`[data-testid="candidate-forecast"] tr[data-candidate="${id}"] td`).allInnerTexts();
  const action = async (id: string) =>
    page.locator(`[data-testid="actions-table"] tr[data-candidate="${id}"] [data-col="action"]`).innerText();
  return { page, seen, close, cells, action };
}

describe('the pipeline screen on two days of the year (page.clock)', () => {
  it('2026-06-15: no target yet, each candidate’s forecast; the selection is to be filed by June 30, the approved petition waits for Oct 1, Texas’s window is ahead', async () => {
    const day = await openOnDay('2026-06-15');
    try {
      const { page, cells, action } = day;
      expect(await page.getByTestId('forecast-no-targets').innerText()).toMatch(/Set a target/);
      const headers = await page.locator('[data-testid="candidate-forecast"] thead th').allInnerTexts();
      expect(headers.some((h) => h.startsWith('By '))).toBe(false);
      expect(await page.locator('[data-testid="candidate-forecast"] tbody tr').count()).toBe(3);

      expect(await action('C-SEL')).toMatch(/^File the H-1B cap petition between 2026-06-15 and 2026-06-30 .*start on or after 2026-10-01/);
      const sel = await cells('C-SEL');
      expect(sel[2]).toMatch(/^Selected in the H-1B lottery on 2026-03-28: the cap petition is filed by 2026-06-30/);
      expect(sel[4] >= '2026-10').toBe(true); // median arrival: no start before the fiscal year's Oct 1

      expect(await action('C-APP')).toMatch(/start on or after 2026-10-01/);
      const app = await cells('C-APP');
      expect(app[2]).toMatch(/the start waits for 2026-10-01/);
      expect(app[4]).toBe('2026-10');

      expect(await action('C-TEX')).toMatch(/when its FY2027 window opens \(2026-09-01\)/);

      await page.getByTestId('assumptions').locator('summary').click();
      expect(await page.getByTestId('rules-as-of').innerText()).toMatch(/Rules as of 2026-12-07/);
      expect(await page.getByTestId('assumption-hint-h1bRegistrationCloses').innerText()).toMatch(
        /has passed: the next \(FY2028\) is projected to 2027-03-04 to 2027-03-19/,
      );
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      await page.setViewportSize({ width: 1440, height: 1000 });
      await page.getByTestId('forecast').screenshot({ path: path.join(SCREENSHOTS, 'forecast-2026-06-15-1440.png') });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByTestId('forecast').screenshot({ path: path.join(SCREENSHOTS, 'forecast-2026-06-15-390.png') });
      expect(day.seen.consoleErrors).toEqual([]);
    } finally {
      await day.close();
    }
  });

  it('2026-12-07: the same records — the selection lapsed, the approved petition can start now, Conrad 30 in Texas is closed', async () => {
    const day = await openOnDay('2026-12-07');
    try {
      const { page, cells, action } = day;
      expect(await action('C-SEL')).toMatch(
        /^Record the cap petition’s filing if one was made by 2026-06-30: otherwise the FY2027 selection of 2026-03-28 lapsed — register for the FY2028 H-1B lottery between 2027-03-04 and 2027-03-19/,
      );
      const sel = await cells('C-SEL');
      expect(sel[2]).toMatch(/lapsed unless a cap petition was filed by 2026-06-30/);
      expect(sel[4] >= '2027-10' || /after/.test(sel[4])).toBe(true); // nobody "ready to start" this month

      const app = await cells('C-APP');
      expect(app[2]).toMatch(/for a fiscal year under way|ready to start/);
      expect(app[4]).toBe('2026-12');

      expect(await action('C-TEX')).toMatch(/^Choose another site or route: Conrad 30 is closed for this start/);
      expect(await action('C-TEX')).toMatch(/HHS clinical waiver/);
      const tex = await cells('C-TEX');
      expect(tex[3]).toBe('0%');

      const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious).toEqual([]);
      expect(day.seen.consoleErrors).toEqual([]);
      expect(day.seen.offOrigin).toEqual([]);
    } finally {
      await day.close();
    }
  });
});
