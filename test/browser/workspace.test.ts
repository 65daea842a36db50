// What people do with the workspace across tabs, reloads and imports, in the built app in Chromium:
// several pages of one persistent profile, as several tabs of one browser.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { SCREENSHOTS, launch, serveDist, waitReady, watch } from './harness';
import { pipelineTemplateCsv } from '../../src/model/pipeline';
import { emptyWorkspace, serializeWorkspace, type Workspace } from '../../src/model/workspace';
import { makeCandidate } from '../helpers/candidate';
import { CA_PC_EXCERPT } from '../helpers/shared';
import { DOL_EXCERPT, FIXTURES } from '../helpers/market-fixture';

let server: Awaited<ReturnType<typeof serveDist>>;
let browser: Awaited<ReturnType<typeof launch>>;
const watched: { page: Page; seen: ReturnType<typeof watch> }[] = [];

beforeAll(async () => {
  server = await serveDist();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * A tab of the app. A stale tab hears nothing from the others (its BroadcastChannel drops what
 * comes in), as a tab asleep in the background; what it saves, the others hear.
 */
async function openTab(context: BrowserContext, options: { stale?: boolean; width?: number } = {}): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.setViewportSize({ width: options.width ?? 1440, height: 1000 });
  await page.addInitScript((stale) => {
    const w = window as unknown as { cspViolations: string[]; BroadcastChannel: typeof BroadcastChannel };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    if (stale) {
      w.BroadcastChannel = class Deaf extends BroadcastChannel {
        set onmessage(_: BroadcastChannel['onmessage']) {}
        get onmessage(): BroadcastChannel['onmessage'] {
          return null;
        }
      };
    }
  }, options.stale ?? false);
  watched.push({ page, seen: watch(page, server.origin) });
  await page.goto(`${server.url}#targets`);
  await waitReady(page);
  await page.getByTestId('target-new').waitFor();
  return page;
}

const targetRows = (page: Page) => page.locator('[data-testid="targets-table"] tbody tr[data-target]').count();
const hiresOf = (page: Page, id: string) =>
  page.locator(`[data-testid="targets-table"] tbody tr[data-target="${id}"] td`).nth(3).innerText();
const saved = (page: Page) => expect.poll(() => page.getByTestId('save-state').innerText()).toMatch(/Saved in this browser/);
const notice = (page: Page) => page.getByTestId('tab-notice').locator('p').innerText();

async function addTarget(page: Page, state: string, hires: number): Promise<void> {
  await page.getByTestId('target-new').click();
  await page.getByTestId('target-region').selectOption(`st:${state}`);
  await page.getByTestId('target-hires').fill(String(hires));
  await page.getByTestId('target-save').click();
  await saved(page);
}

async function editHires(page: Page, id: string, hires: number): Promise<void> {
  await page.locator(`[data-testid="targets-table"] tbody tr[data-target="${id}"]`).getByRole('button', { name: 'Edit' }).click();
  await page.getByTestId('target-hires').fill(String(hires));
  await page.getByTestId('target-save').click();
}

/** The workspace as the Export button writes it: what the tab holds, read by the person's own file. */
async function exported(page: Page): Promise<Workspace> {
  await page.locator('[data-tab="targets"]').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('workspace-export').click()]);
  return JSON.parse(fs.readFileSync(await download.path(), 'utf8')) as Workspace;
}

/** A new target's due quarter, as the form sets it: any quarter. */
const DUE = '\\d{4}-Q\\d';

const shot = async (page: Page, name: string) => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage: false });
};

