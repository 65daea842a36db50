// One file, the same figures everywhere: after an HRSA detail file is uploaded, the map (and its
// table), the area details and the exported report give each state the same designations and
// FTE needed — and these are what a plain CSV parse of the file gives. On the real California file
// (the committed excerpt without ../shared) and on a national-size file (generated with
// ../shared/tools/make-national-hpsa.mjs, or the committed 800-row one without it).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, waitReady, type OpenApp } from './harness';
import { CA_PC_EXCERPT, CA_PC_FILE, MAKE_NATIONAL, NATIONAL_FIXTURE, parseRows, sharedAvailable } from '../helpers/shared';
import { datasetRows } from '../helpers/fixtures';

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-same-figures-'));
afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

/** A national-size file: generated when the generator is beside the project, else the committed one. */
function nationalFile(): { file: string; what: string } {
  if (!fs.existsSync(MAKE_NATIONAL)) return { file: NATIONAL_FIXTURE, what: 'the committed 800-row national-shaped file' };
  const file = path.join(TMP, 'national-hpsa.csv');
  execFileSync(process.execPath, [MAKE_NATIONAL, file, '--rows', '30000'], { stdio: 'ignore' });
  return { file, what: 'a 30,000-row national-size file from make-national-hpsa.mjs' };
}

const FIPS = new Map(datasetRows('ref/states.csv').map((s) => [s.state, s.state_fips]));
const current = (r: Record<string, string>) => r['HPSA Status'] === 'Designated' || r['HPSA Status'] === 'Proposed For Withdrawal';

/** Per state, from a plain CSV parse: its current designations (each once) and their FTE needed. */
function expected(file: string, states: string[]) {
  const byState = new Map<string, Map<string, number>>();
  for (const r of parseRows(file).filter(current)) {
    const st = r['Primary State Abbreviation'];
    if (!states.includes(st)) continue;
    const ids = byState.get(st) ?? new Map<string, number>();
    ids.set(r['HPSA ID'], Number(r['HPSA Shortage'].replaceAll(',', '')) || 0);
    byState.set(st, ids);
  }
  return new Map(
    states.map((s) => [
      s,
      { designations: byState.get(s)?.size ?? 0, fte: [...(byState.get(s)?.values() ?? [])].reduce((a, b) => a + b, 0) },
    ]),
  );
}

const number = (text: string) => Number(text.replace(/,/g, ''));
/** A figure shown with `digits` decimals is the exact one, rounded. */
const shownAs = (text: string, exact: number, digits: number) =>
  expect(Math.abs(number(text) - exact)).toBeLessThanOrEqual(0.5 * 10 ** -digits + 1e-9);

/** A table's cells by column label, for the row whose cell under `key` is `value`. */
async function row(page: Page, table: string, key: string, value: string): Promise<Record<string, string>> {
  return page.evaluate(
    ({ table, key, value }) => {
      const t = document.querySelector(table)!;
      const heads = [...t.querySelectorAll('thead th')].map((th) => th.textContent.trim());
      const at = heads.indexOf(key);
      const tr = [...t.querySelectorAll('tbody tr')].find((r) => r.querySelectorAll('td,th')[at]?.textContent.trim() === value);
      if (!tr) throw new Error(`no row with ${key} = ${value} in ${table}`);
      return Object.fromEntries([...tr.querySelectorAll('td,th')].map((c, i) => [heads[i], c.textContent.trim()]));
    },
    { table, key, value },
  );
}

async function settled(page: Page) {
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[data-query-state]')].every((e) => e.getAttribute('data-query-state') === 'done'),
  );
}

const CASES = [
  sharedAvailable
    ? { name: 'the real California file', file: CA_PC_FILE, states: ['CA'] }
    : { name: 'the real California excerpt', file: CA_PC_EXCERPT, states: ['CA'] },
  {
    name: 'a national-size file',
    ...(() => {
      const n = nationalFile();
      return { file: n.file, states: ['TX', 'NY', 'CA'], what: n.what };
    })(),
  },
];

