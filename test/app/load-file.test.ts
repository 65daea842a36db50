// An HRSA upload through the app layer, on the real engine: the views show the file as soon as it is
// read in JavaScript, the engine then holds exactly what they showed, uploads run one at a time,
// and a file the engine refuses after the views showed it takes them back to the data loaded before.
import { beforeEach, describe, expect, it } from 'vitest';
import { loadDataFile } from '../../src/app/data/load-file';
import { Coordinator } from '../../src/data/coordinator';
import type { SqlEngine } from '../../src/data/engine';
import { LocalIndex } from '../../src/data/local-index';
import { LOCAL_TABLES } from '../../src/data/local-tables';
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

/** The app's coordinator over `engine`, with the map's local tables loaded. */
async function appCoordinator(engine: SqlEngine): Promise<Coordinator> {
  const index = new LocalIndex(engine, LOCAL_TABLES);
  await index.all();
  return new Coordinator(engine, { index });
}

/** The totals card as the views show it now: answered locally, without the engine. */
function shownTotals(c: Coordinator) {
  const rows = c.peek(shortageSummary(VIEW, null));
  if (!rows) throw new Error('the totals were not answered locally');
  return rows;
}

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

describe('an HRSA upload shown ahead of the engine', () => {
  it('shows the file’s counts, and the engine then holds exactly the rows the views showed', async () => {
    const rows = parseRows(CA_PC_EXCERPT);
    const ids = new Set(rows.map((r) => r['HPSA ID']));
    const coordinator = await appCoordinator(db);
    const { outcome, added, later } = await loadDataFile(coordinator, readExcerpt(), 'excerpt.csv');
    expect(later, 'shown from the JavaScript read').toBeDefined();
    expect(outcome.ok).toBe(true);
    expect(outcome.text).toContain(`${fmt(ids.size)} designations`);
    expect(outcome.text).toContain(`in ${fmt(rows.length)} component rows`);
    expect(added?.rows).toBe(rows.length);
    const shown = shownTotals(coordinator);
    // A query only the engine answers, asked at once, waits for the engine and reads the new rows.
    const county = rows.find((r) => r['HPSA Status'] === 'Designated')!['Common State County FIPS Code'];
    const details = await coordinator.query(areaDesignations(VIEW, county.padStart(5, '0')));
    expect(details.length).toBeGreaterThan(0);
    for (const d of details) expect(ids.has(d.hpsa_id)).toBe(true);
    expect(await later).toBeNull();
    expect(await engineRows(db)).toBe(rows.length);
    const q = shortageSummary(VIEW, null);
    expect(await db.query(q.sql, q.params)).toEqual(shown);
  });

  it('runs uploads one at a time: the last one is what the engine and the views hold', async () => {
    const coordinator = await appCoordinator(db);
    const small = hpsaCsv([{}, { 'HPSA ID': '1069999902' }, { 'HPSA ID': '1069999903', 'HPSA Status': 'Withdrawn' }]);
    const [first, second] = await Promise.all([
      loadDataFile(coordinator, readExcerpt(), 'excerpt.csv'),
      loadDataFile(coordinator, bytes(small), 'small.csv'),
    ]);
    expect([first.outcome.ok, second.outcome.ok]).toEqual([true, true]);
    expect([await first.later, await second.later]).toEqual([null, null]);
    expect(await engineRows(db)).toBe(3);
    const q = shortageSummary(VIEW, null);
    expect(shownTotals(coordinator)).toEqual(await db.query(q.sql, q.params));
  });

  it('goes back to the data loaded before when the engine refuses the file after the views showed it', async () => {
    const coordinator = await appCoordinator(failing(db, 'RENAME TO hpsa'));
    const before = shownTotals(coordinator);
    const rowsBefore = await engineRows(db);
    const { outcome, later } = await loadDataFile(coordinator, readExcerpt(), 'excerpt.csv');
    expect(outcome.ok).toBe(true);
    expect(shownTotals(coordinator)).not.toEqual(before);
    const refused = await later;
    expect(refused?.ok).toBe(false);
    expect(refused?.text).toBe('excerpt.csv could not be loaded; the data already loaded is unchanged.');
    expect(refused && !refused.ok && refused.details.join(' ')).toContain('Out of Memory');
    expect(await engineRows(db)).toBe(rowsBefore);
    expect(shownTotals(coordinator)).toEqual(before);
  });

  it('goes back too when the engine could only read the file its careful way, which the views did not mirror', async () => {
    const coordinator = await appCoordinator(failing(db, 'dateformat ='));
    const before = shownTotals(coordinator);
    const { outcome, later } = await loadDataFile(coordinator, readExcerpt(), 'excerpt.csv');
    expect(outcome.ok).toBe(true);
    const refused = await later;
    expect(refused?.text).toBe(
      'excerpt.csv: the query engine did not read the file as the quick read in this page did; nothing was loaded and the data already loaded is unchanged.',
    );
    expect(shownTotals(coordinator)).toEqual(before);
  });

  it('is not shown ahead when the engine’s checks refuse the file: nothing changes, the message names the line', async () => {
    const coordinator = await appCoordinator(db);
    const before = shownTotals(coordinator);
    const noId = hpsaCsv([{}, { 'HPSA ID': '' }]);
    const { outcome, added, later } = await loadDataFile(coordinator, bytes(noId), 'no-id.csv');
    expect([outcome.ok, added, later]).toEqual([false, undefined, undefined]);
    expect(outcome.ok === false && outcome.details.join(' ')).toContain('first at line 3');
    expect(shownTotals(coordinator)).toEqual(before);
  });
});

describe('the message after an upload', () => {
  it('ends each sentence with one full stop (the market summaries end with their own)', async () => {
    const { fixtureBytes, DOL_EXCERPT, H1B_2023_EXCERPT } = await import('../helpers/market-fixture');
    const coordinator = await appCoordinator(db);
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