describe('two tabs of one browser', () => {
  let a: Page;
  let b: Page;

  it('changing the workspace in turn leave both changes saved, and a third tab sees both', async () => {
    a = await openTab(browser.context);
    b = await openTab(browser.context);
    const template = pipelineTemplateCsv();
    const candidateIds = template
      .split('\r\n')
      .slice(1)
      .filter(Boolean)
      .map((line) => line.split(',')[0]);
    expect(candidateIds).toHaveLength(2);

    await a.locator('[data-tab="pipeline"]').click();
    await a.getByTestId('pipeline-upload').setInputFiles({ name: 'pipeline.csv', mimeType: 'text/csv', buffer: Buffer.from(template) });
    await expect.poll(() => a.getByTestId('pipeline-message').innerText()).toMatch(/^Imported 2 candidate\(s\) from pipeline\.csv/);
    await expect.poll(() => notice(b)).toMatch(/^Another tab saved changes at .*: 2 candidates added\.$/);
    await shot(b, 'workspace-tab-notice-1440.png');

    await addTarget(b, 'TX', 2);
    await expect.poll(() => notice(a)).toMatch(/1 target added\.$/);
    await a.locator('[data-tab="targets"]').click();
    await expect.poll(() => targetRows(a)).toBe(1);
    await addTarget(a, 'CA', 3);
    await expect.poll(() => targetRows(b)).toBe(2);

    await a.reload();
    await waitReady(a);
    await expect.poll(() => targetRows(a)).toBe(2);
    const c = await openTab(browser.context);
    const seenByC = await exported(c);
    expect(seenByC.candidates.map((x) => x.id).sort()).toEqual([...candidateIds].sort());
    expect(seenByC.targets.map((t) => [t.region, t.hires])).toEqual([
      [{ kind: 'state', state: 'TX' }, 2],
      [{ kind: 'state', state: 'CA' }, 3],
    ]);
    await c.close();
  });

  it('a tab that heard nothing keeps its new target beside the other tab’s, and asks when both changed one target', async () => {
    const stale = await openTab(browser.context, { stale: true, width: 390 });
    await addTarget(a, 'NM', 4);
    expect(await targetRows(stale)).toBe(2);
    // Both tabs number their new target "target-3": the stale tab's is kept under the next id.
    await addTarget(stale, 'NV', 5);
    await expect
      .poll(() => notice(stale))
      .toMatch(
        /^Another tab added target “primary care in NM, 4 by \d{4}-Q\d” while this tab added target “primary care in NV, 5 by \d{4}-Q\d”: both are kept\.$/,
      );
    await expect.poll(() => targetRows(stale)).toBe(4);
    await expect.poll(() => targetRows(a)).toBe(4);

    // Both change target-1; the stale tab's write finds the other's and asks.
    await editHires(a, 'target-1', 7);
    await saved(a);
    await editHires(stale, 'target-1', 9);
    await expect
      .poll(() => stale.getByTestId('save-conflict').innerText())
      .toMatch(
        /Another tab changed target “primary care in TX, 7 by \d{4}-Q\d” after this tab last saw it, so this tab’s change was not saved/,
      );
    expect(await hiresOf(stale, 'target-1')).toBe('7');
    // The question stays in view where the person is, at the table.
    expect(await stale.getByTestId('save-conflict').isVisible()).toBe(true);
    const box = await stale.getByTestId('save-conflict').boundingBox();
    expect(box && box.y >= 0 && box.y < 1000).toBe(true);
    await shot(stale, 'workspace-conflict-390.png');
    await stale.getByRole('button', { name: 'Keep this tab’s version' }).click();
    await saved(stale);
    await expect.poll(() => hiresOf(a, 'target-1')).toBe('9');

    const c = await openTab(browser.context);
    const seenByC = await exported(c);
    expect(seenByC.targets.map((t) => [t.id, t.region.kind === 'state' ? t.region.state : '', t.hires])).toEqual([
      ['target-1', 'TX', 9],
      ['target-2', 'CA', 3],
      ['target-3', 'NM', 4],
      ['target-4', 'NV', 5],
    ]);
    expect(seenByC.candidates).toHaveLength(2);
    await c.close();
    await stale.close();
  });

  it('an import says what it adds, replaces and removes, asks, and can be undone after a reload', async () => {
    const before = await exported(a);
    const [first, second] = before.candidates;
    // A file with no targets, one candidate changed and one new: as a colleague's older export might be.
    const file: Workspace = {
      ...before,
      targets: [],
      diversityTargets: [],
      candidates: [
        // A field this app does not read (a newer version's): named before the import, not imported.
        { ...first, countryOfTraining: 'Kenya', ...({ pager: '555-0100' } as object) },
        { ...second, id: 'NEW-1' },
      ],
    };
    const upload = () =>
      a.getByTestId('workspace-import').setInputFiles({
        name: 'colleague.json',
        mimeType: 'application/json',
        buffer: Buffer.from(serializeWorkspace(file)),
      });
    await upload();
    const preview = await a.getByTestId('import-preview').innerText();
    expect(preview).toContain('Adds: 1 candidate (NEW-1)');
    expect(preview).toContain(`Replaces with the file’s version: 1 candidate (${first.id})`);
    expect(preview).toMatch(
      new RegExp(
        `Removes \\(not in the file\\): 4 targets \\(primary care in TX, 9 by ${DUE}; primary care in CA, 3 by ${DUE}; primary care in NM, 4 by ${DUE}; primary care in NV, 5 by ${DUE}\\); 1 candidate \\(${second.id}\\)`,
      ),
    );
    expect(await a.getByTestId('import-left-out').innerText()).toMatch(
      /^Not imported: 1 field this app does not read .*: candidates\[0\]\.pager\.$/,
    );
    await shot(a, 'workspace-import-preview-1440.png');
    await a.setViewportSize({ width: 390, height: 900 });
    await a.getByTestId('import-preview').scrollIntoViewIfNeeded();
    await shot(a, 'workspace-import-preview-390.png');
    await a.setViewportSize({ width: 1440, height: 1000 });
    await a.getByTestId('import-cancel').click();
    expect(await targetRows(a)).toBe(4);

    await upload();
    await a.getByTestId('import-confirm').click();
    await expect.poll(() => a.getByTestId('workspace-message').innerText()).toMatch(/^Imported colleague\.json\./);
    await expect.poll(() => targetRows(a)).toBe(0);
    await expect.poll(() => targetRows(b)).toBe(0);
    await saved(a);

    await a.reload();
    await waitReady(a);
    await expect.poll(() => a.getByTestId('import-undo-row').innerText()).toMatch(/Last import: colleague\.json/);
    await a.getByTestId('import-undo-row').scrollIntoViewIfNeeded();
    await shot(a, 'workspace-import-undo-1440.png');
    await a.getByTestId('import-undo').click();
    await expect.poll(() => a.getByTestId('workspace-message').innerText()).toMatch(/^The import of colleague\.json is undone/);
    await expect.poll(() => targetRows(a)).toBe(4);
    await expect.poll(() => targetRows(b)).toBe(4);
    await saved(a);
    await a.reload();
    await waitReady(a);
    const after = await exported(a);
    expect({ ...after, savedAt: '' }).toEqual({ ...before, savedAt: '' });
    expect(await a.getByTestId('import-undo-row').count()).toBe(0);
  });

  it('keeps a change made after the import when the import is undone', async () => {
    const before = await exported(a);
    await a.getByTestId('workspace-import').setInputFiles({
      name: 'no-targets.json',
      mimeType: 'application/json',
      buffer: Buffer.from(serializeWorkspace({ ...before, targets: [], diversityTargets: [] })),
    });
    await a.getByTestId('import-confirm').click();
    await expect.poll(() => targetRows(a)).toBe(0);
    await addTarget(b, 'ME', 6); // made in the other tab after the import: "target-1" again
    await expect.poll(() => targetRows(a)).toBe(1);
    await a.getByTestId('import-undo').click();
    await expect
      .poll(() => a.getByTestId('workspace-message').innerText())
      .toMatch(
        /except what was changed after the import[\s\S]*Kept as changed after the import: target “primary care in ME, 6 by \d{4}-Q\d”/,
      );
    const after = await exported(a);
    expect(after.targets.map((t) => [t.id, t.hires])).toEqual([
      ['target-1', 6],
      ['target-2', 3],
      ['target-3', 4],
      ['target-4', 5],
    ]);
  });

  it('shows no console error, CSP violation or request off the origin in any tab', async () => {
    for (const { page, seen } of watched) {
      if (page.isClosed()) continue;
      expect(seen.consoleErrors).toEqual([]);
      expect(seen.offOrigin).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    }
  });
});

