// The leading H-1B sponsors are ranked by ONE fiscal year's initial approvals (the latest complete
// year loaded), never by FY2022 and a partial FY2023 added together. The expected ranking is made
// here from the committed USCIS excerpts read with PapaParse.
import { describe, it, expect, beforeAll } from 'vitest';
import type { SqlEngine } from '../../src/data/engine/engine';
import { sponsorsByYear, topSponsors, type MarketFilter } from '../../src/data/queries/market';
import {
  SPONSOR_WHOLE_STATE_NOTE,
  marketRegionLabel,
  sponsorPlaceLabel,
  sponsorYearsTable,
  sponsorsTable,
} from '../../src/app/market/market';
import { SAMPLE_SERVICE_AREA } from '../../src/app/plan/sample-data';
import type { NamedQuery } from '../../src/data/cache/coordinator';
import { createNodeEngine } from '../helpers/duckdb-node';
import { loadUpload } from '../helpers/app-data';
import { DOL_EXCERPT, H1B_2022_EXCERPT, H1B_2023_EXCERPT, fixtureBytes, fixtureText, parseRows, type Row } from '../helpers/market-fixture';

let db: SqlEngine;
const run = <R>(d: SqlEngine, q: NamedQuery<R>) => d.query<R>(q.sql, q.params);
const fy22 = parseRows(fixtureText(H1B_2022_EXCERPT));
const fy23 = parseRows(fixtureText(H1B_2023_EXCERPT));

beforeAll(async () => {
  db = await createNodeEngine();
  await loadUpload(db, fixtureBytes(DOL_EXCERPT), DOL_EXCERPT);
  // FY2022 is over on that day, FY2023 is not: FY2022 complete, FY2023 partial.
  const now = new Date('2023-09-08T00:00:00Z');
  await loadUpload(db, fixtureBytes(H1B_2022_EXCERPT), H1B_2022_EXCERPT, { now });
  await loadUpload(db, fixtureBytes(H1B_2023_EXCERPT), H1B_2023_EXCERPT, { now });
});

const medical = /\b(MEDIC|HEALTH|HOSPITAL|CLINIC|CANCER|CHILDREN|PHYSICIAN|SURG|NURS)/;
const health = (r: Row) => r.NAICS === '62' || (r.NAICS === '61' && medical.test(r.Employer));
const approvals = (rows: Row[]) => {
  const by = new Map<string, number>();
  for (const r of rows.filter(health)) by.set(r.Employer, (by.get(r.Employer) ?? 0) + Number(r['Initial Approval'] || 0));
  return by;
};

