import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import type { Download, Page } from 'playwright-core';
import Papa from 'papaparse';
import { emptyWorkspace, parseWorkspaceFile, serializeWorkspace, type Workspace } from '../../src/model/workspace';
import type { Candidate } from '../../src/model/types';
import { axeViolations, waitReady, SCREENSHOTS, openApp, type OpenApp } from './harness';
import { pdfPageTexts } from './pdf-text';
import { VISA_ROUTES, VISA_STATUSES, CURRENT_STATUSES } from '../../src/model/types';
import { datasetRows } from '../helpers/fixtures';

const HOSTILE_OWNER = '<img src=x onerror=alert(1)>';
const FORMULA_NOTE = '=HYPERLINK("http://x","y")';
const OUT = path.resolve(import.meta.dirname, '../../.tmp/report');

let server: OpenApp['server'];
let browser: OpenApp['browser'];
let page: Page;
let seen: OpenApp['seen'];
let reportFile: string;
/** The Pipeline screen's per-candidate forecast, to compare with the report's. */
let screenCandidates: string[][] = [];

const candidate = (
  id: string,
  stage: Candidate['stage'],
  visaRoute: Candidate['visaRoute'],
  county: string,
  extra: Partial<Candidate> = {},
): Candidate => ({
  id,
  profession: 'physician',
  specialty: 'family medicine',
  stage,
  stageDate: '2026-11-01',
  visaRoute,
  siteState: 'CA',
  siteCountyFips: county,
  expectedStart: '',
  countryOfTraining: 'India',
  languages: ['English', 'Spanish'],
  gender: 'female',
  ecfmgCertified: true,
  licenceStatus: '',
  ascpi: null,
  visaStatus: 'not-started',
  visaStatusDate: '',
  availableFrom: '',
  currentStatus: '',
  trainingStatus: '',
  bachelorsDegree: null,
  visaScreen: null,
  ...extra,
});

/** A workspace as the Targets and Pipeline screens would leave it, with hostile text in a target. */
function seededWorkspace(): Workspace {
  return {
    ...emptyWorkspace(),
    serviceAreas: [{ id: 'area-1', name: 'Central Valley', counties: ['06019', '06029', '06107'], states: [] }],
    targets: [
      {
        id: 'target-1',
        profession: 'physician',
        specialty: 'primary care',
        region: { kind: 'service-area', id: 'area-1' },
        hires: 3,
        dueQuarter: '2028-Q2',
        priority: 'high',
        owner: HOSTILE_OWNER,
        note: FORMULA_NOTE,
      },
      {
        id: 'target-2',
        profession: 'mls',
        specialty: 'medical laboratory scientist',
        region: { kind: 'state', state: 'CA' },
        hires: 2,
        dueQuarter: '2027-Q4',
        priority: 'medium',
        owner: 'Lab director',
        note: 'Night shift coverage',
      },
    ],
    diversityTargets: [
      {
        id: 'diversity-1',
        targetId: null,
        measure: { kind: 'language-coverage', languages: ['Spanish', 'Tagalog'], minHiresPerLanguage: 1 },
        note: '',
      },
    ],
    candidates: [
      candidate('P-1', 'arrived', 'us-authorized', '06019'),
      candidate('P-2', 'offer', 'h1b-cap-exempt', '06019', {
        countryOfTraining: 'Philippines',
        languages: ['English', 'Tagalog'],
        gender: 'male',
      }),
      candidate('P-3', 'licensure', 'j1-conrad30', '06107', { currentStatus: 'j1' }),
      candidate('P-4', 'interview', 'h1b-cap-subject', '06029', { countryOfTraining: 'Pakistan', gender: 'male' }),
      candidate('L-1', 'visa', 'tn', '06019', {
        profession: 'mls',
        specialty: 'medical laboratory scientist',
        ecfmgCertified: null,
        ascpi: true,
        countryOfTraining: 'Mexico',
        currentStatus: 'abroad',
        visaStatus: 'petition-filed',
        visaStatusDate: '2026-10-01',
      }),
    ],
    view: { activeServiceArea: 'area-1' },
  };
}

