import { describe, it, expect, beforeAll } from 'vitest';
import { Coordinator } from '../../src/data/cache/coordinator';
import {
  MIN_PEERS,
  assessMarketOffer,
  offerPercentileText,
  offerForecastChange,
  offerOdds,
  offerToSave,
  targetsForOffer,
} from '../../src/app/market/market-offer';
import { setTargetOffer } from '../../src/model/targets';
import { fixedClock } from '../../src/app/common/clock';
import { marketSourceLines, sponsorsTable } from '../../src/app/market/market';
import { simulate } from '../../src/model/forecast/simulate';
import { DEFAULT_ASSUMPTIONS } from '../../src/model/timing/assumptions';
import { emptyWorkspace, type Workspace } from '../../src/model/workspace';
import type { Target } from '../../src/model/types';
import { createNodeEngine } from '../helpers/duckdb-node';
import { loadEmbeddedDatasets, loadUpload } from '../helpers/app-data';
import { makeCandidate } from '../helpers/candidate';
import {
  DOL_EXCERPT,
  annualOf,
  fixtureBytes,
  fixtureText,
  isMls,
  levelOf,
  parseRows,
  quantile,
  usableWage,
} from '../helpers/market-fixture';
import { datasetRows } from '../helpers/fixtures';

let coordinator: Coordinator;
beforeAll(async () => {
  const db = await createNodeEngine();
  await loadEmbeddedDatasets(db);
  await loadUpload(db, fixtureBytes(DOL_EXCERPT), DOL_EXCERPT);
  coordinator = new Coordinator(db);
});

const rows = parseRows(fixtureText(DOL_EXCERPT));
const mls = rows.filter((r) => isMls(r) && usableWage(annualOf(r)));
const texas = mls.filter((r) => r.WORKSITE_STATE === 'TX');
// Census divisions by state, as the Census Bureau lists them (datasets/ref/states.csv).
const divisionOf = new Map(datasetRows('ref/states.csv').map((s) => [s.state, s.census_division]));
const westSouthCentral = mls.filter((r) => divisionOf.get(r.WORKSITE_STATE) === 'West South Central');

/**
 * This test's reading of the method (casebook D2): each level's threshold is the lower quartile of
 * the offers at that level or above in Texas, or, with fewer than 30 there, in its Census division,
 * then the nation.
 */
function expectedLevel(offer: number): number {
  let floor = 0;
  let met = 0;
  for (const level of [1, 2, 3, 4]) {
    const at = (rs: typeof rows) => rs.filter((r) => (levelOf(r) ?? 0) >= level).map(annualOf);
    const wages = [at(texas), at(westSouthCentral), at(mls)].find((w) => w.length >= 30);
    if (!wages) continue;
    floor = Math.max(floor, quantile(wages, 0.25));
    if (offer >= floor) met = level;
  }
  return met || 1;
}

describe('an offer against the filings in its state', () => {
  it('gives the percentile and the level counted here from the Texas filings', async () => {
    for (const offer of [55_000, 70_000, 85_000, 110_000]) {
      const r = (await assessMarketOffer(
        coordinator,
        { occupation: 'medical laboratory scientist', state: 'TX', annualWage: offer },
        'FY2025 Q2',
      ))!;
      const below = texas.filter((x) => annualOf(x) < offer).length + texas.filter((x) => annualOf(x) === offer).length / 2;
      expect(r.assessment.peers).toBe(texas.length);
      expect(r.assessment.percentile).toBeCloseTo(below / texas.length, 10);
      expect(r.assessment.level, `offer ${offer}`).toBe(expectedLevel(offer));
      expect(r.place.label).toBe('Texas');
      expect(r.widened).toBeNull();
      expect(r.basis).toBe(`${texas.length} DOL LCA filings for Medical laboratory scientist (MLS) in Texas, FY2025 Q2`);
    }
  });

  it('states the counts behind the percentile, so ties (counted half) do not make the sentence false', async () => {
    // The wage most Texas filings offer: several peers tie with an offer of exactly that.
    const counts = new Map<number, number>();
    for (const x of texas) counts.set(annualOf(x), (counts.get(annualOf(x)) ?? 0) + 1);
    const [offer, same] = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
    expect(same).toBeGreaterThan(1);
    const lower = texas.filter((x) => annualOf(x) < offer).length;
    const r = (await assessMarketOffer(
      coordinator,
      { occupation: 'medical laboratory scientist', state: 'TX', annualWage: offer },
      'FY2025 Q2',
    ))!;
    expect([r.assessment.lower, r.assessment.same]).toEqual([lower, same]);
    const share = Math.round(((lower + same / 2) / texas.length) * 100);
    const { percentile, text } = offerPercentileText(r);
    expect(percentile).toMatch(new RegExp(`^${share}(st|nd|rd|th) percentile$`));
    expect(text).toBe(
      `of ${texas.length} offers in Texas (FY2025 Q2): ${lower} of them are lower, ${same} the same (the percentile counts an equal offer as half lower).`,
    );
    expect(text).not.toMatch(/%/);
  });

  it('takes a level from the Census division, then the nation, where Texas has fewer than 30 filings at it, and says how many', async () => {
    const r = (await assessMarketOffer(
      coordinator,
      { occupation: 'medical laboratory scientist', state: 'TX', annualWage: 70_000 },
      'FY2025 Q2',
    ))!;
    for (const t of r.assessment.thresholds) {
      const at = (rs: typeof rows) => rs.filter((x) => (levelOf(x) ?? 0) >= t.level).length;
      const [tx, division, nation] = [at(texas), at(westSouthCentral), at(mls)];
      const place = tx >= 30 ? 'Texas' : division >= 30 ? 'the West South Central division' : 'the United States';
      expect(t.place, `level ${t.level}`).toBe(place);
      expect(t.filings).toBe(place === 'Texas' ? tx : place === 'the United States' ? nation : division);
      if (place !== 'Texas') expect(t.tooFew[0]).toEqual({ place: 'Texas', filings: tx });
    }
    // Texas has too few at level III or above for its own threshold (the fixture holds every Texas row).
    expect(texas.filter((x) => (levelOf(x) ?? 0) >= 3).length).toBeLessThan(30);
  });

  it('widens to the Census division, then the nation, when the state has too few filings, and says so', async () => {
    const r = (await assessMarketOffer(
      coordinator,
      { occupation: 'medical laboratory scientist', state: 'VT', annualWage: 70_000 },
      'FY2025 Q2',
    ))!;
    const vt = rows.filter((x) => x.WORKSITE_STATE === 'VT' && isMls(x)).length;
    expect(vt).toBeLessThan(MIN_PEERS);
    expect(r.widened).toMatch(new RegExp(`^Only ${vt} filing\\(s\\) with a wage in Vermont`));
    expect(['the New England division', 'the United States']).toContain(r.place.label);
  });

  it('gives the odds at the level, the default level’s, and every level’s entries', () => {
    const odds = offerOdds(3, 'medical laboratory scientist', DEFAULT_ASSUMPTIONS);
    expect(odds).toMatchObject({ level: 3, probability: 0.4587, defaultLevel: 2, defaultProbability: 0.3058, wageWeighted: true });
    expect(odds.levels.map((l) => l.entries)).toEqual([1, 2, 3, 4]);
  });
});