describe('sponsors with the most initial approvals', () => {
  it('ranks by the latest complete fiscal year alone, ties by name, and says which year', async () => {
    const f: MarketFilter = { occupation: 'medical laboratory scientist', region: { kind: 'nation' } };
    const years = await run(db, sponsorsByYear(f));
    expect(years.map((y) => [y.fiscal_year, y.year_note === null])).toEqual([
      [2022, true],
      [2023, false],
    ]);
    const limit = 11;
    const q = topSponsors(f, limit);
    const rows = await run(db, q);
    const a22 = approvals(fy22);
    const a23 = approvals(fy23);
    const expected = [...a22]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, limit)
      .map(([name]) => name);
    // The excerpts rank differently summed over both years: this test tells the two apart.
    const summed = [...new Set([...a22.keys(), ...a23.keys()])]
      .sort((a, b) => (a22.get(b) ?? 0) + (a23.get(b) ?? 0) - (a22.get(a) ?? 0) - (a23.get(a) ?? 0) || a.localeCompare(b))
      .slice(0, limit);
    expect(summed).not.toEqual(expected);

    const table = sponsorsTable(rows, years, 'United States', 'Medical laboratory scientist (MLS)');
    expect(table.columns[0].label).toBe('Rank, ranked by FY2022 initial approvals');
    expect(table.rows.map((r) => r[0])).toEqual(expected.map((_, i) => i + 1));
    expect(table.rows.map((r) => r[1])).toEqual(expected);
    expect(table.title).toMatch(
      /^Health-care H-1B sponsors with the most initial approvals, ranked by FY2022 initial approvals — United States/,
    );
    // Each year's column on its own, as the files give it.
    const labels = table.columns.map((c) => c.label);
    const c22 = labels.indexOf('FY2022 initial approvals');
    const c23 = labels.indexOf('FY2023 (partial year) initial approvals');
    expect(c22).toBeGreaterThan(0);
    expect(c23).toBeGreaterThan(0);
    for (const r of table.rows) {
      expect(r[c22], String(r[1])).toBe(a22.get(String(r[1])) ?? 0);
      expect(r[c23], String(r[1])).toBe(a23.get(String(r[1])) ?? 0);
    }
  });

  it('falls back to the latest year loaded when every year is partial', async () => {
    const fresh = await createNodeEngine();
    await loadUpload(fresh, fixtureBytes(DOL_EXCERPT), DOL_EXCERPT);
    await loadUpload(fresh, fixtureBytes(H1B_2023_EXCERPT), H1B_2023_EXCERPT, { now: new Date('2023-09-08T00:00:00Z') });
    const q = topSponsors({ occupation: 'medical laboratory scientist', region: { kind: 'nation' } }, 3);
    const rows = await run(fresh, q);
    const a23 = [...approvals(fy23)].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    expect(new Set(rows.map((r) => r.rank_year))).toEqual(new Set([2023]));
    expect([...new Set(rows.map((r) => r.employer))].sort()).toEqual(
      a23
        .slice(0, 3)
        .map(([n]) => n)
        .sort(),
    );
  });
});

describe('a service area’s sponsors', () => {
  it('are its state’s, and the screen’s and the report’s shared label says so', async () => {
    const area = SAMPLE_SERVICE_AREA;
    const region = { kind: 'service-area' as const, id: area.id };
    // Its eight counties are all Californian (Census FIPS state 06).
    expect(new Set(area.counties.map((c) => c.slice(0, 2)))).toEqual(new Set(['06']));
    const years = await run(db, sponsorsByYear({ region, area }));
    const ca = (rows: Row[]) => rows.filter((r) => r.State === 'CA' && health(r));
    const sum = (rows: Row[]) => rows.reduce((s, r) => s + Number(r['Initial Approval'] || 0), 0);
    expect(years.map((y) => [y.fiscal_year, y.initial_approvals])).toEqual([
      [2022, sum(ca(fy22))],
      [2023, sum(ca(fy23))],
    ]);
    expect(sum(ca(fy22))).toBeGreaterThan(0);
    const label = sponsorPlaceLabel(region, [area]);
    expect(SPONSOR_WHOLE_STATE_NOTE).toBe('USCIS gives a city and state, no county: the whole state is shown');
    expect(label).toBe(`California (the state of service area San Joaquin Valley (sample); ${SPONSOR_WHOLE_STATE_NOTE})`);
    expect(sponsorYearsTable(years, label).title).toBe(`Health-care H-1B sponsors by fiscal year — ${label}`);
    expect(label).not.toContain(marketRegionLabel(region, [area]));
  });

  it('names every state of an area of counties and states; other places keep their own name', () => {
    const area = { id: 'a', name: 'Houston and Georgia', counties: ['48201'], states: ['GA'] };
    expect(sponsorPlaceLabel({ kind: 'service-area', id: 'a' }, [area])).toBe(
      `Georgia and Texas (the states of service area Houston and Georgia; ${SPONSOR_WHOLE_STATE_NOTE})`,
    );
    expect(sponsorPlaceLabel({ kind: 'state', state: 'TX' }, [])).toBe('Texas');
    expect(sponsorPlaceLabel({ kind: 'service-area', id: 'gone' }, [])).toBe('Service area: (deleted)');
  });
});