describe('a target deleted in one tab while another tab edits it', () => {
  it('comes back with the edit, in both tabs and after a reload, and the editing tab says why', async () => {
    const profile = await launch();
    try {
      const a = await openTab(profile.context);
      const b = await openTab(profile.context);
      await addTarget(a, 'TX', 2);
      await addTarget(a, 'CA', 3);
      await expect.poll(() => targetRows(b)).toBe(2);
      const row = (page: Page) => page.locator('[data-testid="targets-table"] tbody tr[data-target="target-1"]');
      await row(b).getByRole('button', { name: 'Edit' }).click();
      await b.getByTestId('target-hires').fill('7');
      await row(a).getByTestId('target-delete').click();
      await saved(a);
      await expect.poll(() => notice(b)).toMatch(/1 target removed/);
      await b.getByTestId('target-save').click();
      await expect
        .poll(() => b.getByTestId('target-restored').innerText())
        .toMatch(/^Another tab had deleted this target while you edited it/);
      await saved(b);
      await expect.poll(() => hiresOf(a, 'target-1')).toBe('7');
      await a.reload();
      await waitReady(a);
      await expect.poll(() => hiresOf(a, 'target-1')).toBe('7');
      expect(await targetRows(a)).toBe(2);
    } finally {
      await profile.close();
    }
  });
});

