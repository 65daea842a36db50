// The candidate list as DuckDB answers it (the real DuckDB-wasm under Node), against counts and
// orders made here from the sample pipeline and its forecast: one id typed leaves that candidate,
// filters count what the file holds, sorting orders by the figure, pages cut the same order.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { candidateListRecords, syncCandidateList } from '../../src/app/pipeline/candidate-list';
import { atRiskCandidates } from '../../src/app/report/plan-page';
import { Coordinator } from '../../src/data/cache/coordinator';
import { candidateListFacets, candidateListPage, type CandidateListArgs } from '../../src/data/queries/candidate-list';
import { simulate } from '../../src/model/forecast/simulate';
import type { ForecastResult } from '../../src/model/forecast/result';
import { parsePipelineCsv } from '../../src/model/pipeline';
import { sampleTargets } from '../../src/app/plan/sample-data';
import { DEFAULT_ASSUMPTIONS } from '../../src/model/timing/assumptions';
import type { Candidate } from '../../src/model/types';
import { createNodeEngine } from '../helpers/duckdb-node';
import { makeCandidate } from '../helpers/candidate';

const NOW = '2026-12-07';
const FILE = path.resolve(import.meta.dirname, '../../public/datasets/sample/pipeline-sample.csv');
const candidates = parsePipelineCsv(fs.readFileSync(FILE, 'utf8'), 'sample.csv', { today: NOW }).candidates;
const ALL: CandidateListArgs = {
  search: '',
  specialty: null,
  route: null,
  stage: null,
  site: null,
  atRisk: false,
  exactId: true,
  sort: 'position',
  descending: false,
  offset: 0,
  limit: 1000,
};

let coordinator: Coordinator;
let result: ForecastResult;
const list = (args: Partial<CandidateListArgs>) => coordinator.query(candidateListPage({ ...ALL, ...args }));
const ids = async (args: Partial<CandidateListArgs>) => (await list(args)).map((r) => r.id);

async function load(cs: readonly Candidate[], forecast: ForecastResult | null) {
  await syncCandidateList(coordinator, candidateListRecords(cs, forecast, new Map()));
}

beforeAll(async () => {
  coordinator = new Coordinator(await createNodeEngine());
  // Targets in California (the sample's sites): every candidate counts toward at most one.
  const targets = sampleTargets(NOW).map((t) => ({ ...t, region: { kind: 'state' as const, state: 'CA' } }));
  result = simulate({
    candidates,
    targets,
    assumptions: DEFAULT_ASSUMPTIONS,
    now: NOW,
    runs: 300,
    seed: 7,
    horizonMonths: 48,
    regionContains: (region, site) => region.kind === 'state' && region.state === site.state,
  });
  await load(candidates, result);
}, 60_000);

describe('the candidate list in DuckDB', () => {
  it('leaves exactly one row when one candidate’s id is typed, for every candidate', async () => {
    for (const c of candidates) {
      const rows = await list({ search: c.id.toLowerCase(), limit: 25 });
      expect(rows.map((r) => r.id)).toEqual([c.id]);
      expect(rows[0].matches).toBe(1);
    }
  });

  it('narrows by every word typed, across specialty, route and site', async () => {
    const expected = candidates.filter((c) => c.specialty === 'psychiatry' && c.visaRoute === 'j1-conrad30').map((c) => c.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(await ids({ search: 'Psychiatry  conrad' })).toEqual(expected);
    expect(await ids({ search: 'no such thing' })).toEqual([]);
    const page = await list({ search: 'psychiatry', limit: 2 });
    expect(page).toHaveLength(2);
    expect(page[0].matches).toBe(candidates.filter((c) => c.specialty === 'psychiatry').length);
  });

  it('filters by specialty, route, stage and at risk, counting what the file holds', async () => {
    const count = (f: (c: Candidate) => boolean) => candidates.filter(f).map((c) => c.id);
    expect(await ids({ specialty: 'pediatrics' })).toEqual(count((c) => c.specialty === 'pediatrics'));
    expect(await ids({ route: 'h1b-cap-subject' })).toEqual(count((c) => c.visaRoute === 'h1b-cap-subject'));
    expect(await ids({ stage: 'visa', specialty: 'family medicine' })).toEqual(
      count((c) => c.stage === 'visa' && c.specialty === 'family medicine'),
    );
    const atRisk = atRiskCandidates(result, candidates).map((c) => c.candidateId);
    expect(atRisk.length).toBeGreaterThan(0);
    expect((await ids({ atRisk: true })).sort()).toEqual(atRisk.sort());
    const facets = await coordinator.query(candidateListFacets());
    for (const f of facets.filter((x) => x.kind === 'route')) {
      expect(f.n, f.code).toBe(candidates.filter((c) => c.visaRoute === f.code).length);
    }
    expect(facets.filter((x) => x.kind === 'stage').map((x) => x.code)).toEqual(
      ['sourced', 'screening', 'interview', 'offer', 'accepted', 'licensure', 'credentialing', 'visa', 'arrived', 'withdrawn'].filter((s) =>
        candidates.some((c) => c.stage === s),
      ),
    );
  });

  it('sorts by median arrival and by chance, months without a figure last, and pages through the same order', async () => {
    const byId = new Map(result.candidates.map((c) => [c.candidateId, c]));
    const medians = (await ids({ sort: 'median' })).map((id) => byId.get(id)!.arrivalMedian);
    const known = medians.filter((m) => m !== null);
    expect(known).toEqual([...known].sort());
    expect(medians.slice(known.length).every((m) => m === null)).toBe(true);
    const chances = (await list({ sort: 'chance', descending: true })).map((r) => r.chance);
    const withChance = chances.filter((c): c is number => c !== null);
    expect(withChance).toEqual([...withChance].sort((a, b) => b - a));
    const whole = await ids({ sort: 'stage', descending: true });
    const pages = [
      ...(await ids({ sort: 'stage', descending: true, limit: 25 })),
      ...(await ids({ sort: 'stage', descending: true, offset: 25, limit: 25 })),
      ...(await ids({ sort: 'stage', descending: true, offset: 50, limit: 25 })),
      ...(await ids({ sort: 'stage', descending: true, offset: 75, limit: 25 })),
    ];
    expect(pages).toEqual(whole);
    expect(await ids({ offset: 100, limit: 25 })).toEqual([]);
  });

  it('keeps ids exactly as typed, formula-like or with quotes, commas and line breaks; an exact id wins over ids that contain it', async () => {
    const odd = ['=HYPERLINK("http://x","y")', 'a,b', 'say "hi"', 'two\nlines', 'C-1', 'C-10', 'Ünïcödé'];
    await load(
      odd.map((id) => makeCandidate({ id })),
      null,
    );
    expect(await ids({})).toEqual(odd);
    expect(await ids({ search: 'c-1' })).toEqual(['C-1']);
    expect((await list({ search: 'c-1' }))[0].containing).toBe(2);
    expect(await ids({ search: 'c-1', exactId: false })).toEqual(['C-1', 'C-10']);
    expect(await ids({ search: '=hyperlink' })).toEqual([odd[0]]);
    expect((await list({}))[0].arrival_note).toBe('not forecast yet');
    await load(candidates, result);
  });
});
