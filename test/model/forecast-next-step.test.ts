import { describe, expect, it } from 'vitest';
import type { TargetForecast } from '../../src/model/forecast/result';
import type { NextAction } from '../../src/model/timing/next-action';
import { targetNextStep } from '../../src/model/forecast/next-step';

const forecast = (probabilityMet: number, needs: TargetForecast['newCandidatesNeeded'] = []): TargetForecast => ({
  targetId: 't1',
  dueDate: '2027-12-31',
  hires: 2,
  matchedCandidates: 2,
  probabilityMet,
  probabilityMetCounterfactual: probabilityMet,
  wageLevel: null,
  expectedArrivals: 1,
  arrivalsP10: 0,
  arrivalsP90: 2,
  expectedShortfall: 1,
  cumulative: { mean: [], p10: [], p90: [] },
  cumulativePercentiles: true,
  newCandidatesNeeded: needs,
});
const action = (text: string, date: string | null): NextAction => ({
  candidateId: 'c',
  action: text,
  date,
  dateKind: date ? 'deadline' : null,
  confidence: 'confirmed',
  sources: [],
  standing: 'in-progress',
});

describe('targetNextStep', () => {
  it('off track: the fewest extra candidates that would make the target likely, by their stage date', () => {
    const step = targetNextStep(
      forecast(0.4, [
        {
          stage: 'sourced',
          visaRoute: 'us-authorized',
          profile: '',
          stageDate: '2026-11-23',
          arrivalProbability: 0.3,
          candidatesNeeded: 6,
        },
        { stage: 'offer', visaRoute: 'h1b-cap-exempt', profile: '', stageDate: '2026-11-23', arrivalProbability: 0.7, candidatesNeeded: 2 },
        {
          stage: 'offer',
          visaRoute: 'h1b-cap-subject',
          profile: '',
          stageDate: '2026-11-23',
          arrivalProbability: 0,
          candidatesNeeded: null,
        },
      ]),
      0.8,
      [action('Register for the H-1B lottery', '2027-03-19')],
    );
    expect(step).toEqual({
      action: 'Add 2 candidates with an offer made by 2026-11-23, on the route “H-1B, cap-exempt employer”',
      date: '2026-11-23',
    });
  });

  it('off track and out of reach: says so, with no date', () => {
    expect(
      targetNextStep(
        forecast(0.1, [
          { stage: 'sourced', visaRoute: 'o1', profile: '', stageDate: '2026-11-23', arrivalProbability: 0, candidatesNeeded: null },
        ]),
        0.8,
        [],
      ).date,
    ).toBeNull();
  });

  it('off track and needing more than ten new candidates per hire: out of reach in practice, with the numbers behind it', () => {
    // 2 hires: 21 new candidates is more than ten per hire; 20 is still a plan.
    const need = (candidatesNeeded: number) =>
      targetNextStep(
        forecast(0.1, [
          { stage: 'offer', visaRoute: 'us-authorized', profile: '', stageDate: '2026-12-07', arrivalProbability: 0.034, candidatesNeeded },
        ]),
        0.8,
        [],
      );
    expect(need(21)).toEqual({
      action:
        'Out of reach by the due date in practice: a new candidate with an offer made by 2026-12-07 arrives in time in 3% of futures at best (route “US citizen or green card”), so 21 would be needed to make it 80% likely: revisit the target’s date',
      date: null,
    });
    expect(need(20).action).toMatch(/^Add 20 candidates with an offer made by 2026-12-07/);
  });

  it('on track: the soonest dated step of its candidates', () => {
    const step = targetNextStep(forecast(0.9), 0.8, [
      action('Start licensure', null),
      action('Credentialing done', '2027-05-01'),
      action('Register for the H-1B lottery', '2027-03-19'),
    ]);
    expect(step).toEqual({ action: 'On track. Register for the H-1B lottery', date: '2027-03-19' });
    expect(targetNextStep(forecast(0.9), 0.8, [])).toEqual({ action: 'On track: nothing due.', date: null });
  });
});