describe('one target edited in two tabs at once', () => {
  it('keeps both tabs’ changes to different fields, and says so in the tab that saved last', async () => {
    const profile = await launch();
    try {
      const a = await openTab(profile.context);
      const b = await openTab(profile.context);
      await addTarget(a, 'TX', 5);
      await expect.poll(() => targetRows(b)).toBe(1);
      const edit = (page: Page) =>
        page.locator('[data-testid="targets-table"] tbody tr[data-target="target-1"]').getByRole('button', { name: 'Edit' }).click();
      await edit(a);
      await edit(b);
      await a.getByTestId('target-hires').fill('10');
      await a.getByTestId('target-save').click();
      await saved(a);
      await expect.poll(() => hiresOf(b, 'target-1')).toBe('10');
      // B's form was opened on 5 hires; it changes only the owner.
      await b.getByTestId('target-owner').fill('Bob');
      await b.getByTestId('target-save').click();
      await expect
        .poll(() => b.getByTestId('target-merged').innerText())
        .toBe('Another tab changed this target while you edited it. Its change to the hires is kept.');
      await saved(b);
      for (const page of [a, b]) {
        await expect.poll(() => hiresOf(page, 'target-1')).toBe('10');
        await expect
          .poll(() => page.locator('[data-testid="targets-table"] tbody tr[data-target="target-1"]').innerText())
          .toContain('Bob');
      }
      await a.reload();
      await waitReady(a);
      await expect.poll(() => hiresOf(a, 'target-1')).toBe('10');
    } finally {
      await profile.close();
    }
  });
});

describe('undo of a delete after a new target was added', () => {
  it('brings the deleted target back beside the new one, and a typed "-5" hires is refused, not saved as 5', async () => {
    const profile = await launch();
    try {
      const page = await openTab(profile.context);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await addTarget(page, 'TX', 3);
      await addTarget(page, 'CA', 4);
      await page.locator('[data-testid="targets-table"] tbody tr[data-target="target-2"]').getByTestId('target-delete').click();
      await addTarget(page, 'OR', 6);
      await page.getByTestId('target-undo').click();
      await saved(page);
      await expect.poll(() => targetRows(page)).toBe(3);
      const hires = await page
        .locator('[data-testid="targets-table"] tbody tr[data-target]')
        .evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[3]?.textContent).sort());
      expect(hires).toEqual(['3', '4', '6']);
      expect(await page.getByTestId('target-undo').count()).toBe(0);
      expect(errors).toEqual([]);

      await page.getByTestId('target-new').click();
      await page.getByTestId('target-hires').fill('');
      await page.getByTestId('target-hires').pressSequentially('-5');
      expect(await page.getByTestId('target-hires').inputValue()).toBe('-5');
      await page.getByTestId('target-save').click();
      // The browser's own check stops it (the field's minimum is 1): the form stays open, nothing is added.
      expect(await page.getByTestId('target-hires').evaluate((i: HTMLInputElement) => i.validity.rangeUnderflow)).toBe(true);
      expect(await page.getByTestId('target-form').isVisible()).toBe(true);
      expect(await targetRows(page)).toBe(3);
    } finally {
      await profile.close();
    }
  });
});

