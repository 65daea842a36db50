import { describe, it, expect } from 'vitest';
import { companionSource, mainSource, sourceLabel, availableHpsaMetrics, type HpsaSource } from '../../src/model/hpsa-sources';
import { DEFAULT_VIEW } from '../../src/model/map-view';

const summary = (asOf: string, states: number, over: Partial<HpsaSource> = {}): HpsaSource => ({
  kind: 'summary',
  discipline: 'Primary Care',
  asOf,
  states,
  hasNeedMet: false,
  hasPractitioners: true,
  hasPopulation: true,
  source: 'HRSA',
  ...over,
});
const detail = (states: number, stateList: string): HpsaSource => ({ ...summary('2024-03-27', states), kind: 'detail', stateList });

const loaded = [summary('2021-09-30', 51, { hasNeedMet: true }), summary('2021-12-31', 51), summary('2025-03-31', 28), detail(1, 'CA')];

describe('which HRSA figures a map shows', () => {
  it('state level: the newest summary covering every state, with a one-state detail file beside it', () => {
    const main = mainSource(DEFAULT_VIEW, loaded);
    expect(main?.asOf).toBe('2021-12-31');
    expect(companionSource(DEFAULT_VIEW, main, loaded)?.kind).toBe('detail');
  });

  it('a national detail file replaces the summary, and the summary is shown beside it', () => {
    const national = [...loaded.slice(0, 3), detail(51, 'AK, AL')];
    const main = mainSource(DEFAULT_VIEW, national);
    expect(main?.kind).toBe('detail');
    expect(companionSource(DEFAULT_VIEW, main, national)?.asOf).toBe('2021-12-31');
    // The user may still ask for a summary vintage.
    expect(mainSource({ ...DEFAULT_VIEW, asOf: '2025-03-31' }, national)?.asOf).toBe('2025-03-31');
  });

  it('a metric only one table has picks that table; scores come from detail files only', () => {
    expect(mainSource({ ...DEFAULT_VIEW, metric: 'need_met' }, loaded)?.asOf).toBe('2021-09-30');
    expect(mainSource({ ...DEFAULT_VIEW, metric: 'need_met', asOf: '2021-12-31' }, loaded)?.asOf).toBe('2021-09-30');
    expect(mainSource({ ...DEFAULT_VIEW, metric: 'max_score' }, loaded)?.kind).toBe('detail');
    expect(mainSource({ ...DEFAULT_VIEW, level: 'county' }, loaded)?.kind).toBe('detail');
    expect(mainSource({ ...DEFAULT_VIEW, level: 'county' }, loaded.slice(0, 3))).toBeNull();
    expect(availableHpsaMetrics({ discipline: 'Primary Care', level: 'state' }, loaded.slice(0, 3))).toEqual([
      'fte_needed',
      'designations',
      'population',
      'need_met',
    ]);
  });

  it('only partial tables: the newest, labelled partial', () => {
    const mh = [summary('2025-03-31', 29, { discipline: 'Mental Health' })];
    const main = mainSource({ ...DEFAULT_VIEW, discipline: 'Mental Health' }, mh)!;
    expect(sourceLabel(main)).toBe('HRSA state summary as of 2025-03-31 (partial: 29 of 51 states)');
    expect(sourceLabel(summary('2023', 51))).toBe('HRSA state summary as of 2023 (exact date not stated)');
    expect(sourceLabel(detail(51, ''))).toBe('HRSA detail file as of 2024-03-27');
  });
});
