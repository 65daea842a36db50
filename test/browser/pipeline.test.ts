import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { axeViolations, launch, serveDist, waitReady, watch, SCREENSHOTS, openApp, type OpenApp } from './harness';
import { FORECAST_SETTINGS } from '../../src/model/forecast/settings';
import { simulate } from '../../src/model/forecast/simulate';
import { parsePipelineCsv } from '../../src/model/pipeline';
import { quarterOf } from '../../src/model/targets';
import { DEFAULT_ASSUMPTIONS } from '../../src/model/timing/assumptions';
import type { Target } from '../../src/model/types';
import { STAGE_NAMES } from '../../src/model/names';
import { ROUTES } from '../../src/model/timing/visa-routes';

// The target's label as the screens write it: the specialty group's label (model/specialties.ts) and the state.
const PRIMARY_CARE_CALIFORNIA = /Primary care \(family medicine, general internal medicine, pediatrics, OB\/GYN\) — California/;

let server: OpenApp['server'];
let browser: OpenApp['browser'];
let page: Page;
let seen: OpenApp['seen'];

const SAMPLE_FILE = path.resolve(import.meta.dirname, '../../public/datasets/sample/pipeline-sample.csv');

/** The text of the file a click downloads. */
async function downloaded(click: () => Promise<unknown>, on: Page = page): Promise<string> {
  const [file] = await Promise.all([on.waitForEvent('download'), click()]);
  return fs.readFileSync(await file.path(), 'utf8');
}

