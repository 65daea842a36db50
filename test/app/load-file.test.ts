// An HRSA upload through the app layer, on the real engine: DuckDB reads the file, the coordinator
// rebuilds the summaries from it before the views ask again, uploads run one at a time, and a file
// the engine cannot take leaves the views on the data loaded before.
import { beforeEach, describe, expect, it } from 'vitest';
import { loadDataFile } from '../../src/app/data/load-file';
import { Coordinator } from '../../src/data/cache/coordinator';
import type { SqlEngine } from '../../src/data/engine/engine';
import { areaDesignations, shortageSummary } from '../../src/data/queries/shortage';
import { DEFAULT_VIEW, type MapView } from '../../src/model/map-view';
import { loadEmbeddedDatasets } from '../helpers/app-data';
import { createNodeEngine } from '../helpers/duckdb-node';
import { bytes, hpsaCsv } from '../helpers/hpsa-fixture';
import { CA_PC_EXCERPT, parseRows, readExcerpt } from '../helpers/shared';

const VIEW: MapView = { ...DEFAULT_VIEW, statuses: [] };
const fmt = (n: number) => n.toLocaleString('en-US');

let db: SqlEngine;
beforeEach(async () => {
  db = await createNodeEngine();
  await loadEmbeddedDatasets(db);
});

/** The totals card's figures, as the coordinator serves them to the views. */
const totals = (c: Coordinator) => c.query(shortageSummary(VIEW, null));

const engineRows = async (engine: SqlEngine) => (await engine.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM hpsa'))[0].n;

/** The engine with the statements containing `sql` failing, as a crash or lack of memory would. */
function failing(engine: SqlEngine, sql: string): SqlEngine {
  return new Proxy(engine, {
    get(target, key) {
      if (key === 'query')
        return (text: string, params?: unknown[]) =>
          text.includes(sql) ? Promise.reject(new Error('Out of Memory Error (injected)')) : target.query(text, params);
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

describe('an HRSA upload', () => {
  it('says what the file holds, and every view then reads it: totals and the details of a county', async () => {
    const rows = parseRows(CA_PC_EXCERPT);
    const ids = new Set(rows.map((r) => r['HPSA ID']));
    const coordinator = new Coordinator(db);
    const before = await totals(coordinator);
    const { outcome, added } = await loadDataFile(coordinator, readExcerpt(), 'excerpt.csv');
    expect(outcome.ok).toBe(true);
    expect(outcome.text).toContain(`${fmt(ids.size)} designations`);
    expect(outcome.text).toContain(`in ${fmt(rows.length)} component rows`);
    expect(added?.rows).toBe(rows.length);
    expect(await engineRows(db)).toBe(rows.length);
    const [shown] = await totals(coordinator);
    expect(shown).not.toEqual(before[0]);
    expect(shown.designations).toBe(ids.size);
    const county = rows.find((r) => r['HPSA Status'] === 'Designated')!['Common State County FIPS Code'].padStart(5, '0');
    const details = await coordinator.query(areaDesignations(VIEW, county));
    const inCounty = new Set(rows.filter((r) => r['Common State County FIPS Code'].padStart(5, '0') === county).map((r) => r['HPSA ID']));
    expect(new Set(details.map((d) => d.hpsa_id))).toEqual(inCounty);
  });

  it('runs uploads one at a time: the last one is what the engine and the views hold', async () => {
    const coordinator = new Coordinator(db);
    const small = hpsaCsv([{}, { 'HPSA ID': '1069999902' }, { 'HPSA ID': '1069999903', 'HPSA Status': 'Withdrawn' }]);
    const [first, second] = await Promise.all([
      loadDataFile(coordinator, readExcerpt(), 'excerpt.csv'),
      loadDataFile(coordinator, bytes(small), 'small.csv'),
    ]);
    expect([first.outcome.ok, second.outcome.ok]).toEqual([true, true]);
    expect(await engineRows(db)).toBe(3);
    expect((await totals(coordinator))[0].designations).toBe(3);
  });

  it('leaves everything as it was when the engine fails while swapping the file in', async () => {
    const coordinator = new Coordinator(failing(db, 'RENAME TO hpsa'));
    const before = await totals(coordinator);
    const rowsBefore = await engineRows(db);
    const { outcome, added } = await loadDataFile(coordinator, readExcerpt(), 'excerpt.csv');
    expect(outcome.ok).toBe(false);
    expect(added).toBeUndefined();
    expect(outcome.text).toBe('excerpt.csv could not be loaded; the data already loaded is unchanged.');
    // The engine's own words ("Out of Memory Error: …") become what a person can do about it.
    expect(!outcome.ok && outcome.details.join(' ')).toMatch(/^the browser ran out of memory for it: close other tabs/);
    expect(!outcome.ok && outcome.details.join(' ')).not.toContain('Error:');
    expect(await engineRows(db)).toBe(rowsBefore);
    expect(await totals(coordinator)).toEqual(before);
  });

  it('changes nothing when the checks refuse the file, and the message names the line', async () => {
    const coordinator = new Coordinator(db);
    const before = await totals(coordinator);
    const noId = hpsaCsv([{}, { 'HPSA ID': '' }]);
    const { outcome, added } = await loadDataFile(coordinator, bytes(noId), 'no-id.csv');
    expect([outcome.ok, added]).toEqual([false, undefined]);
    expect(outcome.ok === false && outcome.details.join(' ')).toContain('first at line 3');
    expect(await totals(coordinator)).toEqual(before);
  });
});

describe('the message after an upload', () => {
  it('ends each sentence with one full stop (the market summaries end with their own)', async () => {
    const { fixtureBytes, DOL_EXCERPT, H1B_2023_EXCERPT } = await import('../helpers/market-fixture');
    const coordinator = new Coordinator(db);
    for (const [name, file] of [
      [DOL_EXCERPT, fixtureBytes(DOL_EXCERPT)],
      [H1B_2023_EXCERPT, fixtureBytes(H1B_2023_EXCERPT)],
      ['excerpt.csv', readExcerpt()],
    ] as const) {
      const { outcome } = await loadDataFile(coordinator, file, name);
      expect(outcome.ok, outcome.text).toBe(true);
      expect(outcome.text).toMatch(/[^.]\.$/);
      expect(outcome.text).not.toContain('..');
    }
  });
});
