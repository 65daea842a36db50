import { describe, expect, it } from 'vitest';
import { candidateForecastCells, candidateForecastColumns } from '../../src/app/pipeline/candidate-forecast-table';
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
  byTarget: [{ targetId: 'pc', dueDate: '2027-12-31', probability: 0.555 }],
  delayedMostBy: { track: 'availability', label: 'not free before 2027-06-30', share: 0.9 },
  serviceEnds: '2030-06',
  waiverSite: { status: 'check', pool: 'flex', sentence: 'Only facilities are designated.' },
  detailed: true,
  ...overrides,
});

describe('a candidate’s forecast as a row', () => {
  it('has a column per target by its due date and label, and a cell for each column', () => {
    const columns = candidateForecastColumns(result as never, targets, []);
    expect(columns.slice(6, 8)).toEqual([
      'By 2027-12-31: Primary care (family medicine, general internal medicine, pediatrics, OB/GYN) — California',
      'By 2027-12-31: Psychiatry — California',
    ]);
    const cells = candidateForecastCells(forecast({}), result as never);
    expect(cells).toHaveLength(columns.length);
    expect(cells).toEqual([
      'P-1',
      'Offer made since 2026-11-01; visa not started',
      'The offer is not accepted yet.',
      '62%',
      '2027-01',
      '2026-12 – after 2027-01 or never',
      '56%',
      '', // does not count toward psychiatry
      'not free before 2027-06-30 (90% of runs)',
      'check: Only facilities are designated.',
      '2030-06',
    ]);
  });

  it('says when a candidate is unlikely to arrive within the horizon, or was beyond the detail limit', () => {
    expect(candidateForecastCells(forecast({ arrivalMedian: null }), result as never)[4]).toBe('after 2027-01 or never');
    expect(candidateForecastCells(forecast({ detailed: false }), result as never)[4]).toMatch(/^not computed/);
    const none = { arrivalProbability: 0, arrivalP10: null, arrivalMedian: null };
    const withdrawn = candidateForecastCells(
      forecast({ ...none, standing: { kind: 'withdrawn', summary: 'Withdrew on 2026-10-01.' } }),
      result as never,
    );
    expect(withdrawn.slice(4, 6)).toEqual(['not in any run', '']);
    // Not within the horizon is not never: a residency first can bring them later.
    expect(candidateForecastCells(forecast(none), result as never).slice(4, 6)).toEqual([
      'after 2027-01 or never',
      'after 2027-01 or never – after 2027-01 or never',
    ]);
  });

  it('without targets has no target column, and still each candidate’s arrival', () => {
    const columns = candidateForecastColumns({ targets: [] }, [], []);
    expect(columns.some((column) => column.startsWith('By '))).toBe(false);
    const cells = candidateForecastCells(forecast({ byTarget: [] }), { months: [...result.months], targets: [] });
    expect(cells).toHaveLength(columns.length);
    expect(cells.slice(3, 6)).toEqual(['62%', '2027-01', '2026-12 – after 2027-01 or never']);
  });
});
