import { describe, it, expect, beforeAll } from 'vitest';
import type { SqlEngine } from '../../src/data/engine/engine';
import {
  groupCounts,
  marketSources,
  marketSummary,
  peerOffersNear,
  sponsorsByYear,
  sponsorStates,
  topEmployers,
  topSponsors,
  wagesByLevel,
  type MarketFilter,
} from '../../src/data/queries/market';
import type { NamedQuery } from '../../src/data/cache/coordinator';
import { areaValues } from '../../src/data/queries/shortage';
import { DEFAULT_VIEW } from '../../src/model/map-view';
import { createNodeEngine } from '../helpers/duckdb-node';
import { loadEmbeddedDatasets, loadUpload } from '../helpers/app-data';
import {
  DOL_EXCERPT,
  H1B_2022_EXCERPT,
  H1B_2023_EXCERPT,
  annualOf,
  fixtureBytes,
  fixtureText,
  isLab,
  isMls,
  isPhysician,
  levelOf,
  parseRows,
  quantile,
  round2,
  usableWage,
  type Row,
} from '../helpers/market-fixture';

let db: SqlEngine;
const run = <Row>(q: NamedQuery<Row>) => db.query<Row>(q.sql, q.params);
const dol = parseRows(fixtureText(DOL_EXCERPT));
const fy22 = parseRows(fixtureText(H1B_2022_EXCERPT));
const fy23 = parseRows(fixtureText(H1B_2023_EXCERPT));

beforeAll(async () => {
  db = await createNodeEngine();
  await loadEmbeddedDatasets(db);
  await loadUpload(db, fixtureBytes(DOL_EXCERPT), DOL_EXCERPT);
  const now = new Date('2023-09-08T00:00:00Z');
  await loadUpload(db, fixtureBytes(H1B_2022_EXCERPT), H1B_2022_EXCERPT, { now });
  await loadUpload(db, fixtureBytes(H1B_2023_EXCERPT), H1B_2023_EXCERPT, { now });
});

const texasMls: MarketFilter = { occupation: 'medical laboratory scientist', region: { kind: 'state', state: 'TX' } };
const txMls = dol.filter((r) => r.WORKSITE_STATE === 'TX' && isMls(r));
const wagesOf = (rows: Row[]) => rows.map(annualOf).filter(usableWage);
const key = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, ' ');

