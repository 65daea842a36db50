import { describe, expect, it } from 'vitest';
import { forecastKey, forecastWorkspace, pipelineActions, targetNextSteps } from '../../src/app/pipeline/forecast';
import { fixedClock } from '../../src/app/common/clock';
import { targetNextStep } from '../../src/model/forecast/next-step';
import { simulate } from '../../src/model/forecast/simulate';
import { FORECAST_SETTINGS } from '../../src/model/forecast/settings';
import { nextAction } from '../../src/model/timing/next-action';
import { DEFAULT_ASSUMPTIONS } from '../../src/model/timing/assumptions';
import { emptyWorkspace, type Workspace } from '../../src/model/workspace';
import { makeCandidate } from '../helpers/candidate';

const regions = new Map([
  ['CA', { census: 'West', hhs: 9 }],
  ['TX', { census: 'South', hhs: 6 }],
]);
const ws: Workspace = {
  ...emptyWorkspace(),
  candidates: [
    makeCandidate({ id: 'c1', siteState: 'CA', siteCountyFips: '06019', stage: 'licensure', visaRoute: 'h1b-cap-exempt' }),
    makeCandidate({ id: 'c2', siteState: 'CA', siteCountyFips: '06107', stage: 'offer', visaRoute: 'j1-conrad30' }),
    makeCandidate({ id: 'c3', siteState: 'TX', stage: 'arrived' }),
    makeCandidate({ id: 'c4', siteState: 'CA', siteCountyFips: '06019', stage: 'withdrawn' }),
  ],
  targets: [
    {
      id: 't-west',
      profession: 'physician',
      specialty: 'internal medicine',
      region: { kind: 'census-region', name: 'West' },
      hires: 2,
      dueQuarter: '2028-Q4',
      priority: 'high',
      owner: '',
      note: '',
    },
    {
      id: 't-tx',
      profession: 'physician',
      specialty: 'internal medicine',
      region: { kind: 'state', state: 'TX' },
      hires: 5,
      dueQuarter: '2027-Q2',
      priority: 'low',
      owner: '',
      note: '',
    },
  ],
};
const runHere = (o: Parameters<typeof simulate>[0]) => Promise.resolve(simulate(o));
const today = fixedClock('2026-11-23T12:00:00').today();

describe('the forecast of a workspace', () => {
  it("runs with the app's settings and assumptions, and gives each target its next step as of the forecast's date", async () => {
    const f = await forecastWorkspace(ws, regions, today, runHere);
    expect(f.result.now).toBe('2026-11-23');
    expect(f.result.runs).toBe(FORECAST_SETTINGS.runs);
    expect(f.result.seed).toBe(FORECAST_SETTINGS.seed);
    // West: c1, c2 and the withdrawn c4 are in California. Texas: c3 has arrived.
    const [west, tx] = f.result.targets;
    expect(west.matchedCandidates).toBe(3);
    expect(tx.matchedCandidates).toBe(1);
    // The next step of each target, computed here from its own candidates.
    const expectedWest = targetNextStep(west, f.result.targetProbability, [
      nextAction(ws.candidates[0], DEFAULT_ASSUMPTIONS, today),
      nextAction(ws.candidates[1], DEFAULT_ASSUMPTIONS, today),
    ]);
    expect(f.nextSteps['t-west']).toEqual(expectedWest);
    expect(f.nextSteps['t-tx']).toEqual(targetNextStep(tx, f.result.targetProbability, []));
    expect(f.key).toBe(forecastKey(ws));
  });

  it('gives the same numbers however often it runs (fixed seed): the screen and the report agree', async () => {
    const a = await forecastWorkspace(ws, regions, today, runHere);
    const b = await forecastWorkspace(ws, regions, today, runHere);
    expect(b.result.targets).toEqual(a.result.targets);
    expect(targetNextSteps(ws, regions, a.result)).toEqual(a.nextSteps);
  });

  it('goes stale when candidates, targets or assumptions change, not when only the save time does', () => {
    const edited = { ...ws, assumptions: { h1bFeeScenario: 'not-applied' } };
    expect(forecastKey(edited)).not.toBe(forecastKey(ws));
    expect(forecastKey({ ...ws, targets: ws.targets.slice(1) })).not.toBe(forecastKey(ws));
    expect(forecastKey({ ...ws, savedAt: 'later' })).toBe(forecastKey(ws));
  });

  it('runs a target with a saved offer at the offer’s wage level, and goes stale when an offer is saved', async () => {
    const capSubject: Workspace = {
      ...ws,
      candidates: [makeCandidate({ id: 'h', siteState: 'TX', stage: 'accepted', visaRoute: 'h1b-cap-subject' })],
      targets: [{ ...ws.targets[1], dueQuarter: '2030-Q4', hires: 1 }],
    };
    const offer = {
      annualWage: 400_000,
      wageLevel: 4 as const,
      levelSource: 'estimated' as const,
      state: 'TX',
      basis: 'test',
      savedOn: today,
    };
    const withOffer: Workspace = { ...capSubject, targets: [{ ...capSubject.targets[0], offer }] };
    expect(forecastKey(withOffer)).not.toBe(forecastKey(capSubject));
    const seen: unknown[] = [];
    const spy = (o: Parameters<typeof simulate>[0]) => {
      seen.push(o.targets);
      return runHere(o);
    };
    const before = await forecastWorkspace(capSubject, regions, today, spy);
    const after = await forecastWorkspace(withOffer, regions, today, spy);
    expect(seen).toEqual([[capSubject.targets[0]], [{ ...withOffer.targets[0], wageLevel: 4 }]]);
    // Level IV (61%) against the default level II (31%) per lottery: the target is more likely met.
    expect(after.result.targets[0].probabilityMet).toBeGreaterThan(before.result.targets[0].probabilityMet + 0.05);
  });

  it('lists the next action of everyone still in the pipeline', () => {
    const actions = pipelineActions(ws.candidates, DEFAULT_ASSUMPTIONS, today);
    expect(actions.map((a) => a.candidate.id)).toEqual(['c1', 'c2']);
    expect(actions[0].next).toEqual(nextAction(ws.candidates[0], DEFAULT_ASSUMPTIONS, today));
  });
});