/** A downloaded CSV's rows by the value of one column. */
function byColumn(csv: string, key: string): Map<string, Record<string, string>> {
  const rows = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
  return new Map(rows.map((r) => [r[key], r]));
}

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
    expect(errors).toMatch(/8\s+stage\b.*\s+daydreaming/);
    expect(errors).toMatch(/9\s+stage_date\b.*\s+2026-13-45/);
    // Each error points to the data dictionary's entry for its column, which opens at it.
    await page.getByTestId('pipeline-errors').getByRole('button', { name: 'what stage takes' }).click();
    expect(await page.getByTestId('data-dictionary').getAttribute('open')).not.toBeNull();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-column'))).toBe('stage');
    expect(await page.locator('[data-testid="data-dictionary"] tr[data-column="stage"]').innerText()).toMatch(/offer\s+Offer made/);
    await page.getByTestId('data-dictionary').locator('summary').click();
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
    const simulated = simulate({
      candidates,
      targets: [target],
      assumptions: DEFAULT_ASSUMPTIONS,
      now: await page.evaluate(() => {
        const d = new Date();
        return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      }),
      regionContains: (region, site) => region.kind === 'state' && region.state === site.state,
      ...FORECAST_SETTINGS,
    });
    const expected = simulated.targets[0];
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
    // One line per candidate in the list, with the same figures as the simulation.
    const list = page.getByTestId('candidate-forecast');
    await expect.poll(() => list.locator('tbody tr').count()).toBe(candidates.length);
    await expect.poll(() => list.locator('td[data-col="median"]').allInnerTexts()).not.toContain('not forecast yet');
    for (const c of simulated.candidates) {
      const row = list.locator(`tr[data-candidate=${JSON.stringify(c.candidateId)}]`);
      const median = await row.locator('td[data-col="median"]').innerText();
      if (c.arrivalMedian) expect(median, c.candidateId).toBe(c.arrivalMedian);
      const chance = await row.locator('td[data-col="chance"]').innerText();
      const worst = [...c.byTarget].sort((a, b) => a.probability - b.probability)[0];
      expect(chance, c.candidateId).toBe(worst ? `${Math.round(worst.probability * 100)}% by ${worst.dueDate}` : '—');
    }
    expect(await list.locator('tr[data-candidate="P-2"]').innerText()).toContain('Family medicine');
    expect(await list.locator('tr[data-candidate="P-2"]').innerText()).toContain('Offer made');
    // A small chart per target, in its row: the target's name is in the row, never in a column header.
    expect(await page.locator('[data-testid="forecast-table"] td[data-col="chart"] svg').count()).toBe(1);
    expect(await page.locator('[data-testid="forecast-table"] thead').innerText()).not.toMatch(PRIMARY_CARE_CALIFORNIA);
    expect(await list.locator('thead').innerText()).not.toMatch(PRIMARY_CARE_CALIFORNIA);
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
      .getByLabel(/No fee:/)
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
    const list = page.getByTestId('candidate-forecast');
    // 87 candidates, 25 a page.
    await expect.poll(() => page.getByTestId('candidate-count').innerText(), { timeout: 60_000 }).toMatch(/^1–25 of 87 candidates\./);
    expect(await list.locator('tbody tr').count()).toBe(25);
    const sample = parsePipelineCsv(fs.readFileSync(SAMPLE_FILE, 'utf8'), 'sample.csv').candidates;
    // Every candidate's next action and waiver site, from the screen's own exports (the screen shows the soonest few).
    const actions = byColumn(await downloaded(() => page.getByTestId('actions-export').click()), 'Candidate');
    const forecasts = byColumn(await downloaded(() => page.getByTestId('candidate-export').click()), 'Candidate');
    expect(forecasts.size).toBe(87);
    for (const c of sample.filter((x) => x.stage !== 'arrived' && x.stage !== 'withdrawn')) {
      const action = actions.get(c.id)!['Next action'];
      // A candidate who registered, was selected or filed is never told to register (again) for a lottery they are past.
      if (['selected', 'petition-filed', 'approved'].includes(c.visaStatus)) expect(action, c.id).not.toMatch(/Register/);
      if (c.visaStatus === 'registered') expect(action, c.id).toMatch(/^Record the FY\d{4} H-1B selection if the candidate was selected/);
      if (c.visaRoute.startsWith('j1-')) {
        // Every waiver site is explained in a sentence, and a facility-only county is never simply eligible.
        const site = actions.get(c.id)!['Waiver site'];
        expect(site.length, c.id).toBeGreaterThan(40);
        if (c.siteCountyFips === '06075' || c.siteCountyFips === '06001') expect(site, c.id).toMatch(/^check.*check the site/s);
      }
      if (c.availableFrom) {
        // No arrival before the day they are free: even the 10th-percentile month is on or after it.
        const p10 = forecasts.get(c.id)!['10th–90th percentile'].split(' – ')[0];
        if (/^\d{4}-\d{2}$/.test(p10)) expect(p10 >= c.availableFrom.slice(0, 7), `${c.id} ${p10}`).toBe(true);
      }
    }
    // A Conrad 30 hire shows when the 3-year service at the site ends.
    const arrivedConrad = sample.find((c) => c.stage === 'arrived' && c.visaRoute === 'j1-conrad30');
    if (arrivedConrad) {
      expect(forecasts.get(arrivedConrad.id)!['Waiver service ends']).toBe(
        `${Number(arrivedConrad.stageDate.slice(0, 4)) + 3}${arrivedConrad.stageDate.slice(4)}`,
      );
    }
    // People read the exports: plain words, no codes, and no target's name in a header.
    const header = Object.keys(forecasts.get(sample[0].id)!);
    expect(header.join('|')).not.toMatch(/Primary care|By \d{4}/);
    for (const r of forecasts.values()) {
      expect(Object.values(STAGE_NAMES)).toContain(r['Stage']);
      expect(Object.values(ROUTES).map((route) => route.label)).toContain(r['Visa route']);
    }
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'pipeline-sample-1440.png'), fullPage: true });
    await list.screenshot({ path: path.join(SCREENSHOTS, 'candidate-list-1440.png') });
    await page.getByTestId('actions-table').screenshot({ path: path.join(SCREENSHOTS, 'next-actions-1440.png') });
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

  it('leaves one row when one candidate’s id is typed; filters and sorts as the sample file counts', async () => {
    const search = page.getByTestId('candidate-search');
    const rows = page.locator('[data-testid="candidate-forecast"] tbody tr');
    const sample = parsePipelineCsv(fs.readFileSync(SAMPLE_FILE, 'utf8'), 'sample.csv').candidates;
    for (const c of [sample[0], sample[41], sample[79]]) {
      await search.fill('');
      await search.pressSequentially(c.id, { delay: 5 });
      await expect.poll(() => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-candidate')))).toEqual([c.id]);
    }
    await page.getByRole('button', { name: 'Clear the search and filters' }).click();
    // Filters count what the file and the import hold: the sample's psychiatrists and this file's none.
    await page.getByTestId('candidate-filter-specialty').selectOption('psychiatry');
    const psychiatrists = sample.filter((c) => c.specialty === 'psychiatry').length;
    await expect
      .poll(() => page.getByTestId('candidate-count').innerText())
      .toMatch(new RegExp(`of ${psychiatrists} candidates \\(of 87\\)`));
    await page.getByTestId('candidate-filter-route').selectOption('j1-conrad30');
    const conrad = sample.filter((c) => c.specialty === 'psychiatry' && c.visaRoute === 'j1-conrad30').map((c) => c.id);
    await expect.poll(() => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-candidate')))).toEqual(conrad);
    await page.getByRole('button', { name: 'Clear the search and filters' }).click();
    // Sorted by median arrival, months in order, those without one last; the header says how it is sorted.
    await page.getByRole('button', { name: 'Median arrival' }).click();
    expect(await page.locator('th[aria-sort="ascending"]').innerText()).toMatch(/Median arrival/);
    const months = async () => (await rows.locator('td[data-col="median"]').allInnerTexts()).filter((m) => /^\d{4}-\d{2}$/.test(m));
    await expect
      .poll(async () => {
        const m = await months();
        return m.length > 10 && m.join() === [...m].sort().join();
      })
      .toBe(true);
    await page.getByTestId('candidate-sort').selectOption('position asc');
  });

  it('opens a candidate at their own address: their timeline, its dates in a table, the next action; kept across a reload', async () => {
    const id = 'SAMPLE-P007';
    await page.getByTestId('candidate-search').fill(id);
    await page.locator(`[data-testid="candidate-forecast"] a[href="#pipeline/${id}"]`).click();
    expect(new URL(page.url()).hash).toBe(`#pipeline/${id}`);
    const detail = page.getByTestId('candidate-detail');
    await expect.poll(() => detail.getAttribute('data-candidate')).toBe(id);
    const timeline = page.getByTestId('candidate-timeline');
    await expect.poll(() => timeline.count()).toBe(1);
    expect(await timeline.getAttribute('role')).toBe('img');
    // One bar per remaining step, as in the table below it; each step's dates in order, none before today.
    const steps = await page
      .locator('[data-testid="candidate-timeline-table"] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(steps.length).toBeGreaterThan(0);
    expect(await timeline.locator('rect').count()).toBe(steps.length);
    const today = await page.evaluate(() => new Date().toISOString().slice(0, 10));
    for (const [p10, p50, p90] of steps) expect(today <= p10 && p10 <= p50 && p50 <= p90, `${p10} ${p50} ${p90}`).toBe(true);
    // The step that delays them most is starred in the chart and the table, and named in the legend.
    const legend = await page.getByTestId('candidate-timeline-figure').locator('figcaption').innerText();
    const starred = await page.locator('[data-testid="candidate-timeline-table"] tr.delays-most').count();
    expect(starred > 0).toBe(/★ Orange/.test(legend));
    expect(await page.getByTestId('candidate-next-action').innerText()).toMatch(/\w+ .*\d{4}-\d{2}-\d{2}/);
    await page.reload();
    await waitReady(page);
    await expect.poll(() => page.getByTestId('candidate-detail').getAttribute('data-candidate'), { timeout: 60_000 }).toBe(id);
    await expect.poll(() => page.getByTestId('candidate-timeline').count(), { timeout: 60_000 }).toBe(1);
    await page.getByRole('link', { name: 'Back to all candidates' }).click();
    expect(new URL(page.url()).hash).toBe('#pipeline');
    expect(await page.getByTestId('candidate-detail').count()).toBe(0);
  });

  it('adds a candidate in the form, checked like an imported row, then saved, forecast, edited, duplicated, deleted and undone', async () => {
    const field = (column: string) => page.locator(`#candidate-field-${column}`);
    await page.getByTestId('candidate-add').click();
    await field('candidate_id').fill('F-1');
    await field('specialty').selectOption('psychiatry');
    await field('stage').selectOption('offer');
    await field('stage_date').fill('2099-01-01');
    await field('visa_route').selectOption('tn');
    await field('site_state').selectOption('CA');
    await field('h1b_years_used').fill('25');
    // The same cells imported as a CSV row: the importer's messages, word for word.
    const sameAsImported = async (name: string, csv: string) => {
      await page.getByTestId('candidate-save').click();
      await expect.poll(() => page.getByTestId('candidate-form-errors').count()).toBe(1);
      const typed = await page.getByTestId('candidate-form-errors').locator('li').allInnerTexts();
      await page.getByTestId('pipeline-upload').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await expect.poll(() => page.getByTestId('pipeline-message').innerText()).toContain(`Imported 0 candidate(s) from ${name}`);
      const imported = await page
        .locator('[data-testid="pipeline-errors"] tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => ({ column: tr.children[1].firstChild?.textContent?.trim() ?? '', message: tr.children[3].textContent ?? '' })),
        );
      expect(typed).toHaveLength(imported.length);
      for (const e of imported)
        expect(
          typed.some((t) => t.startsWith(e.column) && t.includes(e.message)),
          e.column,
        ).toBe(true);
      return imported.map((e) => e.column);
    };
    const header = 'candidate_id,profession,specialty,stage,stage_date,visa_route,site_state,h1b_years_used';
    expect(await sameAsImported('one.csv', `${header}\nF-1,physician,psychiatry,offer,2099-01-01,tn,CA,25`)).toEqual([
      'stage_date',
      'h1b_years_used',
    ]);
    // Those fixed, the rules speak: a physician on TN, refused as at import.
    await field('stage_date').fill('2026-11-02');
    await field('h1b_years_used').fill('');
    expect(await sameAsImported('two.csv', `${header}\nF-1,physician,psychiatry,offer,2026-11-02,tn,CA,`)).toEqual(['visa_route']);
    expect(await page.getByTestId('candidate-form-errors').innerText()).toMatch(/TN admits physicians only for teaching or research/);
    expect(await page.getByTestId('candidate-form').count()).toBe(1); // nothing saved yet
    // Fixed, it is saved, shown at its own address, and forecast with the others.
    await field('visa_route').selectOption('h1b-cap-exempt');
    await field('country_of_training').fill('India');
    await field('ecfmg_certified').selectOption('yes');
    await page.getByTestId('candidate-save').click();
    await expect.poll(() => page.getByTestId('candidate-notice').innerText()).toMatch(/Saved candidate F-1/);
    expect(new URL(page.url()).hash).toBe('#pipeline/F-1');
    await expect.poll(() => page.getByTestId('forecast').getAttribute('data-forecast-state'), { timeout: 60_000 }).toBe('current');
    await expect.poll(() => page.getByTestId('candidate-timeline').count(), { timeout: 60_000 }).toBe(1);
    await page.getByTestId('candidate-search').fill('F-1');
    const row = page.locator('[data-testid="candidate-forecast"] tr[data-candidate="F-1"]');
    await expect.poll(() => row.locator('td[data-col="median"]').innerText()).toMatch(/^\d{4}-\d{2}$|or never/);
    expect(await row.innerText()).toMatch(/Psychiatry\s+Offer made\s+H-1B, cap-exempt employer/);
    // Saved in this browser: still there after a reload.
    await page.reload();
    await waitReady(page);
    await expect.poll(() => page.getByTestId('candidate-detail').getAttribute('data-candidate'), { timeout: 60_000 }).toBe('F-1');
    // Edited in place: the stage, with the record as read.
    await page.getByTestId('candidate-edit').click();
    expect(await field('candidate_id').inputValue()).toBe('F-1');
    await field('stage').selectOption('accepted');
    await page.getByTestId('candidate-save').click();
    await page.getByTestId('candidate-record').locator('summary').click();
    expect(await page.getByTestId('candidate-record').innerText()).toMatch(/stage\s+Offer accepted/);
    expect(await page.getByTestId('candidate-record').innerText()).toMatch(/visa_route\s+H-1B, cap-exempt employer/);
    // Duplicated under a new id, then the copy deleted and brought back.
    await page.getByTestId('candidate-duplicate').click();
    expect(await field('candidate_id').inputValue()).toBe('F-1 (copy)');
    await page.getByTestId('candidate-save').click();
    await expect.poll(() => page.getByTestId('candidate-detail').getAttribute('data-candidate')).toBe('F-1 (copy)');
    await page.getByTestId('candidate-delete').click();
    expect(await page.getByTestId('candidate-notice').innerText()).toMatch(/Deleted candidate F-1 \(copy\)/);
    await page.getByTestId('candidate-search').fill('F-1 (copy)');
    await expect.poll(() => page.getByTestId('candidate-count').innerText()).toMatch(/^No candidate matches/);
    await page.getByTestId('candidate-undo').click();
    await expect.poll(() => page.getByTestId('candidate-detail').getAttribute('data-candidate')).toBe('F-1 (copy)');
    await page.goto(`${server.url}#pipeline`);
    await waitReady(page);
    await page.getByTestId('candidate-search').fill('F-1');
    await page.getByRole('button', { name: 'Show them too' }).click();
    await expect
      .poll(() =>
        page
          .locator('[data-testid="candidate-forecast"] tbody tr')
          .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-candidate'))),
      )
      .toEqual(['F-1', 'F-1 (copy)']);
    await page.getByTestId('candidate-search').fill('');
  });

  it('explains every column of the template in the data dictionary beside the import button, and downloads it', async () => {
    const template = await downloaded(() => page.getByRole('button', { name: 'Download the template' }).click());
    const header = Papa.parse<string[]>(template.replace(/^\uFEFF/, '')).data[0];
    expect(header.length).toBe(24); // with site_zip
    await page.getByTestId('data-dictionary').locator('summary').click();
    const listed = await page
      .locator('[data-testid="data-dictionary"] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-column')));
    expect(listed).toEqual(header);
    for (const column of header) {
      const cells = await page.locator(`[data-testid="data-dictionary"] tr[data-column="${column}"] td`).allInnerTexts();
      expect(
        cells.every((c) => c.trim().length > 0),
        column,
      ).toBe(true); // needed, meaning, values, example
    }
    const dictionary = Papa.parse<string[]>(
      (await downloaded(() => page.getByTestId('dictionary-download').click())).replace(/^\uFEFF/, ''),
      {
        skipEmptyLines: true,
      },
    ).data;
    expect(dictionary.slice(1).map((r) => r[0])).toEqual(header);
    expect(dictionary.find((r) => r[0] === 'training_status')![3]).toMatch(/needs-residency \(Needs a US residency\)/);
    await page.getByTestId('data-dictionary').locator('summary').click();
  });

  it('has no serious accessibility violations on the list, a candidate, the form and the dictionary, and no console errors', async () => {
    const serious = async () => (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(await serious()).toEqual([]);
    await page.goto(`${server.url}#pipeline/SAMPLE-P002`);
    await waitReady(page);
    await expect.poll(() => page.getByTestId('candidate-timeline').count(), { timeout: 60_000 }).toBe(1);
    await page.getByTestId('candidate-record').locator('summary').click();
    expect(await serious()).toEqual([]);
    await page.getByTestId('candidate-edit').click();
    await page.getByTestId('data-dictionary').locator('summary').click();
    await page.locator('#candidate-field-stage_date').fill('2099-01-01');
    await page.getByTestId('candidate-save').click();
    await expect.poll(() => page.getByTestId('candidate-form-errors').count()).toBe(1);
    expect(await serious()).toEqual([]);
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(seen.consoleErrors.join('\n')).toBe('');
    expect(seen.offOrigin).toEqual([]);
  });
});

