// The view a user chose is kept (issue 26, 5): the map's level and measure and the Market's
// occupation and place come back after a reload, and in a new tab opened at the bare address.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, waitReady } from './harness';

/** A choice other than the one shown: the last option of the select that is not its value now. */
async function otherOption(page: Page, testId: string): Promise<string> {
  const select = page.getByTestId(testId);
  const now = await select.inputValue();
  const values = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  const other = values.filter((v) => v !== now).at(-1);
  if (!other) throw new Error(`${testId} offers no other choice than ${now}`);
  return other;
}

const shownMap = async (page: Page) => ({
  level: await page.locator('input[name="level"]:checked').getAttribute('value'),
  metric: await page.getByTestId('filter-metric').inputValue(),
});
const shownMarket = async (page: Page) => ({
  occupation: await page.getByTestId('market-occupation').inputValue(),
  place: await page.getByTestId('market-region').inputValue(),
});

describe('view choices', () => {
  it('come back after a reload and in a new tab at the bare address', async () => {
    const { server, browser, page, seen } = await openApp('');
    try {
      await page.locator('input[name="level"][value="county"]').check();
      await page.getByTestId('filter-metric').selectOption(await otherOption(page, 'filter-metric'));
      const map = await shownMap(page);
      expect(map.level).toBe('county');
      await page.evaluate(() => (location.hash = '#market'));
      await page.getByTestId('market-occupation').selectOption(await otherOption(page, 'market-occupation'));
      await page.getByTestId('market-region').selectOption(await otherOption(page, 'market-region'));
      const market = await shownMarket(page);
      // Written once the views have redrawn: wait for the address to say so.
      await expect.poll(() => page.evaluate(() => location.search)).toContain('level=county');

      await page.reload();
      await waitReady(page);
      expect(await shownMarket(page)).toEqual(market);
      await page.evaluate(() => (location.hash = '#map'));
      expect(await shownMap(page)).toEqual(map);

      const tab = await browser.context.newPage();
      await tab.goto(server.url);
      await waitReady(tab);
      expect(await tab.evaluate(() => location.search)).toBe('');
      expect(await shownMap(tab)).toEqual(map);
      await tab.evaluate(() => (location.hash = '#market'));
      expect(await shownMarket(tab)).toEqual(market);
      expect(seen.consoleErrors).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
