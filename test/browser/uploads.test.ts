// Issue 22, items 2, 4 and 5, in the built app in Chromium: files chosen together each get their own
// outcome; an uploaded file is still loaded after a reload, with a note, and one that could not be
// kept is named as gone; the plan strip and the report say which data they used; a partial fiscal
// year asks before it replaces a full one.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, openApp, waitReady, type OpenApp } from './harness';
import { H1B_2022_EXCERPT, fixtureText, parseRows } from '../helpers/market-fixture';
import { CA_PC_EXCERPT } from '../helpers/shared';

let server: OpenApp['server'];
let browser: OpenApp['browser'];
let page: Page;
let seen: OpenApp['seen'];

beforeAll(async () => {
  ({ server, browser, page, seen } = await openApp('#data', { timeoutMs: 60_000 }));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const H1B_NAME = 'h1b_datahubexport-2022.csv';
const h1b = fixtureText(H1B_2022_EXCERPT);
const outcome = (name: string) => page.locator(`[data-testid="upload-outcome"][data-file="${name}"]`);
const settled = () => expect.poll(() => page.getByTestId('upload-message').getAttribute('data-settled'), { timeout: 60_000 }).toBe('true');

describe('uploads in Chromium', () => {
  it('asks before a partial year replaces the full one, and keeps the full year when told no', async () => {
    const fields = Papa.parse<string[]>(h1b.split('\n')[0]).data[0];
    const health = parseRows(h1b).filter((r) => r.NAICS === '62');
    const part = Papa.unparse({ fields, data: health.slice(0, Math.floor(health.length / 10)).map((r) => fields.map((f) => r[f])) });
    await page.getByTestId('dataset-upload').setInputFiles({ name: 'h1b_2022_part.csv', mimeType: 'text/csv', buffer: Buffer.from(part) });
    const question = page.getByTestId('upload-question');
    await question.waitFor({ timeout: 60_000 });
    expect(await question.innerText()).toMatch(/FY2022/);
    await page.getByTestId('upload-answer-no').click();
    await expect.poll(() => outcome('h1b_2022_part.csv').getAttribute('data-state'), { timeout: 30_000 }).toBe('declined');
    expect(await outcome('h1b_2022_part.csv').innerText()).toMatch(/was not loaded, as you chose/);
    expect(await page.getByTestId('plan-data').innerText()).toContain('no file of yours is loaded');
  });

  it('gives each of two files chosen at once its own outcome: a refusal is not hidden by the success after it', async () => {
    await page.getByTestId('dataset-upload').setInputFiles([
      { name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from('name,age\nAda,36\n') },
      { name: H1B_NAME, mimeType: 'text/csv', buffer: Buffer.from(h1b) },
    ]);
    // The excerpt holds fewer FY2022 employers than the embedded full year: the app asks first (finding 4).
    const question = page.getByTestId('upload-question');
    await question.waitFor({ timeout: 60_000 });
    const employers = new Set(
      parseRows(h1b)
        .filter((r) => r.NAICS === '62')
        .map((r) => r.Employer),
    ).size;
    expect(await question.innerText()).toMatch(/FY2022/);
    expect(employers).toBeLessThan(5_199 / 2); // USCIS's full FY2022: 5,199 health-care employers (the round's count)
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'uploads-question-1440.png') });
    await page.getByTestId('upload-answer-yes').click();
    await settled();
    await expect.poll(() => outcome(H1B_NAME).getAttribute('data-state'), { timeout: 60_000 }).toBe('ok');
    expect(await page.getByTestId('upload-outcome').count()).toBe(2);
    expect(await outcome('people.csv').getAttribute('data-state')).toBe('error');
    expect(await outcome('people.csv').innerText()).toMatch(/people\.csv is not a file this app reads/);
    expect(await outcome(H1B_NAME).innerText()).toContain(H1B_NAME);
    // No sentence ends with two full stops (finding 9).
    expect(await page.getByTestId('upload-message').innerText()).not.toMatch(/\.\./);
    await expect.poll(() => outcome(H1B_NAME).getByTestId('upload-kept').getAttribute('data-kept'), { timeout: 30_000 }).toBe('true');
    expect(await page.getByTestId('plan-data').innerText()).toContain(`your file ${H1B_NAME}`);
    // The embedded FY2022 and FY2023 sponsors: FY2022 replaced by the file, FY2023 still the embedded one.
    expect(await page.getByTestId('datasets').innerText()).toMatch(
      new RegExp(`partly replaced by your file ${H1B_NAME.replaceAll('.', '\\.')}: [\\d,]+ of its [\\d,]+ rows still used`),
    );

    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 1000 });
      await page.screenshot({ path: path.join(SCREENSHOTS, `uploads-${width}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1400, height: 1000 });
  });

  it('still has the file loaded after a reload, and says so', async () => {
    await page.reload();
    await waitReady(page);
    const restored = page.getByTestId('restored-uploads');
    await expect.poll(() => restored.locator(`li[data-file="${H1B_NAME}"]`).getAttribute('data-state'), { timeout: 60_000 }).toBe('ok');
    // Folded, as every file is back: the summary says how many; the list says from where.
    expect(await restored.locator('summary').innerText()).toMatch(/^Your files, loaded again: 1 of 1$/);
    expect(await restored.getAttribute('open')).toBeNull();
    expect(await restored.locator('li').first().textContent()).toMatch(/^From your last visit/);
    expect(await page.getByTestId('plan-data').innerText()).toContain(`your file ${H1B_NAME}`);
    // The dataset list holds the file, not only the note.
    await expect.poll(() => page.getByTestId('datasets').innerText()).toContain(H1B_NAME);
  });

  it('names a file that could not be kept as gone after a reload, in the plan strip and the report', async () => {
    // The store's record of the file loses its bytes, as when the browser refused the space.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('shortage-atlas-uploads');
          open.onerror = () => reject(new Error('the kept files store did not open'));
          open.onsuccess = () => {
            const tx = open.result.transaction('files', 'readwrite');
            const store = tx.objectStore('files');
            const all = store.getAll();
            all.onsuccess = () => {
              for (const f of all.result as { blob: Blob | null; notKept?: string }[])
                store.put({ ...f, blob: null, notKept: 'over the space' });
            };
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onerror = () => reject(new Error('the kept file could not be changed'));
          };
        }),
    );
    await page.reload();
    await waitReady(page);
    await expect.poll(() => page.getByTestId('gone-upload').first().getAttribute('data-file'), { timeout: 60_000 }).toBe(H1B_NAME);
    expect(await page.getByTestId('plan-data').innerText()).toContain(`Not loaded now: ${H1B_NAME}`);
    expect(await page.getByTestId('plan-data').innerText()).toContain('no file of yours is loaded');
    await page.goto(`${server.url}#report`);
    await waitReady(page);
    // The report's preview is the exported file's HTML.
    await expect
      .poll(async () => (await page.getByTestId('report-frame').getAttribute('srcdoc')) ?? '', { timeout: 90_000 })
      .toMatch(new RegExp(`<p class="data-used">[^<]*Not loaded now: ${H1B_NAME.replaceAll('.', '\\.')}`));
  });

  it('says when a file is larger than the room this browser gives the app: loaded in this tab, not kept', async () => {
    // The browser's storage estimate as a nearly full profile reports it: 100 bytes left.
    const tab = await browser.context.newPage();
    try {
      await tab.addInitScript(() => {
        Object.defineProperty(navigator.storage, 'estimate', { value: () => Promise.resolve({ usage: 1_000, quota: 1_100 }) });
      });
      await tab.goto(`${server.url}#data`);
      await waitReady(tab);
      await tab.waitForFunction(() => document.querySelector('.app')?.getAttribute('data-engine') === 'ready', null, { timeout: 60_000 });
      const name = 'hpsa_quota_check.csv';
      await tab.getByTestId('dataset-upload').setInputFiles({ name, mimeType: 'text/csv', buffer: fs.readFileSync(CA_PC_EXCERPT) });
      const shown = tab.locator(`[data-testid="upload-outcome"][data-file="${name}"]`);
      await expect
        .poll(() => shown.innerText(), { timeout: 60_000 })
        .toMatch(/Not kept in this browser: it needs .* MB and this browser allows the app 0(\.0)? MB more/);
      expect(await shown.innerText()).toMatch(/stays loaded in this tab until you reload or close it/);
      expect(await tab.getByTestId('datasets').innerText()).toContain(name);
    } finally {
      await tab.close();
    }
  });

  it('asks before an older HRSA snapshot replaces a newer one, and says when a kept file stops being kept', async () => {
    await page.goto(`${server.url}#data`);
    await waitReady(page);
    const newer = fs.readFileSync(CA_PC_EXCERPT, 'utf8');
    const older = newer.replaceAll('27/03/2024', '27/03/2023').replaceAll('03/27/2024', '03/27/2023');
    await page.getByTestId('dataset-upload').setInputFiles([
      { name: 'hpsa-2024.csv', mimeType: 'text/csv', buffer: Buffer.from(newer) },
      { name: 'hpsa-2023.csv', mimeType: 'text/csv', buffer: Buffer.from(older) },
    ]);
    const question = page.getByTestId('upload-question');
    await question.waitFor({ timeout: 60_000 });
    expect(await question.innerText()).toMatch(
      /hpsa-2023\.csv is HRSA's snapshot of 2023-03-27, older than the Primary Care designations of 2024-03-27/,
    );
    await page.getByTestId('upload-answer-yes').click();
    await settled();
    await expect.poll(() => outcome('hpsa-2023.csv').innerText(), { timeout: 60_000 }).toMatch(/an older snapshot: it replaced/);
    await expect
      .poll(() => page.getByTestId('kept-notice').allInnerTexts(), { timeout: 30_000 })
      .toContain('hpsa-2024.csv is no longer kept for your next visit: hpsa-2023.csv, loaded after it, replaced all of its data.');
    await page.reload();
    await waitReady(page);
    const restored = page.getByTestId('restored-uploads');
    await expect.poll(() => restored.locator('li[data-file="hpsa-2023.csv"]').getAttribute('data-state'), { timeout: 60_000 }).toBe('ok');
    expect(await restored.locator('li[data-file="hpsa-2024.csv"]').count()).toBe(0);
  });

  it('has no console errors and makes no request off its own origin', () => {
    expect(seen.consoleErrors).toEqual([]);
    expect(seen.offOrigin).toEqual([]);
  });
});