describe('the Market screen’s figures, against counts made here from the excerpts', () => {
  it('summarises Texas medical laboratory scientists: filings, employers, quartiles', async () => {
    const [s] = await run(marketSummary(texasMls));
    const wages = wagesOf(txMls);
    expect(s.filings).toBe(txMls.length);
    expect(s.wages).toBe(wages.length);
    expect(round2(s.median!)).toBe(round2(quantile(wages, 0.5)));
    expect(round2(s.q1!)).toBe(round2(quantile(wages, 0.25)));
    expect(round2(s.q3!)).toBe(round2(quantile(wages, 0.75)));
    expect(s.employers).toBeLessThanOrEqual(new Set(txMls.map((r) => key(r.EMPLOYER_NAME))).size);
    expect(s.employers).toBeGreaterThan(30);
    expect(s.period).toBe('FY2025 Q2');
  });

  it('gives the wage-level mix and each level’s median', async () => {
    const rows = await run(wagesByLevel(texasMls));
    for (const level of [1, 2, 3, 4]) {
      const at = txMls.filter((r) => levelOf(r) === level);
      const row = rows.find((r) => r.level === level);
      expect(row?.filings ?? 0, `level ${level}`).toBe(at.length);
      if (at.length) expect(round2(row!.median!)).toBe(round2(quantile(wagesOf(at), 0.5)));
    }
    expect(rows.reduce((s, r) => s + r.filings, 0)).toBe(txMls.length);
  });

  it('lists the employers filing most, with their filings', async () => {
    const top = await run(topEmployers(texasMls, 5));
    const counts = new Map<string, number>();
    for (const r of txMls) counts.set(key(r.EMPLOYER_NAME), (counts.get(key(r.EMPLOYER_NAME)) ?? 0) + 1);
    const most = Math.max(...counts.values());
    expect(top[0].filings).toBe(most);
    expect(top.length).toBe(5);
    expect(top.every((t, i) => i === 0 || t.filings <= top[i - 1].filings)).toBe(true);
  });

  it('counts residents, fellows and unmapped filings beside a specialty, and gives the offers to compare with', async () => {
    const [g] = await run(groupCounts({ occupation: 'hospitalist', region: { kind: 'state', state: 'TX' } }));
    const txPhysicians = dol.filter((r) => r.WORKSITE_STATE === 'TX' && isPhysician(r));
    expect(g.filings).toBe(txPhysicians.length);
    expect(g.trainees).toBeGreaterThan(0);
    const peers = await run(peerOffersNear('medical laboratory scientist', 'TX'));
    expect(peers.filter((p) => p.in_state).map((p) => p.annual_wage)).toEqual(
      wagesOf(txMls)
        .map(round2)
        .sort((a, b) => a - b),
    );
    // Texas's Census division, West South Central, also holds Arkansas, Louisiana and Oklahoma (Census).
    const division = dol.filter((r) => ['TX', 'AR', 'LA', 'OK'].includes(r.WORKSITE_STATE) && isMls(r));
    expect(peers.filter((p) => p.in_division).length).toBe(wagesOf(division).length);
    expect(peers.length).toBe(wagesOf(dol.filter(isMls)).length);
    expect(new Set(peers.map((p) => p.division))).toEqual(new Set(['West South Central']));
  });

  it('filters by Census region, HHS region and a service area of counties and states', async () => {
    const lab = (pred: (r: Row) => boolean) =>
      dol.filter((r) => isLab(r) && !/fellow|resident|intern\b/i.test(r.JOB_TITLE) && pred(r)).length;
    // Texas and Georgia are both in the Census South; HHS region 6 holds Texas, not Georgia.
    const [south] = await run(marketSummary({ occupation: 'lab', region: { kind: 'census-region', name: 'South' } }));
    const southStates = new Set(['TX', 'GA', 'FL', 'AL', 'AR', 'DE', 'DC', 'KY', 'LA', 'MD', 'MS', 'NC', 'OK', 'SC', 'TN', 'VA', 'WV']);
    expect(south.filings).toBe(lab((r) => southStates.has(r.WORKSITE_STATE)));
    const [hhs6] = await run(marketSummary({ occupation: 'lab', region: { kind: 'hhs-region', number: 6 } }));
    expect(hhs6.filings).toBe(lab((r) => ['TX', 'LA', 'NM', 'OK', 'AR'].includes(r.WORKSITE_STATE)));
    const area = { id: 'a', name: 'Houston and Georgia', counties: ['48201'], states: ['GA'] };
    const [inArea] = await run(marketSummary({ occupation: 'lab', region: { kind: 'service-area', id: 'a' }, area }));
    expect(inArea.filings).toBe(lab((r) => r.WORKSITE_STATE === 'GA' || (r.WORKSITE_STATE === 'TX' && r.WORKSITE_COUNTY === 'HARRIS')));
    expect(sponsorStates(area)).toEqual(['GA', 'TX']);
  });
});