describe('an offer saved on a target, and the forecast', () => {
  const target: Target = {
    id: 't-lab',
    profession: 'mls',
    specialty: 'medical laboratory scientist',
    region: { kind: 'state', state: 'TX' },
    hires: 2,
    dueQuarter: '2029-Q4',
    priority: 'high',
    owner: '',
    note: '',
  };
  const ws: Workspace = {
    ...emptyWorkspace(),
    targets: [target, { ...target, id: 't-doc', profession: 'physician', specialty: 'hospitalist' }],
    candidates: ['a', 'b', 'c'].map((id) =>
      makeCandidate({
        id,
        profession: 'mls',
        specialty: 'medical laboratory scientist',
        siteState: 'TX',
        visaRoute: 'h1b-cap-subject',
        stage: 'accepted',
      }),
    ),
  };
  const today = fixedClock('2026-11-23T12:00:00').today();
  const regions = new Map([['TX', { census: 'South', hhs: 6 }]]);
  const runHere = (o: Parameters<typeof simulate>[0]) => Promise.resolve(simulate(o));

  it('saves the estimated level, or the level the user confirmed from DOL, on a lab target only', async () => {
    expect(targetsForOffer(ws.targets, 'medical laboratory scientist').map((t) => t.id)).toEqual(['t-lab']);
    const req = { occupation: 'medical laboratory scientist', state: 'TX', annualWage: 110_000 };
    const r = (await assessMarketOffer(coordinator, req, 'FY2025 Q2'))!;
    const estimated = offerToSave(r, req, today, null)!;
    expect(estimated).toEqual({
      annualWage: 110_000,
      wageLevel: expectedLevel(110_000),
      levelSource: 'estimated',
      state: 'TX',
      basis: r.basis,
      savedOn: today,
    });
    expect(offerToSave(r, req, today, 2)).toMatchObject({ wageLevel: 2, levelSource: 'confirmed' });
    const saved = setTargetOffer(ws.targets, 't-lab', estimated);
    expect(saved[0].offer).toEqual(estimated);
    expect(setTargetOffer(saved, 't-lab', null)[0]).not.toHaveProperty('offer');
    expect(saved[1]).toBe(ws.targets[1]);
  });

  it('moves the target’s chance of being met: level IV against the default level II', async () => {
    const offer = {
      annualWage: 150_000,
      wageLevel: 4 as const,
      levelSource: 'estimated' as const,
      state: 'TX',
      basis: 'test',
      savedOn: today,
    };
    const change = (await offerForecastChange(ws, regions, 't-lab', offer, today, runHere))!;
    expect(change.matchedCandidates).toBe(3);
    expect(change.capSubjectCandidates).toBe(3);
    expect(change.after).toBeGreaterThan(change.before + 0.05);
    const low = (await offerForecastChange(ws, regions, 't-lab', { ...offer, wageLevel: 1 }, today, runHere))!;
    expect(low.before).toBe(change.before); // same seed, same workspace without the offer
    expect(low.after).toBeLessThan(low.before);
  });
});

describe('the leading sponsors table of a place', () => {
  it('names the occupation its DOL column counts, so two views of one place are told apart', () => {
    const titles = ['Medical laboratory scientist (MLS)', 'Psychiatry'].map((o) => sponsorsTable([], [], 'California', o).title);
    expect(new Set(titles).size).toBe(2);
    for (const [i, o] of ['Medical laboratory scientist (MLS)', 'Psychiatry'].entries()) expect(titles[i]).toContain(o);
    expect(titles[0]).toContain('California');
  });
});

describe('the market sources line', () => {
  it('keeps a year’s note readable: balanced parentheses, never “))”', () => {
    const { sponsors } = marketSourceLines([
      { table_name: 'h1b_sponsors', period: 'FY2022', note: null },
      { table_name: 'h1b_sponsors', period: 'FY2023', note: 'partial year: saved before FY2023 ended (3,296 against 9,895 in FY2022)' },
    ]);
    expect(sponsors).not.toContain('))');
    expect(sponsors.split('(').length).toBe(sponsors.split(')').length);
    expect(sponsors).toContain('FY2022; FY2023');
  });
});
