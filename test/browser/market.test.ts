// The Market screen as a new user meets it: a lab target in Texas and three candidates waiting for
// the H-1B lottery; choose "medical laboratory scientist" and Texas, see who files and what they
// offer, type an offer, see the level, the odds and the forecast move. Every figure asserted is
// computed here, independently: from the committed excerpt of DOL's file (which holds every Texas
// row of it, the rows the embedded summary was built from) and from the seeded simulation.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { axeViolations, SCREENSHOTS, openApp, type OpenApp } from './harness';
import { FORECAST_SETTINGS } from '../../src/model/forecast/settings';
import { simulate, type ForecastTarget } from '../../src/model/forecast/simulate';
import { parsePipelineCsv } from '../../src/model/pipeline';
import { DEFAULT_ASSUMPTIONS } from '../../src/model/timing/assumptions';
import {
  DOL_EXCERPT,
  H1B_FINANCE_EXCERPT,
  annualOf,
  fixtureText,
  isLab,
  isMls,
  levelOf,
  parseRows,
  quantile,
  usableWage,
} from '../helpers/market-fixture';

let server: OpenApp['server'];
let browser: OpenApp['browser'];
let page: Page;
let seen: OpenApp['seen'];

const PIPELINE = [
  'candidate_id,profession,specialty,stage,stage_date,visa_route,site_state,site_county_fips,expected_start,country_of_training,languages,gender,ecfmg_certified,licence_status,ascpi',
  ...['L-1', 'L-2', 'L-3'].map(
    (id) => `${id},mls,medical laboratory scientist,accepted,2026-11-01,h1b-cap-subject,TX,48201,,Philippines,English,female,,none,yes`,
  ),
].join('\n');

const texas = parseRows(fixtureText(DOL_EXCERPT)).filter((r) => r.WORKSITE_STATE === 'TX' && isMls(r));
const wages = texas.map(annualOf).filter(usableWage);
const OFFER = 75_000;
const money = (v: number) => `$${Math.round(v).toLocaleString('en-US')}`;

// Every medical laboratory scientist filing of the embedded FY2025 Q2 copy, as its CSV holds them.
const embeddedMls = Papa.parse<Record<string, string>>(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../datasets/market/lca_physicians_lab_fy2025_q2.csv'), 'utf8'),
  { header: true, skipEmptyLines: true },
).data.filter((r) => r.specialty === 'medical laboratory scientist' && r.annual_wage !== '');
// Texas's Census division, West South Central: Arkansas, Louisiana, Oklahoma and Texas (Census Bureau).
const PLACES = [
  { label: 'Texas', states: ['TX'] },
  { label: 'the West South Central division', states: ['TX', 'AR', 'LA', 'OK'] },
  { label: 'the United States', states: null },
];

/**
 * Each level's threshold by this test's reading of casebook D2: the lower quartile of the wages filed
 * at that level or above, in Texas, or — with fewer than 30 there — its Census division, then the nation.
 */
function thresholds(): { place: string; filings: number; wage: number | null }[] {
  let floor = 0;
  return [1, 2, 3, 4].map((l) => {
    for (const p of PLACES) {
      const at = embeddedMls
        .filter((r) => Number(r.wage_level || 0) >= l && (!p.states || p.states.includes(r.state)))
        .map((r) => Number(r.annual_wage));
      if (at.length >= 30) {
        floor = Math.max(floor, quantile(at, 0.25));
        return { place: p.label, filings: at.length, wage: floor };
      }
    }
    return { place: 'the United States', filings: 0, wage: null };
  });
}

function levelOfOffer(offer: number): number {
  let level = 1;
  for (const [i, t] of thresholds().entries()) if (t.wage !== null && offer >= t.wage) level = i + 1;
  return level;
}

