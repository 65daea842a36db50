// The screens name their sources by publisher, as a reader can look them up: the project's own
// source keys (S13, R4) and its notes file appear only in the Assumptions panel, which lists each
// key with its publisher, title and address beside it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type OpenApp } from './harness';
import { withPublishers } from '../../src/model/timing/sources';

let app: OpenApp;
beforeAll(async () => {
  app = await openApp('#targets');
  await app.page.waitForFunction(() => document.querySelector('.app')?.getAttribute('data-engine') === 'ready', null, { timeout: 60_000 });
  await app.page.getByTestId('sample-load').click();
  await app.page.getByTestId('sample-summary').waitFor();
});
afterAll(async () => {
  await app?.browser.close();
  await app?.server.close();
});

/** Text on the page that names a source key or the notes file, outside the Assumptions panel. */
async function internalReferences(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      if (n.parentElement?.closest('[data-testid="assumptions"]')) continue;
      const text = n.textContent ?? '';
      const m = /\b[SR]\d{1,3}\b|domain\.md/.exec(text);
      if (m) found.push(text.slice(Math.max(0, m.index - 60), m.index + 20));
    }
    return found;
  });
}

describe('sources on screen', () => {
  it('a key in the model’s text reads as its publisher', () => {
    expect(withPublishers('without one (S31); check it')).not.toMatch(/S31/);
    const fees = withPublishers('fees (R1, R2, S15); not legal costs');
    expect(fees).toContain('US Citizenship and Immigration Services');
    expect(fees).not.toMatch(/\b[SR]\d/);
    expect(withPublishers('cap-exempt (8 CFR 214.2(h)(19)(iii); domain.md S14) and')).toBe(
      'cap-exempt (8 CFR 214.2(h)(19)(iii); US Code of Federal Regulations) and',
    );
  });

  it.each(['#targets', '#market', '#pipeline', '#pipeline/SAMPLE-P031', '#map'])(
    '%s names no source key outside the Assumptions panel',
    async (at) => {
      const { page } = app;
      await page.evaluate((hash) => (location.hash = hash), at);
      await page.waitForTimeout(1500);
      expect(await internalReferences(page)).toEqual([]);
    },
  );
});