describe('health-care H-1B sponsors', () => {
  const medical = /\b(MEDIC|HEALTH|HOSPITAL|CLINIC|CANCER|CHILDREN|PHYSICIAN|SURG|NURS)/;
  const health = (r: Row) => r.NAICS === '62' || (r.NAICS === '61' && medical.test(r.Employer));
  const sum = (rs: Row[], c: string) => rs.reduce((s, r) => s + Number(r[c] || 0), 0);

  it('gives initial approvals and denials by year, FY2023 marked partial, and FY2022 too (the excerpt replaced a full year)', async () => {
    const years = await run(sponsorsByYear({ region: { kind: 'state', state: 'TX' } }));
    const tx = (rows: Row[]) => rows.filter((r) => r.State === 'TX' && health(r));
    expect(years.map((y) => [y.fiscal_year, y.initial_approvals, y.initial_denials])).toEqual([
      [2022, sum(tx(fy22), 'Initial Approval'), sum(tx(fy22), 'Initial Denial')],
      [2023, sum(tx(fy23), 'Initial Approval'), sum(tx(fy23), 'Initial Denial')],
    ]);
    // The FY2022 excerpt holds a few states of the year: it replaced the embedded full year, so it says it may be part of one.
    expect(years[0].year_note).toMatch(
      /^partial year\? this file has [\d,]+ health-care employers for FY2022, the file it replaced [\d,]+$/,
    );
    expect(years[1].year_note).toMatch(/^partial year: FY2023 runs to September 30, 2023/);
  });

  it('lists the top sponsors per year, flags cap-exempt-looking names and counts their DOL filings', async () => {
    const rows = await run(topSponsors(texasMls, 10));
    const employers = [...new Set(rows.map((r) => r.employer_key))];
    expect(employers.length).toBe(10);
    const ut = rows.find((r) => r.employer === 'UT SOUTHWESTERN MEDICAL CENTER' && r.fiscal_year === 2022)!;
    const utRows = fy22.filter((r) => r.State === 'TX' && r.Employer === 'UT SOUTHWESTERN MEDICAL CENTER');
    expect(ut.initial_approvals).toBe(sum(utRows, 'Initial Approval'));
    expect(rows.filter((r) => r.cap_exempt_check).map((r) => r.employer)).toContain('BAYLOR COLLEGE OF MEDICINE');
    const naics61 = rows.find((r) => r.naics === '61');
    expect(naics61).toBeDefined();
  });
});

describe('demand on the map', () => {
  const lab = (r: Row) => isLab(r) && !/fellow|resident|postdoc|intern\b/i.test(r.JOB_TITLE);
  it('counts filings per state and per 100,000 people, every state listed, within the map’s filters', async () => {
    const counts = await run(areaValues({ ...DEFAULT_VIEW, level: 'state', metric: 'lca_lab' }));
    const tx = counts.find((r) => r.state === 'TX')!;
    const expected = dol.filter((r) => r.WORKSITE_STATE === 'TX' && lab(r)).length;
    expect(tx.value).toBe(expected);
    expect(tx.geo).toBe('48');
    expect(counts.find((r) => r.state === 'VT')?.value).toBe(0);
    expect(counts.length).toBeGreaterThanOrEqual(51);
    const per100k = await run(areaValues({ ...DEFAULT_VIEW, level: 'state', metric: 'lca_lab_per_100k' }));
    const [{ population_2023 }] = await db.query<{ population_2023: number }>(`SELECT population_2023 FROM ref_states WHERE state = 'TX'`);
    expect(per100k.find((r) => r.state === 'TX')!.value).toBe(round2((expected / population_2023) * 100000));
    const south = await run(areaValues({ ...DEFAULT_VIEW, level: 'state', metric: 'lca_physicians', censusRegion: 'West' }));
    expect(south.map((r) => r.state)).not.toContain('TX');
    expect(south.find((r) => r.state === 'CA')?.value).toBe(
      dol.filter(
        (r) =>
          r.WORKSITE_STATE === 'CA' &&
          isPhysician(r) &&
          !/fellow|resident|pgy|intern\b|house staff|post ?graduate|trainee/i.test(r.JOB_TITLE),
      ).length,
    );
  });

  it('names the periods loaded', async () => {
    expect(await run(marketSources())).toEqual([
      { table_name: 'h1b_sponsors', period: 'FY2022', note: expect.stringMatching(/^partial year\?/) as unknown },
      { table_name: 'h1b_sponsors', period: 'FY2023', note: expect.stringMatching(/^partial year/) as unknown },
      { table_name: 'lca_filings', period: 'FY2025 Q2', note: null },
    ]);
  });
});
