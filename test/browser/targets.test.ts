import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations, waitReady, SCREENSHOTS, openApp, type OpenApp } from './harness';
import { datasetRows } from '../helpers/fixtures';

let server: OpenApp['server'];
let browser: OpenApp['browser'];
let page: Page;
let seen: OpenApp['seen'];

const targetRows = () => page.locator('[data-testid="targets-table"] tbody tr[data-target]').count();
const saved = () => expect.poll(() => page.getByTestId('save-state').innerText()).toMatch(/Saved in this browser/);

beforeAll(async () => {
  ({ server, browser, page, seen } = await openApp('?level=county&metric=fte_needed&states=CA&rural=rural', { timeoutMs: 20_000 }));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('service areas and targets', () => {
  it('builds a named service area from the map table', async () => {
    await page.getByTestId('service-area-name').fill('Rural California');
    await page.getByTestId('service-area-create').click();
    await expect.poll(() => page.getByTestId('service-area-add-all').isEnabled()).toBe(true);
    await page.getByTestId('service-area-add-all').click();
    await expect.poll(() => page.getByTestId('service-area-summary').innerText()).toMatch(/Rural California: \d+ counties\./);
    const before = await page.getByTestId('service-area-summary').innerText();
    // A typed list: a bad code is named and nothing is added; good codes are added.
    await page.getByText('Add whole states or a list of codes').click();
    await page.getByTestId('service-area-codes').fill('06037, XYZ');
    await page.getByTestId('service-area-add-codes').click();
    await expect
      .poll(() => page.getByTestId('service-area').innerText())
      .toMatch(/Not a county FIPS code or state code: XYZ\. Nothing was added\./);
    expect(await page.getByTestId('service-area-summary').innerText()).toBe(before);
    await page.getByTestId('service-area-codes').fill('NV');
    await page.getByTestId('service-area-add-codes').click();
    await expect.poll(() => page.getByTestId('service-area-summary').innerText()).toMatch(/Rural California: 1 whole state \(NV\)/);
    expect(await page.locator('[data-testid="shortage-map"] .overlay .outlined').count()).toBeGreaterThan(5);
  });

  it('suggests targets from HRSA figures only, one sentence each with the source, the floor and the rounding', async () => {
    await page.locator('[data-tab="targets"]').click();
    await expect.poll(() => page.getByTestId('suggestion').count()).toBe(2);
    const [detail, summary] = await page.getByTestId('suggestion').allInnerTexts();
    // California's counties from the detail file; Nevada, a whole state without one, from HRSA's newest summary that has it.
    expect(detail).toMatch(
      /Primary Care, HRSA detail file as of 2024-03-27 \(CA only\): [\d.,]+ FTE needed to remove \d+ designations — HRSA's floor, the FTE that brings each area to its ratio goal \([\d,:]+( or [\d,:]+)*\), not a recruiting target; \d+ of the \d+ carry an FTE figure, \d+ facility designations carry none; at a 33% share, [\d.,]+ → \d+ hires?, rounded up, by \d{4}-Q\d\./,
    );
    const nv = datasetRows('national/hpsa_state_summary.csv').find(
      (r) => r.state === 'NV' && r.discipline === 'Primary Care' && r.as_of === '2025-03-31',
    )!;
    const exact = Math.round(0.33 * Number(nv.practitioners_needed) * 100) / 100;
    expect(summary).toContain(
      `Primary Care, HRSA state summary as of 2025-03-31 (partial: 28 of 51 states) for NV: ${nv.practitioners_needed} FTE needed to remove ${nv.designations} designations — HRSA's floor`,
    );
    expect(summary).toContain(`at a 33% share, ${exact} → ${Math.ceil(exact)} hires, rounded up, by`);
    expect(await page.locator('[data-testid="suggestion"]').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-basis')))).toEqual([
      'detail',
      'summary',
    ]);
    expect(await page.getByTestId('suggestions').innerText()).not.toMatch(/estimate/i);
    // A share that is no share says so, instead of the suggestions vanishing as if there were no shortage.
    for (const share of ['', '0', '150']) {
      await page.getByTestId('suggest-share').fill(share);
      await expect.poll(() => page.getByTestId('suggestion').count()).toBe(0);
      expect(await page.getByTestId('suggest-share-problem').innerText()).toMatch(/enter a percentage above 0 and at most 100/);
    }
    await page.getByTestId('suggest-share').fill('33');
    await expect.poll(() => page.getByTestId('suggestion').count()).toBe(2);
    expect(await page.getByTestId('suggest-share-problem').count()).toBe(0);
    await page.getByTestId('suggestion-accept').first().click();
    await expect.poll(targetRows).toBe(1);
  });

  it('creates, edits and deletes a target with undo, and nothing is lost on reload', async () => {
    await page.getByTestId('target-new').click();
    await page.getByTestId('target-profession').selectOption('mls');
    // The user sets the number; the published context is beside it, never a suggested number.
    await expect
      .poll(() => page.getByTestId('target-context').innerText())
      .toMatch(/California: mean wage \$73,560 a year \(BLS OEWS, May 2023\)/);
    expect(await page.getByTestId('target-context').innerText()).toMatch(/18% of core laboratory positions/);
    await page.getByTestId('target-hires').fill('6');
    await page.getByTestId('target-owner').fill('Lab director');
    await page.getByTestId('target-note').fill('Night shift coverage');
    await page.getByTestId('target-save').click();
    await expect.poll(targetRows).toBe(2);
    // A site target: a county name that matches no county is refused with a message, nothing saved.
    await page.getByTestId('target-new').click();
    await page.getByTestId('target-region').selectOption('site');
    await page.getByTestId('target-site-name').fill('Mercy Clinic');
    await page.getByTestId('target-county').fill('Atlantis County');
    await page.getByTestId('target-save').click();
    await expect.poll(() => page.getByTestId('target-form').innerText()).toMatch(/No single county matches “Atlantis County”/);
    await page.getByTestId('target-county').fill('Fresno County, CA');
    await page.getByTestId('target-save').click();
    await expect.poll(targetRows).toBe(3);
    expect(await page.getByTestId('targets-table').innerText()).toMatch(/Mercy Clinic \(Fresno County, CA\)/);
    await page.locator('[data-testid="targets-table"] tbody tr', { hasText: 'Mercy Clinic' }).getByTestId('target-delete').click();
    await expect.poll(targetRows).toBe(2);
    await page.locator('[data-testid="targets-table"] tbody tr', { hasText: 'Lab director' }).getByTestId('target-delete').click();
    await expect.poll(targetRows).toBe(1);
    await page.getByTestId('target-undo').click();
    await expect.poll(targetRows).toBe(2);
    await page.getByTestId('diversity-add').click();
    await saved();
    const before = await page.getByTestId('targets-table').innerText();
    await page.reload();
    await waitReady(page);
    await expect.poll(targetRows).toBe(2);
    expect(await page.getByTestId('targets-table').innerText()).toBe(before);
    expect(await page.getByTestId('diversity-targets').innerText()).toMatch(/at least 50% IMGs/);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'targets.png'), fullPage: true });
    // The targets show on the map screen too, with their progress.
    await page.locator('[data-tab="map"]').click();
    await expect.poll(() => page.getByTestId('target-progress').locator('tbody tr').count()).toBe(2);
    expect(await page.getByTestId('target-progress').innerText()).toMatch(/Service area: Rural California/);
    await page.locator('[data-tab="targets"]').click();
  });

  it('exports the workspace, restores it into an empty browser, and a bad file changes nothing', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('workspace-export').click()]);
    const file = await download.path();
    const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(exported.format).toBe('shortage-atlas-workspace');
    expect(exported.targets).toHaveLength(2);
    const table = await page.getByTestId('targets-table').innerText();

    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const req = indexedDB.deleteDatabase('shortage-atlas');
          req.onsuccess = req.onerror = req.onblocked = () => resolve();
        }),
    );
    await page.reload();
    await waitReady(page);
    await expect.poll(targetRows).toBe(0);

    await page.getByTestId('workspace-import').setInputFiles(file);
    // The import says what it adds and asks first.
    await expect.poll(() => page.getByTestId('import-preview').innerText()).toMatch(/Adds: 1 service area \(Rural California\); 2 targets/);
    await page.getByTestId('import-confirm').click();
    await expect.poll(() => page.getByTestId('workspace-message').innerText()).toMatch(/^Imported /);
    await expect.poll(() => page.getByTestId('targets-table').innerText()).toBe(table);

    const bad = JSON.stringify(exported).replace(/"hires": ?\d+/, '"hires":1e309');
    expect(bad).toContain('1e309');
    await page.getByTestId('workspace-import').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
    await expect
      .poll(() => page.getByTestId('workspace-message').innerText())
      .toMatch(/bad\.json was not imported; your current workspace is unchanged[\s\S]*targets\[0\]\.hires/);
    expect(await page.getByTestId('targets-table').innerText()).toBe(table);
    await page.getByTestId('workspace-import').setInputFiles({
      name: 'future.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ ...exported, schemaVersion: 99 })),
    });
    await expect.poll(() => page.getByTestId('workspace-message').innerText()).toMatch(/future\.json was not imported[\s\S]*newer version/);
    await page.reload();
    await waitReady(page);
    await expect.poll(() => page.getByTestId('targets-table').innerText()).toBe(table);
  });

  it('has no serious accessibility violations and no console errors', async () => {
    const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious).toEqual([]);
    expect(seen.consoleErrors).toEqual([]);
    expect(seen.offOrigin).toEqual([]);
  });
});