// The screen a person meets after one click on the sample: short enough to read, usable with the
// keyboard alone and on a phone, and what the report prints of it.
describe('the pipeline screen with the one-click sample', () => {
  let app: OpenApp;
  beforeAll(async () => {
    app = await openApp('#pipeline', { viewport: { width: 1440, height: 900 } });
    await app.page.getByTestId('sample-load').click();
    await app.page.waitForSelector('[data-testid="forecast"][data-forecast-state="current"]', { timeout: 120_000 });
    await app.page.waitForFunction(
      () => {
        const cell = document.querySelector('[data-testid="candidate-forecast"] td[data-col="median"]');
        return cell !== null && cell.textContent !== 'not forecast yet';
      },
      undefined,
      { timeout: 60_000 },
    );
  });
  afterAll(async () => {
    await app?.browser.close();
    await app?.server.close();
  });

  it('is at most 6,000 px tall at 1440 px, with the loaded datasets in one line and their list behind a disclosure', async () => {
    const { page } = app;
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThanOrEqual(6000);
    const status = page.getByTestId('load-status');
    const line = await status.locator('summary').innerText();
    const count = Number(/^Ready — (\d+) datasets? loaded/.exec(line)?.[1]);
    expect((await status.boundingBox())!.height).toBeLessThan(40); // one line
    await status.locator('summary').click();
    expect(await page.getByTestId('load-status-datasets').locator('li').count()).toBe(count);
    // The Data sources screen lists the same datasets (each one still in use).
    await page.locator('[data-tab="data"]').click();
    expect(await page.locator('[data-testid="datasets"] li:not(.replaced)').count()).toBe(count);
    await status.locator('summary').click();
    await page.locator('[data-tab="pipeline"]').click();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'pipeline-one-click-sample-1440.png'), fullPage: true });
  });

  it('works with the keyboard alone: find a candidate, open them, edit and save', async () => {
    const { page } = app;
    const focused = (selector: string) => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
    const tabTo = async (selector: string) => {
      for (let i = 0; i < 120; i++) {
        await page.keyboard.press('Tab');
        if (await focused(selector)) return;
      }
      throw new Error(`${selector} is not reachable with Tab`);
    };
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabTo('[data-testid="candidate-search"]');
    await page.keyboard.type('SAMPLE-P004');
    await expect.poll(() => page.locator('[data-testid="candidate-forecast"] tbody tr').count()).toBe(1);
    await tabTo('a[href="#pipeline/SAMPLE-P004"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused('#candidate-title')).toBe(true);
    await expect.poll(() => page.getByTestId('candidate-timeline').count()).toBe(1);
    await tabTo('[data-testid="candidate-edit"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused('#candidate-form-title')).toBe(true);
    await tabTo('#candidate-field-gender');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('not given');
    await tabTo('[data-testid="candidate-save"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('candidate-notice').innerText()).toMatch(/Saved candidate SAMPLE-P004/);
    await page.getByTestId('candidate-record').locator('summary').click();
    expect(await page.getByTestId('candidate-record').innerText()).toMatch(/gender\s+not given/);
  });

  it('fits a phone: the list and a candidate’s timeline at 390 px, no page wider than the screen, axe clean', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => (location.hash = '#pipeline'));
    await page.getByTestId('candidate-search').fill('');
    await expect.poll(() => page.locator('[data-testid="candidate-forecast"] tbody tr').count()).toBe(25);
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      rows: [...document.querySelectorAll('[data-testid="candidate-forecast"] tbody tr')].map((tr) => tr.getBoundingClientRect().right),
    }));
    expect(widths.page).toBeLessThanOrEqual(390);
    expect(Math.max(...widths.rows)).toBeLessThanOrEqual(390);
    await page.getByTestId('candidate-list').screenshot({ path: path.join(SCREENSHOTS, 'candidate-list-390.png') });
    await page.locator('[data-testid="candidate-forecast"] a[href="#pipeline/SAMPLE-P007"]').click();
    const timeline = page.getByTestId('candidate-timeline');
    await expect.poll(() => timeline.count()).toBe(1);
    await expect.poll(async () => (await timeline.boundingBox())!.width).toBeLessThanOrEqual(360);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByTestId('candidate-detail').screenshot({ path: path.join(SCREENSHOTS, 'candidate-detail-390.png') });
    const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious).toEqual([]);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByTestId('candidate-detail').screenshot({ path: path.join(SCREENSHOTS, 'candidate-detail-1440.png') });
  });

  it('puts the timeline of each candidate at risk of missing a due date in the report', async () => {
    const { page } = app;
    await page.locator('[data-tab="report"]').click();
    await expect.poll(() => page.getByTestId('export-report').isEnabled(), { timeout: 60_000 }).toBe(true);
    const report = await downloaded(() => page.getByTestId('export-report').click(), page);
    const opened = await app.browser.context.newPage();
    await opened.setContent(report);
    const atRisk = await opened.locator('#table-candidates-at-risk tbody tr td:first-child').allInnerTexts();
    expect(atRisk.length).toBeGreaterThan(0);
    const captions = await opened.locator('figure.timeline figcaption').allInnerTexts();
    expect(captions.map((c) => c.split(':')[0])).toEqual(atRisk);
    expect(await opened.locator('figure.timeline svg[role="img"]').count()).toBe(atRisk.length);
    expect(await opened.locator('figure.timeline svg rect').count()).toBeGreaterThan(0);
    await opened
      .locator('figure.timeline')
      .first()
      .screenshot({ path: path.join(SCREENSHOTS, 'report-timeline.png') });
    await opened.close();
    expect(app.seen.consoleErrors).toEqual([]);
    expect(app.seen.offOrigin).toEqual([]);
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
  const action = async (id: string) =>
    page.locator(`[data-testid="actions-table"] tr[data-candidate="${id}"] [data-col="action"]`).innerText();
  const median = async (id: string) =>
    page.locator(`[data-testid="candidate-forecast"] tr[data-candidate="${id}"] td[data-col="median"]`).innerText();
  /** The candidate's own page: where they stand, their arrival, the timeline's steps and fixed dates. */
  const open = async (id: string) => {
    await page.locator(`[data-testid="candidate-forecast"] a[href="#pipeline/${id}"]`).click();
    await expect.poll(() => page.getByTestId('candidate-detail').getAttribute('data-candidate')).toBe(id);
    const rows = (selector: string) =>
      page
        .locator(`[data-testid="${selector}"] tbody tr`)
        .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
    return {
      standing: await page.getByTestId('candidate-standing').innerText(),
      arrival: await page.getByTestId('candidate-arrival').innerText(),
      steps: await rows('candidate-timeline-table'),
      dates: await rows('candidate-dates-table'),
    };
  };
  return { page, seen, close, action, median, open };
}

describe('the pipeline screen on two days of the year (page.clock)', () => {
  it('2026-06-15: no target yet, each candidate’s forecast; the selection is to be filed by June 30, the approved petition waits for Oct 1, Texas’s window is ahead', async () => {
    const day = await openOnDay('2026-06-15');
    try {
      const { page, action, median, open } = day;
      expect(await page.getByTestId('forecast-no-targets').innerText()).toMatch(/Set a target/);
      const headers = await page.locator('[data-testid="candidate-forecast"] thead th').allInnerTexts();
      expect(headers.some((h) => h.startsWith('By '))).toBe(false);
      // No target, no due date: the list has no chance-by-the-due-date column.
      expect(headers.some((h) => /due date/i.test(h))).toBe(false);
      expect(await page.locator('[data-testid="candidate-forecast"] td[data-col="chance"]').count()).toBe(0);
      expect(await page.locator('[data-testid="candidate-forecast"] tbody tr').count()).toBe(3);

      expect(await action('C-SEL')).toMatch(/^File the H-1B cap petition between 2026-06-15 and 2026-06-30 .*start on or after 2026-10-01/);
      const sel = await open('C-SEL');
      expect(sel.standing).toMatch(/^Selected in the H-1B lottery on 2026-03-28: the cap petition is filed by 2026-06-30/);
      expect((await median('C-SEL')) >= '2026-10').toBe(true); // median arrival: no start before the fiscal year's Oct 1
      // Its timeline: the filing deadline and Oct 1 as fixed dates; the petition, when filed, filed by June 30.
      expect(sel.dates.map((d) => d[0])).toEqual(expect.arrayContaining(['2026-06-30', '2026-10-01']));
      const filed = sel.steps.find((r) => /Cap petition filed/.test(r[0]));
      expect(filed && filed[3] <= '2026-06-30').toBe(true);

      expect(await action('C-APP')).toMatch(/start on or after 2026-10-01/);
      const app = await open('C-APP');
      expect(app.standing).toMatch(/the start waits for 2026-10-01/);
      expect(await median('C-APP')).toBe('2026-10');
      expect(app.dates.map((d) => d[0])).toContain('2026-10-01');

      expect(await action('C-TEX')).toMatch(/when its FY2027 window opens \(2026-09-01\)/);
      // Texas's window opens in September (casebook A3): a fixed date on the timeline.
      expect((await open('C-TEX')).dates.some((d) => d[0] === '2026-09-01' && /TX.*Conrad 30 window opens/.test(d[1]))).toBe(true);
      await page.getByTestId('candidate-timeline').screenshot({ path: path.join(SCREENSHOTS, 'timeline-2026-06-15-1440.png') });

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
      const { page, action, median, open } = day;
      expect(await action('C-SEL')).toMatch(
        /^Record the cap petition’s filing if one was made by 2026-06-30: otherwise the FY2027 selection of 2026-03-28 lapsed — register for the FY2028 H-1B lottery between 2027-03-04 and 2027-03-19/,
      );
      const sel = await open('C-SEL');
      expect(sel.standing).toMatch(/lapsed unless a cap petition was filed by 2026-06-30/);
      const selMedian = await median('C-SEL');
      expect(selMedian >= '2027-10' || /after/.test(selMedian)).toBe(true); // nobody "ready to start" this month

      const app = await open('C-APP');
      expect(app.standing).toMatch(/for a fiscal year under way|ready to start/);
      expect(await median('C-APP')).toBe('2026-12');

      expect(await action('C-TEX')).toMatch(/^Choose another site or route: Conrad 30 is closed for this start/);
      expect(await action('C-TEX')).toMatch(/HHS clinical waiver/);
      const tex = await open('C-TEX');
      expect(tex.arrival).toMatch(/^0% likely/);

      const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious).toEqual([]);
      expect(day.seen.consoleErrors).toEqual([]);
      expect(day.seen.offOrigin).toEqual([]);
    } finally {
      await day.close();
    }
  });
});