describe('a workspace saved by the version that kept it as one record', () => {
  it('is read whole after the update, and the old record is kept', async () => {
    const profile = await launch();
    try {
      const page = await profile.context.newPage();
      const old: Workspace = {
        ...emptyWorkspace(new Date('2026-10-01T09:00:00Z')),
        serviceAreas: [{ id: 'area-1', name: 'Rio Grande', counties: ['35001'], states: [] }],
        targets: [
          {
            id: 'target-1',
            profession: 'physician',
            specialty: 'psychiatry',
            region: { kind: 'service-area', id: 'area-1' },
            hires: 3,
            dueQuarter: '2027-Q4',
            priority: 'high',
            owner: 'CMO',
            note: 'old note',
          },
        ],
        candidates: [makeCandidate({ id: 'c-old' })],
        assumptions: { h1bFeeScenario: 'not-applied' },
      };
      // A page of the app's origin that is not the app, to write IndexedDB as version 1 did.
      await page.goto(`${server.url}datasets/embedded.json`);
      await page.evaluate(
        (text) =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open('shortage-atlas', 1);
            open.onupgradeneeded = () => open.result.createObjectStore('workspace');
            open.onsuccess = () => {
              const tx = open.result.transaction('workspace', 'readwrite');
              tx.objectStore('workspace').put(text, 'current');
              tx.oncomplete = () => (open.result.close(), resolve());
              tx.onerror = () => reject(new Error('could not write the old record'));
            };
          }),
        serializeWorkspace(old),
      );
      await page.goto(`${server.url}#targets`);
      await waitReady(page);
      await expect.poll(() => targetRows(page)).toBe(1);
      const seen = await exported(page);
      expect({ ...seen, savedAt: '' }).toEqual({ format: 'shortage-atlas-workspace', ...old, savedAt: '' });
      const kept = await page.evaluate(
        () =>
          new Promise<unknown>((resolve) => {
            const open = indexedDB.open('shortage-atlas');
            open.onsuccess = () => {
              const get = open.result.transaction('workspace').objectStore('workspace').get('current');
              get.onsuccess = () => (open.result.close(), resolve(get.result));
            };
          }),
      );
      expect(kept).toBe(serializeWorkspace(old));
    } finally {
      await profile.close();
    }
  });
});

describe('the page’s Content-Security-Policy', () => {
  it('lets the app start, an HRSA and a DOL upload load and the report preview show, with no violation', async () => {
    const page = await openTab(browser.context);
    const seen = watched[watched.length - 1].seen;
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toMatch(/default-src 'self'/);
    expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    await page.locator('[data-tab="data"]').click();
    await page.getByTestId('dataset-upload').setInputFiles(CA_PC_EXCERPT);
    await expect.poll(() => page.getByTestId('upload-message').innerText(), { timeout: 60_000 }).toMatch(/^Loaded /);
    await page.getByTestId('dataset-upload').setInputFiles(path.join(FIXTURES, DOL_EXCERPT));
    await expect.poll(() => page.getByTestId('upload-message').innerText(), { timeout: 60_000 }).toMatch(/^Loaded dol_lca/);
    await page.locator('[data-tab="report"]').click();
    const frame = page.frameLocator('[data-testid="report-frame"]');
    await expect.poll(() => frame.locator('h1').innerText(), { timeout: 60_000 }).toMatch(/\S/);
    // The report's own inline style sheet applies inside the frame (the frame inherits the page's policy).
    expect(await frame.locator('body').evaluate((b) => getComputedStyle(b).maxWidth)).toBe('1216px'); // 76rem: the sheet's rule, not the browser's default 'none'
    expect(seen.consoleErrors).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    await page.close();
  });
});