describe.each(CASES)('$name: the map, the area details and the report agree', ({ file, states }) => {
  it('for each state: designations and FTE needed, on the map, in its details and in the exported report, as the file says', async () => {
    const app: OpenApp = await openApp('?asof=detail&metric=designations', { timeoutMs: 60_000 });
    const { page } = app;
    try {
      await page.getByTestId('dataset-upload').setInputFiles(file);
      await expect.poll(() => page.getByTestId('upload-message').innerText(), { timeout: 120_000 }).toMatch(/^Loaded /);
      await settled(page);
      const want = expected(file, states);
      const shown = new Map<string, { map: { designations: string; fte: string }; details: Record<string, string>; listed: number }>();
      for (const st of states) {
        const fips = FIPS.get(st)!;
        if ((await page.locator(`[data-testid="area-table"] tr[data-geo="${fips}"]`).count()) === 0)
          await page.getByTestId('area-table-all').click();
        const tr = page.locator(`[data-testid="area-table"] tr[data-geo="${fips}"]`);
        const map = {
          designations: await tr.locator('[data-col="value"]').innerText(),
          fte: await tr.locator('[data-col="fte_needed"]').innerText(),
        };
        await page.locator(`[data-testid="area-table"] tr[data-geo="${fips}"]`).getByRole('button').first().click();
        await expect.poll(() => page.getByTestId('area-details').isVisible()).toBe(true);
        await settled(page);
        await page.getByTestId(`hrsa-detail-${st}`).waitFor();
        const details = await row(page, `[data-testid="hrsa-detail-${st}"] table`, 'Discipline', 'Primary Care');
        // The details list every designation (this waits for the list of the state just chosen).
        await expect.poll(() => page.locator('[data-testid="designation-table"] tbody tr').count()).toBe(want.get(st)!.designations);
        const listed = await page.locator('[data-testid="designation-table"] tbody tr').count();
        shown.set(st, { map, details, listed });
      }
      // The report of the map screen's view (the last state chosen), downloaded as a user would.
      await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Report' }).click();
      // Without a service area or a target the report's map is the nation's: ask for the map screen's view.
      await page.getByTestId('report-map-screen').check();
      await expect.poll(() => page.getByTestId('export-report').isEnabled(), { timeout: 120_000 }).toBe(true);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-report').click()]);
      const report = await app.browser.context.newPage();
      await report.setContent(fs.readFileSync(await download.path(), 'utf8'));
      const last = states.at(-1)!;
      const inReport = await row(report, '#table-shortage-map', 'FIPS code', FIPS.get(last)!);
      const reportDetails = await row(report, `#table-hrsa-detail-${last}`, 'Discipline', 'Primary Care');
      for (const st of states) {
        const w = want.get(st)!;
        const s = shown.get(st)!;
        expect(number(s.map.designations), `${st}: map`).toBe(w.designations);
        shownAs(s.map.fte, w.fte, 1);
        expect(number(s.details.Designations), `${st}: details`).toBe(w.designations);
        expect(s.listed, `${st}: designations listed in the details`).toBe(w.designations);
        shownAs(s.details['FTE needed'], w.fte, 2);
      }
      const w = want.get(last)!;
      // The report's headings may carry an explanation after the figure's name.
      const reportCell = (name: RegExp) => Object.entries(inReport).find(([k]) => name.test(k))![1];
      expect(number(reportCell(/^(Number of designations|Designations)/))).toBe(w.designations);
      shownAs(reportCell(/^Practitioners needed \(FTE\)/), w.fte, 1);
      expect(number(reportDetails.Designations)).toBe(w.designations);
      shownAs(reportDetails['FTE needed'], w.fte, 2);
      expect(app.seen.consoleErrors).toEqual([]);
      expect(app.seen.offOrigin).toEqual([]);
      await waitReady(page);
    } finally {
      await app.browser.close();
      await app.server.close();
    }
  });
});