/** Saves the workspace as the first version did (one record), which the app upgrades when it reloads. */
async function seedWorkspace(text: string): Promise<void> {
  await page.evaluate(
    (value) =>
      new Promise<void>((resolve, reject) => {
        // The open app gives the database up when asked (its tab stops saving until the reload).
        const removed = indexedDB.deleteDatabase('shortage-atlas');
        removed.onerror = () => reject(removed.error ?? new Error('indexedDB.deleteDatabase failed'));
        removed.onsuccess = () => {
          const open = indexedDB.open('shortage-atlas', 1);
          open.onupgradeneeded = () => open.result.createObjectStore('workspace');
          open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
          open.onsuccess = () => {
            const tx = open.result.transaction('workspace', 'readwrite');
            tx.objectStore('workspace').put(value, 'current');
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
          };
        };
      }),
    text,
  );
}

async function download(testId: string): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return file;
}

/** Pages of a PDF with the inflated size of each page's content stream (Chromium writes no object streams). */
function pdfPages(pdf: Buffer): { mediaBox: number[]; contentBytes: number }[] {
  const text = pdf.toString('latin1');
  const objects = new Map<string, { dict: string; stream?: Buffer }>();
  for (const m of text.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = m[2];
    const at = body.indexOf('stream');
    if (at < 0) {
      objects.set(m[1], { dict: body });
      continue;
    }
    const start = m.index + m[0].indexOf(body) + at + 'stream'.length + (body[at + 6] === '\r' ? 2 : 1);
    const length = Number(/\/Length (\d+)/.exec(body.slice(0, at))?.[1] ?? 0);
    objects.set(m[1], { dict: body.slice(0, at), stream: pdf.subarray(start, start + length) });
  }
  const pages = [...objects.values()].filter((o) => /\/Type\s*\/Page(?!s)/.test(o.dict));
  return pages.map((p) => {
    const refs = [...(/\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(p.dict)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((r) => r[1]);
    const contentBytes = refs.reduce((sum, ref) => {
      const o = objects.get(ref);
      if (!o?.stream) return sum;
      return sum + (/FlateDecode/.test(o.dict) ? zlib.inflateSync(o.stream) : o.stream).length;
    }, 0);
    return { mediaBox: (/\/MediaBox\s*\[([^\]]*)\]/.exec(p.dict)?.[1] ?? '').trim().split(/\s+/).map(Number), contentBytes };
  });
}

beforeAll(async () => {
  const ws = seededWorkspace();
  const text = serializeWorkspace(ws);
  expect(parseWorkspaceFile(text).ok).toBe(true);
  // The map view travels in the URL: counties by FTE needed, no filter. The embedded HRSA detail
  // file is California's, so the map screen zooms to California: the report must too.
  ({ server, browser, page, seen } = await openApp('?level=county&metric=fte_needed#report'));
  await seedWorkspace(text);
  await page.reload();
  await waitReady(page);
  fs.mkdirSync(OUT, { recursive: true });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('exported report', () => {
  it('downloads one HTML file named by date, with the hostile target inert', async () => {
    await expect.poll(() => page.getByTestId('export-report').isEnabled(), { timeout: 60_000 }).toBe(true);
    const file = await download('export-report');
    expect(file.suggestedFilename()).toMatch(/^shortage-atlas-report-\d{4}-\d{2}-\d{2}\.html$/);
    reportFile = path.join(OUT, file.suggestedFilename());
    await file.saveAs(reportFile);
    const html = fs.readFileSync(reportFile, 'utf8');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<img\s+src=x/i);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)');
    expect(html).toContain('id="table-targets"');
    // The figures' source and date, as on the map's legend and in the table.
    expect(html).toContain('HRSA detail file as of 2024-03-27 (CA only)');
    expect(html).not.toContain('<td>P-2</td>'); // candidate rows are off by default
  });

  it('opens from disk with the network blocked: no request but the file, no console error, map and tables shown', async () => {
    const offline = await browser.context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    offline.on('request', (r) => requests.push(r.url()));
    offline.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    offline.on('pageerror', (e) => errors.push(String(e)));
    await offline.route('**/*', (r) => (r.request().url().startsWith('file:') ? r.continue() : r.abort()));
    const url = pathToFileURL(reportFile).href;
    await offline.goto(url);
    await offline.waitForLoadState('load');
    expect(requests).toEqual([url]);
    expect(errors).toEqual([]);
    expect(await offline.locator('img').count()).toBe(0);
    expect(await offline.locator('script').count()).toBe(0);
    // Every county shape of the map screen: us-atlas counties and Puerto Rico's municipios.
    const atlas = JSON.parse(
      fs.readFileSync(path.resolve(import.meta.dirname, '../../node_modules/us-atlas/counties-albers-10m.json'), 'utf8'),
    );
    const pr = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../public/datasets/geo/pr-albers-inset.json'), 'utf8'));
    expect(await offline.locator('svg.choropleth g.shapes path').count()).toBe(
      atlas.objects.counties.geometries.length + pr.counties.features.length,
    );
    expect(await offline.locator('svg.choropleth .overlay .outlined').count()).toBe(3);
    expect(await offline.locator('#table-shortage-map tbody tr').count()).toBe(58);
    const targets = await offline.locator('#table-targets').innerText();
    expect(targets).toContain(HOSTILE_OWNER); // shown as text
    expect(targets).toContain('Service area: Central Valley');
    expect(await offline.locator('#table-pipeline-funnel').innerText()).toMatch(/Offer made\s+1/);
    expect(await offline.locator('#table-forecast tbody tr').count()).toBe(2);
    const assumptions = await offline.locator('#table-assumptions').innerText();
    expect(assumptions).toMatch(/H-1B selection rule/);
    expect(assumptions).toMatch(/\$100,000 fee: effective from\s+2025-09-21/);
    await offline.setViewportSize({ width: 1100, height: 1400 });
    // What a reader sees first (title, key figures, map), and the whole report.
    await offline.screenshot({ path: path.join(SCREENSHOTS, 'report.png') });
    await offline.screenshot({ path: path.join(SCREENSHOTS, 'report-full.png'), fullPage: true });

    for (const [format, width] of [
      ['A4', 595.92],
      ['Letter', 612],
    ] as const) {
      const pdf = await offline.pdf({ format });
      fs.writeFileSync(path.join(OUT, `report-${format}.pdf`), pdf);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const pages = pdfPages(pdf);
      expect(pages.length, format).toBeGreaterThanOrEqual(3);
      for (const [i, p] of pages.entries()) {
        expect(p.mediaBox[2], `${format} page ${i + 1} width`).toBeCloseTo(width, 0);
        expect(p.contentBytes, `${format} page ${i + 1} is blank`).toBeGreaterThan(500);
      }
    }
    await offline.close();
  });

  it('runs no script even if one were slipped into the file: its CSP stops it', async () => {
    const tampered = path.join(OUT, 'report-tampered.html');
    const slipped =
      '<script>document.title = "script ran"</script><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onload="document.title = \'handler ran\'" alt="">';
    fs.writeFileSync(tampered, fs.readFileSync(reportFile, 'utf8').replace('<body>', `<body>${slipped}`));
    const offline = await browser.context.newPage();
    const violations: string[] = [];
    offline.on('console', (m) => m.type() === 'error' && violations.push(m.text()));
    await offline.goto(pathToFileURL(tampered).href);
    await offline.waitForLoadState('load');
    expect(await offline.evaluate(() => document.title)).toMatch(/^Recruitment plan — Central Valley/);
    expect(await offline.locator('img').count()).toBe(1); // the element is there; its handler did not run
    expect(violations.join('\n')).toMatch(/Content Security Policy/);
    await offline.close();
  });

  it('shows the map and the forecast as the screens do: same zoom, same outline, same figures', async () => {
    const report = await browser.context.newPage();
    await report.goto(pathToFileURL(reportFile).href);
    const reportMap = report.locator('svg.choropleth');
    const reportBox = await reportMap.getAttribute('viewBox');
    const reportOutlined = await reportMap.locator('.overlay .outlined').count();
    const reportForecast = await report.$$eval('#table-forecast tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    );
    await report.close();

    await page.locator('[data-tab="map"]').click();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-query-state]')].every((e) => e.getAttribute('data-query-state') === 'done'),
    );
    const screenMap = page.locator('[data-testid="shortage-map"] svg.choropleth');
    expect(reportBox).toBe(await screenMap.getAttribute('viewBox'));
    expect(reportBox).not.toBe('0 0 975 610'); // zoomed, not the whole country
    expect(reportOutlined).toBe(await screenMap.locator('.overlay .outlined').count());

    await page.locator('[data-tab="pipeline"]').click();
    await expect.poll(() => page.getByTestId('forecast').getAttribute('data-forecast-state'), { timeout: 60_000 }).toBe('current');
    await expect.poll(() => page.locator('[data-testid="forecast-table"] tbody tr').count(), { timeout: 60_000 }).toBe(2);
    const screenForecast = await page.$$eval('[data-testid="forecast-table"] tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    );
    // Target, hires, due date, candidates, expected arrivals, P(met) with and without the $100,000 fee,
    // shortfall, next action: the same on both.
    const fromScreen = screenForecast.map((r) => [
      r[0],
      r[1],
      r[2],
      r[3],
      r[4].split(' ')[0],
      r[5].replace('%', ''),
      r[6].replace('%', ''),
      r[7],
      r[8],
    ]);
    const fromReport = reportForecast.map((r) => [r[0], r[1], r[2], r[3], r[4], r[6], r[7], r[8], r[9]]);
    expect(fromReport).toEqual(fromScreen);
    // Each candidate's forecast as the Pipeline screen exports it (its list shows a page of the same rows).
    const exported = await download('candidate-export');
    screenCandidates = Papa.parse<string[]>(fs.readFileSync(await exported.path(), 'utf8').replace(/^\uFEFF/, ''), {
      skipEmptyLines: true,
    })
      .data.slice(1)
      .map((row) => row.map((cell) => cell.replace(/^'(?=[=+\-@])/, '')));
    expect(screenCandidates.map((r) => r[0])).toEqual(['P-1', 'P-2', 'P-3', 'P-4', 'L-1']);
    await page.locator('[data-tab="report"]').click();
    await expect.poll(() => page.getByTestId('export-report').isEnabled(), { timeout: 60_000 }).toBe(true);
  });

  it('exports the targets table as CSV with the formula neutralised', async () => {
    const file = await download('report-csv-targets');
    const csv = fs.readFileSync(await file.path(), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csv).toContain(HOSTILE_OWNER);
    expect(csv.split('\r\n')[0]).toBe('\uFEFFProfession,Specialty,Region,Hires,Due,Priority,Owner,Note,H-1B offer');
  });

  it('includes candidate rows only when the box is ticked', async () => {
    await page.getByLabel('Include candidate-level rows').check();
    const file = await download('export-report');
    const html = fs.readFileSync(await file.path(), 'utf8');
    expect(html).toContain('<td>P-2</td>');
    expect(await page.getByTestId('report-csv-candidates').count()).toBe(1);
    // Each candidate's forecast, as the Pipeline screen shows it (the same clock and seed).
    const opened = await browser.context.newPage();
    await opened.setContent(html);
    const reportCandidates = await opened.$$eval('[data-testid="candidate-forecast"] tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    );
    for (const width of [1440, 390]) {
      await opened.setViewportSize({ width, height: 900 });
      await opened.locator('#forecast').screenshot({ path: path.join(SCREENSHOTS, `report-forecast-${width}.png`) });
      // A table of many columns scrolls inside its own box; the page never scrolls sideways.
      expect(await opened.evaluate(() => document.documentElement.scrollWidth), `${width} px`).toBeLessThanOrEqual(width);
    }
    await opened.close();
    expect(reportCandidates).toEqual(screenCandidates);
    expect(reportCandidates.find((r) => r[0] === 'P-3')?.at(-2)).toMatch(/^(eligible|check): /); // the Conrad 30 site, explained
    expect(await page.getByTestId('report-csv-candidate-forecast').count()).toBe(1);
  });

  it('prints the report without errors', async () => {
    await page.getByTestId('print-report').click();
    await expect.poll(() => page.locator('iframe[title="Report for printing"]').count()).toBe(1);
    expect(await page.locator('iframe[title="Report for printing"]').getAttribute('sandbox')).toBe('allow-same-origin allow-modals');
  });

  it('has no serious accessibility violations and no console errors on the report screen', async () => {
    await page.screenshot({ path: path.join(SCREENSHOTS, 'report-screen.png'), fullPage: true });
    const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious).toEqual([]);
    expect(seen.consoleErrors).toEqual([]);
    expect(seen.offOrigin).toEqual([]);
  });
});

/** What a reader must never meet in the report: the pipeline's codes, the project's notes file, its scripts and source keys. */
const CODES: string[] = [
  ...VISA_ROUTES,
  ...VISA_STATUSES.filter((s) => s.includes('-')),
  ...CURRENT_STATUSES.filter((s) => s.includes('-')),
];
function internalReferences(text: string): string[] {
  const found = CODES.filter((code) => new RegExp(`(^|[\\s(,;:])${code}($|[\\s),;:.])`).test(text));
  for (const m of text.matchAll(/domain\.md|\.mjs\b|\b[SR]\d{1,2}\b|\b[A-Z]+_[A-Z_]+\b/g)) found.push(m[0]);
  return found;
}

/** The sample service area's HRSA totals counted from the embedded detail file's own rows: designations once, current ones. */
function sampleAreaTotals(counties: readonly string[]) {
  const csv = fs.readFileSync(path.resolve(import.meta.dirname, '../../datasets/hpsa/hpsa_pc_ca_2024-03-27_by_county.csv'), 'utf8');
  const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
  const once = new Map<string, Record<string, string>>();
  for (const r of rows)
    if (counties.includes(r['Common State County FIPS Code']) && ['Designated', 'Proposed For Withdrawal'].includes(r['HPSA Status']))
      once.set(r['HPSA ID'], r);
  const all = [...once.values()];
  const areaTypes = ['Geographic HPSA', 'High Needs Geographic HPSA', 'HPSA Population'];
  return {
    designations: all.length,
    fte: all.reduce((t, r) => t + Number(r['HPSA Shortage'] || 0), 0),
    population: all
      .filter((r) => areaTypes.includes(r['Designation Type']))
      .reduce((t, r) => t + Number(r['HPSA Designation Population'] || 0), 0),
  };
}

describe('the one-click sample plan’s report, read as a person would', () => {
  let app: OpenApp;
  let html = '';
  let file = '';
  const fmt = (v: number, digits = 0) => v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

  beforeAll(async () => {
    app = await openApp('#report');
    await app.page.getByTestId('sample-load').click();
    await app.page.getByTestId('sample-summary').waitFor({ timeout: 60_000 });
    await app.page.waitForSelector('[data-testid="export-report"]:not([disabled])', { timeout: 120_000 });
    const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.getByTestId('export-report').click()]);
    file = path.join(OUT, `sample-${download.suggestedFilename()}`);
    await download.saveAs(file);
    html = fs.readFileSync(file, 'utf8');
  });
  afterAll(async () => {
    await app?.browser.close();
    await app?.server.close();
  });

  it('prints page one with the service area’s name and totals and every target’s chance and expected arrivals', async () => {
    const { SAMPLE_SERVICE_AREA } = await import('../../src/app/plan/sample-data');
    // The Pipeline screen's forecast of the same plan: each target's expected arrivals and P(met).
    const screen = app.page;
    await screen.locator('[data-tab="pipeline"]').click();
    await expect.poll(() => screen.getByTestId('forecast').getAttribute('data-forecast-state'), { timeout: 120_000 }).toBe('current');
    const targets = await screen.$$eval('[data-testid="forecast-table"] tbody tr', (trs) =>
      trs.map((tr) => ({
        expected: tr.querySelector('[data-col="expected"]')?.textContent ?? '',
        pMet: tr.querySelector('[data-col="p-met"]')?.textContent ?? '',
        pWithout: tr.querySelector('[data-col="p-met-counterfactual"]')?.textContent ?? '',
      })),
    );
    expect(targets).toHaveLength(4);

    const offline = await app.browser.context.newPage();
    const requests: string[] = [];
    offline.on('request', (r) => requests.push(r.url()));
    await offline.route('**/*', (r) => (r.request().url().startsWith('file:') ? r.continue() : r.abort()));
    await offline.goto(pathToFileURL(file).href);
    expect(requests).toEqual([pathToFileURL(file).href]);
    expect(await offline.locator('script').count()).toBe(0);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;/);
    for (const width of [1440, 390]) {
      await offline.setViewportSize({ width, height: 1100 });
      await offline.screenshot({ path: path.join(SCREENSHOTS, `report-sample-${width}.png`) });
    }
    await offline.emulateMedia({ media: 'print' });
    await offline.setViewportSize({ width: 816, height: 1056 }); // a Letter page at 96 dpi
    await offline.screenshot({ path: path.join(SCREENSHOTS, 'report-sample-print-page1.png') });
    for (const format of ['Letter', 'A4'] as const) {
      const pdf = await offline.pdf({ format });
      fs.writeFileSync(path.join(OUT, `report-sample-${format}.pdf`), pdf);
      const pages = await pdfPageTexts(new Uint8Array(pdf));
      expect(pages.length, format).toBeGreaterThan(3);
      const [one] = pages;
      expect(one, format).toContain(SAMPLE_SERVICE_AREA.name);
      expect(one).toContain('8 counties in California');
      const totals = sampleAreaTotals(SAMPLE_SERVICE_AREA.counties);
      expect(totals.designations).toBeGreaterThan(10);
      for (const figure of [fmt(totals.fte, 1), fmt(totals.designations), fmt(totals.population)])
        expect(one, `${format}: ${figure}`).toContain(figure);
      // The area's own primary-care physicians (the embedded CHR&R rows of its counties summed), the rate from the sums.
      const pcp = datasetRows('county/supply_chr2025.csv').filter((r) => SAMPLE_SERVICE_AREA.counties.includes(r.fips));
      expect(pcp).toHaveLength(SAMPLE_SERVICE_AREA.counties.length);
      const [physicians, people] = [pcp, pcp].map((rows, i) => rows.reduce((t, r) => t + Number(i ? r.pcp_population : r.pcp), 0));
      expect(one).toContain(
        `Primary-care physicians per 100,000 people: ${fmt((physicians / people) * 1e5, 1)} (${fmt(physicians)} physicians, ${fmt(people)} people, 2022;`,
      );
      // Each target's row: "9.8 (8–11) 100% 100%", expected arrivals and the two chances as the screen shows them.
      for (const t of targets) expect(one, format).toContain(`${t.expected} ${t.pMet} ${t.pWithout}`);
      expect(one).toMatch(/Candidates at risk/);
      expect(one).toMatch(/Expected government fees for the [\d,]+ candidates in progress: \$[\d,]+ under this scenario/);
      expect(one).toMatch(/\$100,000 H-1B fee scenario: applies to every new petition/);
      // The evidence starts on page two.
      expect(pages[1]).toMatch(/Shortage map/);
      expect(internalReferences(pages.join(' ')), format).toEqual([]);
    }
    await offline.close();
  });

  it('follows the plan: the service area’s map and the targets’ occupations in their states, and says so', () => {
    expect(html).toContain('This map shows your service area, San Joaquin Valley (sample), outlined on the counties of California.');
    expect(html).toMatch(
      /This section shows your targets’ occupations where they recruit: Primary care[^;]* — California; Psychiatry — California;/,
    );
    // The whole document, text and markup, has no code or internal reference.
    expect(internalReferences(html.replace(/<style>[\s\S]*?<\/style>/, ''))).toEqual([]);
  });

  it('keeps the view choices across a reload and in a second tab: the map’s level and measure, the market’s occupation and place, the report’s views', async () => {
    const page = app.page;
    await page.locator('[data-tab="map"]').click();
    await page.locator('input[name="level"][value="county"]').check();
    await page.getByTestId('filter-metric').selectOption('designations');
    await expect.poll(() => new URL(page.url()).searchParams.get('metric')).toBe('designations');
    await page.locator('[data-tab="market"]').click();
    await page.getByTestId('market-occupation').selectOption('psychiatry');
    await page.getByTestId('market-region').selectOption('state:CA');
    await expect.poll(() => new URL(page.url()).searchParams.get('market')).toBe('state:CA');
    await page.locator('[data-tab="report"]').click();
    await page.getByTestId('report-market-screen').check();
    // A reload of the bare address, and a second tab of the same profile: the choices come back.
    for (const reload of [true, false]) {
      const other = reload ? page : await app.browser.context.newPage();
      await other.goto(`${app.server.url}#map`);
      await waitReady(other);
      await expect.poll(() => other.locator('input[name="level"][value="county"]').isChecked()).toBe(true);
      expect(await other.getByTestId('filter-metric').inputValue()).toBe('designations');
      await other.locator('[data-tab="market"]').click();
      await expect.poll(() => other.getByTestId('market-occupation').inputValue()).toBe('psychiatry');
      expect(await other.getByTestId('market-region').inputValue()).toBe('state:CA');
      await other.locator('[data-tab="report"]').click();
      await expect.poll(() => other.getByTestId('report-market-screen').isChecked()).toBe(true);
      await expect
        .poll(() => other.getByTestId('report-market-view').textContent(), { timeout: 120_000 })
        .toMatch(/last chosen on the Market screen: Psychiatry — California/);
      if (!reload) await other.close();
    }
    await page.getByTestId('report-market-plan').check();
  });
});
