import { describe, expect, it } from 'vitest';
import { CANDIDATE_FORECAST_COLUMNS, candidateForecastCells } from '../../src/app/pipeline/candidate-forecast-table';
import { makeCandidate } from '../helpers/candidate';
import type { CandidateForecast } from '../../src/model/forecast/result';
import type { Target } from '../../src/model/types';

const target = (id: string, specialty: string): Target => ({
  id,
  profession: 'physician',
  specialty,
  region: { kind: 'state', state: 'CA' },
  hires: 1,
  dueQuarter: '2027-Q4',
  priority: 'high',
  owner: '',
  note: '',
});
const targets = [target('pc', 'primary care'), target('psy', 'psychiatry')];
const result = {
  months: ['2026-11', '2026-12', '2027-01'],
  targets: [
    { targetId: 'pc', dueDate: '2027-12-31' },
    { targetId: 'psy', dueDate: '2027-12-31' },
  ],
} as const;
const forecast = (overrides: Partial<CandidateForecast>): CandidateForecast => ({
  candidateId: 'P-1',
  currentStep: 'Offer made since 2026-11-01; visa not started',
  standing: { kind: 'recruiting', summary: 'The offer is not accepted yet.' },
  nextAction: { action: 'Get the offer accepted', date: '2026-11-15', dateKind: 'expected', confidence: 'assumption', sources: [] },
  flags: [],
  timeline: null,
  arrivalP10: '2026-12',
  arrivalMedian: '2027-01',
  arrivalP90: null,
  arrivalProbability: 0.62,
  byTarget: [
    { targetId: 'pc', dueDate: '2027-12-31', probability: 0.555 },
    { targetId: 'psy', dueDate: '2027-09-30', probability: 0.81 },
  ],
  delayedMostBy: { track: 'availability', label: 'not free before 2027-06-30', share: 0.9 },
  serviceEnds: '2030-06',
  waiverSite: { status: 'check', pool: 'flex', sentence: 'Only facilities are designated.' },
  detailed: true,
  ...overrides,
});

const record = makeCandidate({
  id: 'P-1',
  specialty: 'family medicine',
  stage: 'offer',
  visaRoute: 'j1-conrad30',
  siteState: 'CA',
  siteCountyFips: '06029',
});
const context = { targets, serviceAreas: [], names: new Map([['06029', { fips: '06029', state: 'CA', label: 'Kern County, CA' }]]) };
const cells = (overrides: Partial<CandidateForecast>) =>
  candidateForecastCells(forecast(overrides), record, { months: [...result.months] }, context);
const at = (column: (typeof CANDIDATE_FORECAST_COLUMNS)[number]) => CANDIDATE_FORECAST_COLUMNS.indexOf(column);

describe('a candidate’s forecast as a row', () => {
  it('has the same columns whatever the targets, the record in plain words, and the target least likely to be met in a cell', () => {
    expect(CANDIDATE_FORECAST_COLUMNS.some((column) => /By \d{4}/.test(column))).toBe(false);
    const row = cells({});
    expect(row).toHaveLength(CANDIDATE_FORECAST_COLUMNS.length);
    expect(row).toEqual([
      'P-1',
      'Family medicine',
      'Offer made',
      'J-1 waiver, Conrad 30 (state)',
      'Kern County, CA',
      'Offer made since 2026-11-01; visa not started',
      'The offer is not accepted yet.',
      '62%',
      '2027-01',
      '2026-12 – after 2027-01 or never',
      // 56% for primary care is below 81% for psychiatry: primary care is the one to watch.
      'Primary care (family medicine, general internal medicine, pediatrics, OB/GYN) — California',
      '2027-12-31',
      '56%',
      'not free before 2027-06-30 (90% of runs)',
      'Get the offer accepted',
      '2026-11-15',
      'check: Only facilities are designated.',
      '2030-06',
    ]);
  });

  it('says when a candidate is unlikely to arrive within the horizon, or was beyond the detail limit', () => {
    expect(cells({ arrivalMedian: null })[at('Median arrival')]).toBe('after 2027-01 or never');
    expect(cells({ detailed: false })[at('Median arrival')]).toMatch(/^not computed/);
    const none = { arrivalProbability: 0, arrivalP10: null, arrivalMedian: null };
    const withdrawn = cells({ ...none, standing: { kind: 'withdrawn', summary: 'Withdrew on 2026-10-01.' } });
    expect([withdrawn[at('Median arrival')], withdrawn[at('10th–90th percentile')]]).toEqual(['not in any run', '']);
    // Not within the horizon is not never: a residency first can bring them later.
    const later = cells(none);
    expect([later[at('Median arrival')], later[at('10th–90th percentile')]]).toEqual([
      'after 2027-01 or never',
      'after 2027-01 or never – after 2027-01 or never',
    ]);
  });

  it('without targets leaves the target cells blank, and still gives each candidate’s arrival', () => {
    const row = cells({ byTarget: [] });
    expect(row.slice(at('Target least likely to be met in time'), at('Delayed most by'))).toEqual(['', '', '']);
    expect(row.slice(at('Chance of arriving within the forecast'), at('Target least likely to be met in time'))).toEqual([
      '62%',
      '2027-01',
      '2026-12 – after 2027-01 or never',
    ]);
  });
});