beforeAll(async () => {
  ({ server, browser, page, seen } = await openApp('#targets'));
  await page.getByTestId('target-new').click();
  await page.getByTestId('target-profession').selectOption('mls');
  await page.getByTestId('target-specialty').selectOption('medical laboratory scientist');
  await page.getByTestId('target-region').selectOption('st:TX');
  await page.getByTestId('target-hires').fill('2');
  await page.getByTestId('target-save').click();
  await page.locator('[data-tab="pipeline"]').click();
  await page.getByTestId('pipeline-upload').setInputFiles({ name: 'lab.csv', mimeType: 'text/csv', buffer: Buffer.from(PIPELINE) });
  await page
    .getByTestId('pipeline-message')
    .filter({ hasText: /Imported 3 candidate/ })
    .waitFor();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the Market screen', () => {
  it('shows who files for medical laboratory scientists in Texas and what they offer', async () => {
    await page.locator('[data-tab="market"]').click();
    await page.getByTestId('market-occupation').selectOption('medical laboratory scientist');
    await page.getByTestId('market-region').selectOption('state:TX');
    await expect.poll(() => page.getByTestId('market-title').innerText()).toBe('Medical laboratory scientist (MLS) — Texas');
    const summary = page.getByTestId('market-summary');
    await expect.poll(() => summary.getAttribute('data-query-state')).toBe('done');
    const card = (k: string) => summary.locator(`[data-card="${k}"] .big`).innerText();
    expect(await card('filings')).toBe(String(texas.length));
    expect(await card('median')).toBe(money(quantile(wages, 0.5)));
    expect(await card('quartiles')).toBe(`${money(quantile(wages, 0.25))} – ${money(quantile(wages, 0.75))}`);
    // The wage-level mix: each level's filings.
    const levels = await page.getByTestId('market-wage-levels').locator('tbody tr').allInnerTexts();
    for (const l of [1, 2, 3, 4]) {
      const n = texas.filter((r) => levelOf(r) === l).length;
      if (n)
        expect(levels.find((row) => row.startsWith(`Level ${['I', 'II', 'III', 'IV'][l - 1]}\t`))).toMatch(
          new RegExp(`^\\S+ \\S+\\t${n}\\t`),
        );
    }
    // Who files most: the employer with the most filings, counted here by name.
    const byName = new Map<string, number>();
    for (const r of texas) byName.set(r.EMPLOYER_NAME.trim().toLowerCase(), (byName.get(r.EMPLOYER_NAME.trim().toLowerCase()) ?? 0) + 1);
    const [topName, topCount] = [...byName].sort((a, b) => b[1] - a[1])[0];
    const first = await page.getByTestId('market-employers').locator('tbody tr').first().locator('td').allInnerTexts();
    expect([first[0].toLowerCase(), Number(first[1])]).toEqual([topName, topCount]);
    expect(await page.getByTestId('market-sponsor-years').innerText()).toMatch(/FY2023 \(partial year\)/);
    expect(await page.getByTestId('market-sources').innerText()).toMatch(/OFLC LCA disclosure data, FY2025 Q2/);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'market.png'), fullPage: true });
  });

  it('places a typed offer among them, estimates its wage level and gives the lottery odds', async () => {
    await page.getByTestId('offer-salary').fill(OFFER.toLocaleString('en-US'));
    await expect.poll(() => page.getByTestId('offer-result').getAttribute('data-state')).toBe('done');
    const below = wages.filter((w) => w < OFFER).length + wages.filter((w) => w === OFFER).length / 2;
    expect(await page.getByTestId('offer-percentile').innerText()).toMatch(
      new RegExp(`^${Math.round((below / wages.length) * 100)}(st|nd|rd|th) percentile of ${wages.length} offers in Texas \\(FY2025 Q2\\)`),
    );
    const level = levelOfOffer(OFFER);
    const numeral = ['I', 'II', 'III', 'IV'][level - 1];
    expect(await page.getByTestId('offer-level').innerText()).toMatch(new RegExp(`^Most likely wage level: Level ${numeral}\\s+estimate`));
    // Each level's threshold says where it comes from and on how many filings it rests (casebook D2).
    for (const [i, t] of thresholds().entries()) {
      const row = page.getByTestId('offer-thresholds').locator(`tr[data-level="${i + 1}"]`);
      expect(await row.locator('[data-col="from"]').innerText()).toMatch(new RegExp(`^${t.place}`));
      expect(await row.locator('td').nth(1).innerText()).toBe(t.filings.toLocaleString('en-US'));
    }
    expect(thresholds().some((t) => t.place !== 'Texas')).toBe(true); // Texas alone is too thin at some level
    const odds = DEFAULT_ASSUMPTIONS[`h1bSelectionProbabilityLevel${level as 1 | 2 | 3 | 4}`];
    expect(await page.getByTestId('offer-odds').innerText()).toMatch(
      new RegExp(`H-1B lottery at level ${numeral}: ${Math.round(odds * 100)}% per lottery\\s+assumption`),
    );
    expect(await page.getByTestId('offer-odds').locator('tbody tr').allInnerTexts()).toEqual(
      [1, 2, 3, 4].map(
        (l) => expect.stringMatching(new RegExp(`^Level ${['I', 'II', 'III', 'IV'][l - 1]}\\t${l}\\t`)) as unknown as string,
      ),
    );
    await page.getByTestId('offer-panel').screenshot({ path: path.join(SCREENSHOTS, 'market-offer.png') });
  });

  let pMetWithoutOffer = NaN;

  it('saves the offer on the Texas lab target and shows P(met) move as the seeded forecast gives it', async () => {
    await page.getByTestId('offer-save').click();
    await expect.poll(() => page.getByTestId('offer-forecast').getAttribute('data-state'), { timeout: 60_000 }).toBe('done');
    const shown = await page.getByTestId('offer-pmet').innerText();
    // The same forecast here: the saved target and the imported candidates, without and with the offer's level.
    const target: ForecastTarget = {
      id: (await page.getByTestId('offer-target').inputValue()) || 'target',
      profession: 'mls',
      specialty: 'medical laboratory scientist',
      region: { kind: 'state', state: 'TX' },
      hires: 2,
      dueQuarter: await targetDue(),
      priority: 'medium',
      owner: '',
      note: '',
    };
    const run = (t: ForecastTarget) =>
      simulate({
        candidates: parsePipelineCsv(PIPELINE, 'lab.csv').candidates,
        targets: [t],
        assumptions: DEFAULT_ASSUMPTIONS,
        now: localToday(),
        regionContains: (region, site) => region.kind === 'state' && region.state === site.state,
        ...FORECAST_SETTINGS,
      }).targets[0].probabilityMet;
    const level = levelOfOffer(OFFER);
    const [before, after] = [run(target), run({ ...target, wageLevel: level })];
    pMetWithoutOffer = before;
    expect(shown).toMatch(
      new RegExp(
        `P\\(target met\\): ${Math.round(before * 100)}% at the default wage level → ${Math.round(after * 100)}% at level ${['I', 'II', 'III', 'IV'][level - 1]} \\(3 cap-subject candidates of 3 matched\\)`,
      ),
    );
    expect(after).not.toBe(before);
    // The Pipeline screen's forecast now runs the target at the offer's level too.
    await page.locator('[data-tab="pipeline"]').click();
    await expect
      .poll(() => page.locator('[data-testid="forecast-table"] [data-col="p-met"]').innerText(), { timeout: 60_000 })
      .toBe(`${Math.round(after * 100)}%`);
  });

  it('colours the map by demand: lab filings per state', async () => {
    await page.locator('[data-tab="map"]').click();
    await page.locator('input[name="level"][value="state"]').check();
    await page.getByTestId('filter-metric').selectOption('lca_lab');
    const tx = page.locator('[data-testid="area-table"] tr[data-geo="48"] [data-col="value"]');
    const expected = parseRows(fixtureText(DOL_EXCERPT)).filter(
      (r) => r.WORKSITE_STATE === 'TX' && isLab(r) && !/fellow|resident|postdoc|intern\b/i.test(r.JOB_TITLE),
    ).length;
    await expect.poll(() => tx.innerText()).toBe(String(expected));
    expect(await page.getByTestId('shortage-map').innerText()).toMatch(
      /Source: US Department of Labor, Office of Foreign Labor Certification \(LCA disclosure data\), FY2025 Q2/,
    );
  });

  it('refuses a USCIS file without health-care employers through the same drop, and changes nothing', async () => {
    await page.locator('[data-tab="market"]').click();
    const before = await page.getByTestId('market-sponsor-years').locator('tbody').innerText();
    await page.getByTestId('dataset-upload').setInputFiles({
      name: 'Employer Information.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(fixtureText(H1B_FINANCE_EXCERPT)),
    });
    await expect
      .poll(() => page.getByTestId('upload-message').innerText())
      .toMatch(
        /Employer Information\.csv is a USCIS H-1B Employer Data Hub, Employer Information \(newer layout\) .* no health-care employers/,
      );
    expect(await page.getByTestId('market-sponsor-years').locator('tbody').innerText()).toBe(before);
  });

  it('puts the Market section in the exported report', async () => {
    await page.locator('[data-tab="report"]').click();
    await expect
      .poll(() => page.getByTestId('report-market-view').innerText())
      .toMatch(/shows your targets’ occupations where they recruit: Medical laboratory scientist \(MLS\) — Texas/);
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-report').click()]);
    const html = fs.readFileSync(await file.path(), 'utf8');
    expect(html).toContain('<section id="market">');
    // What is counted, in words (casebook D1): LCA filings, not "certified H-1B" where the copy cannot say.
    expect(html).toContain(`${texas.length} LCA filings by`);
    expect(html).toContain('could not be checked');
    expect(html).toContain('id="table-market-saved-offers"');
    const report = await browser.context.newPage();
    await report.setContent(html);
    await report.locator('#market').screenshot({ path: path.join(SCREENSHOTS, 'report-market.png') });
    await report.close();
    expect(await page.getByTestId('report-tables').innerText()).toMatch(/market-sponsors|Health-care H-1B sponsors/);
  });

  it('shows the saved offer on the Targets screen; clearing it brings the forecast back to the default level', async () => {
    await page.locator('[data-tab="targets"]').click();
    const row = page.locator('[data-testid="targets-table"] tbody tr').filter({ hasText: 'Texas' });
    const numeral = ['I', 'II', 'III', 'IV'][levelOfOffer(OFFER) - 1];
    await expect.poll(() => row.innerText()).toContain(`$${OFFER.toLocaleString('en-US')} · level ${numeral} (estimated)`);
    await row.getByTestId('target-clear-offer').click();
    await expect.poll(() => row.innerText()).not.toContain(`$${OFFER.toLocaleString('en-US')}`);
    await page.locator('[data-tab="pipeline"]').click();
    await expect
      .poll(() => page.locator('[data-testid="forecast-table"] [data-col="p-met"]').innerText(), { timeout: 60_000 })
      .toBe(`${Math.round(pMetWithoutOffer * 100)}%`);
  });

  it('has no serious accessibility violations and no console errors', async () => {
    await page.locator('[data-tab="market"]').click();
    await expect.poll(() => page.getByTestId('market-summary').getAttribute('data-query-state')).toBe('done');
    const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious).toEqual([]);
    expect(seen.consoleErrors.join('\n')).toBe('');
    expect(seen.offOrigin).toEqual([]);
  });
});

async function targetDue(): Promise<string> {
  await page.locator('[data-tab="targets"]').click();
  const due = await page.locator('table tbody tr').first().innerText();
  await page.locator('[data-tab="market"]').click();
  return /\d{4}-Q[1-4]/.exec(due)![0];
}

const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
