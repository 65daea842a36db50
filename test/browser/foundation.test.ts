import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations, SCREENSHOTS, openApp, type OpenApp } from './harness';
import { CA_PC_EXCERPT, CA_PC_FILE, FULL_FILE_ONLY, parseRows, sharedAvailable } from '../helpers/shared';
import { bytes, hpsaCsv } from '../helpers/hpsa-fixture';

let server: OpenApp['server'];
let browser: OpenApp['browser'];
let page: Page;
let seen: OpenApp['seen'];

beforeAll(async () => {
  ({ server, browser, page, seen } = await openApp('#data', { timeoutMs: 20_000 }));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const cell = (discipline: string, status: string, col: string) =>
  page.locator(`[data-testid="hpsa-summary"] tr[data-discipline="${discipline}"][data-status="${status}"] [data-col="${col}"]`).innerText();

describe('the built app in Chromium', () => {
  it('reaches data-ready and shows the embedded California designations', async () => {
    await expect.poll(() => cell('Primary Care', 'Designated', 'designations')).toBe('611');
    expect(await cell('Primary Care', 'Withdrawn', 'designations')).toBe('717');
    expect(await page.getByTestId('load-status').innerText()).toMatch(/Ready/);
    expect(await page.getByTestId('datasets').innerText()).toMatch(/HRSA data warehouse snapshot of 2024-03-27/);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'foundation.png'), fullPage: true });
  });

  it('has no console errors and makes no request off its own origin', () => {
    expect(seen.consoleErrors).toEqual([]);
    expect(seen.offOrigin).toEqual([]);
  });

  it('has no serious accessibility violations', async () => {
    const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious).toEqual([]);
  });

  it('reports a bad file by name and keeps the loaded data', async () => {
    await page
      .getByTestId('dataset-upload')
      .setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from('name,age\nAda,36\n') });
    await expect.poll(() => page.getByTestId('upload-message').innerText()).toMatch(/people\.csv is not a file this app reads/);
    expect(await cell('Primary Care', 'Designated', 'designations')).toBe('611');
  });

  it('reports a broken row by line number and keeps the loaded data', async () => {
    const lines = hpsaCsv([{ 'HPSA ID': 'a' }, { 'HPSA ID': 'b' }]).split('\n');
    lines[2] = 'cut,short';
    await page
      .getByTestId('dataset-upload')
      .setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from(bytes(lines.join('\n'))) });
    await expect
      .poll(() => page.getByTestId('upload-message').innerText())
      .toMatch(/broken\.csv: 1 line\(s\) could not be read[\s\S]*line 3/);
    expect(await cell('Primary Care', 'Designated', 'designations')).toBe('611');
  });

  it('loads real HRSA rows (the committed excerpt) through the file picker, with the counts a plain CSV parse gives', async () => {
    const rows = parseRows(CA_PC_EXCERPT);
    const n = (x: number) => x.toLocaleString('en-US');
    const ids = (status?: string) => new Set(rows.filter((r) => !status || r['HPSA Status'] === status).map((r) => r['HPSA ID'])).size;
    await page.getByTestId('dataset-upload').setInputFiles(CA_PC_EXCERPT);
    await expect
      .poll(() => page.getByTestId('upload-message').innerText(), { timeout: 60_000 })
      .toContain(
        `Loaded ${path.basename(CA_PC_EXCERPT)}: ${n(ids())} designations (designated ${n(ids('Designated'))}, withdrawn ${n(ids('Withdrawn'))}) in ${n(rows.length)} component rows`,
      );
    await expect.poll(() => cell('Primary Care', 'Designated', 'designations')).toBe(n(ids('Designated')));
    expect(await cell('Primary Care', 'Withdrawn', 'designations')).toBe(n(ids('Withdrawn')));
    expect(await page.getByTestId('datasets').innerText()).toMatch(/replaced by your file/);
    // Shown from the app's own read of the file; the engine then holds it too, and the message stops saying it is still working.
    const message = page.getByTestId('upload-message');
    await expect.poll(() => message.getAttribute('data-settled'), { timeout: 60_000 }).toBe('true');
    expect(await message.innerText()).not.toMatch(/still taking it in/);
    expect(await message.innerText()).toContain(`in ${n(rows.length)} component rows`);
    expect(seen.consoleErrors).toEqual([]);
  });

  it.skipIf(!sharedAvailable)(`loads the full HRSA file through the file picker (${FULL_FILE_ONLY})`, async () => {
    await page.getByTestId('dataset-upload').setInputFiles(CA_PC_FILE);
    await expect
      .poll(() => page.getByTestId('upload-message').innerText(), { timeout: 60_000 })
      .toMatch(
        /Loaded hrsa_hpsa_primary_care_CA_2024-03-27\.csv: 1,328 designations \(designated 611, withdrawn 717\) in 7,441 component rows/,
      );
    await expect.poll(() => cell('Primary Care', 'Designated', 'designations')).toBe('611');
    expect(await page.getByTestId('datasets').innerText()).toMatch(/replaced by your file/);
    expect(seen.consoleErrors).toEqual([]);
  });

  it('shows a ten-digit figure whole in its card (a national file’s population)', async () => {
    const population = 1_219_381_034;
    await page.getByTestId('dataset-upload').setInputFiles({
      name: 'big.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(bytes(hpsaCsv([{ 'HPSA Designation Population': String(population) }]))),
    });
    await expect.poll(() => page.getByTestId('upload-message').innerText()).toMatch(/Loaded big\.csv/);
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Shortage map' }).click();
    await page.getByRole('radio', { name: 'Counties' }).check();
    await page.getByTestId('filter-metric').selectOption('fte_needed');
    const figure = page.locator('[data-testid="summary-cards"] [data-card="population"] .big');
    await expect.poll(() => figure.innerText()).toBe(population.toLocaleString('en-US'));
    // Inside its card: not cut off at the card's edge, not spilling into the next card.
    const [box, card] = await Promise.all([
      figure.boundingBox(),
      page.locator('[data-testid="summary-cards"] [data-card="population"]').boundingBox(),
    ]);
    expect(box!.x + box!.width).toBeLessThanOrEqual(card!.x + card!.width);
  });
});
