import { describe, expect, it } from 'vitest';
import type { WorkspaceForecast } from '../../src/app/pipeline/forecast';
import type { LiveForecastState } from '../../src/app/pipeline/live-forecast-state';
import { describeForecast, describeServiceArea, describeTargets, nextPlanStep, planSteps } from '../../src/app/plan/plan';
import type { TargetForecast } from '../../src/model/forecast/result';
import type { Target } from '../../src/model/types';
import { emptyWorkspace, type Workspace } from '../../src/model/workspace';
import { makeCandidate } from '../helpers/candidate';

const names = new Map([['06029', { fips: '06029', state: 'CA', label: 'Kern County, CA' }]]);
const target = (id: string, hires: number, dueQuarter: string): Target => ({
  id,
  profession: 'physician',
  specialty: 'psychiatry',
  region: { kind: 'state', state: 'CA' },
  hires,
  dueQuarter,
  priority: 'high',
  owner: '',
  note: '',
});
/** A finished forecast with these P(met) per target (only what the plan strip reads). */
const current = (ps: number[]): LiveForecastState => ({
  kind: 'current',
  forecast: {
    key: '',
    nextSteps: {},
    result: { targetProbability: 0.8, targets: ps.map((p, i) => ({ targetId: `t${i}`, probabilityMet: p }) as TargetForecast) },
  } as unknown as WorkspaceForecast,
});

describe('the plan strip', () => {
  it('on an empty workspace: every step to do, starting with where', () => {
    const steps = planSteps(emptyWorkspace(), { kind: 'waiting', missing: 'candidates' }, names);
    expect(steps.map((s) => [s.id, s.status, s.summary])).toEqual([
      ['where', 'todo', 'No service area yet'],
      ['targets', 'todo', 'No targets yet'],
      ['pipeline', 'todo', 'No candidates yet'],
      ['forecast', 'todo', 'Needs candidates'],
      ['share', 'todo', 'Report without a forecast yet'],
    ]);
    expect(nextPlanStep(steps).id).toBe('where');
    expect(steps.map((s) => s.screen)).toEqual(['map', 'targets', 'pipeline', 'pipeline', 'report']);
  });

  it('states each step in words once the plan is complete, and points at sharing', () => {
    const ws: Workspace = {
      ...emptyWorkspace(),
      serviceAreas: [{ id: 'a', name: 'Kern', counties: ['06029'], states: [] }],
      targets: [target('t0', 2, '2027-Q4'), target('t1', 3, '2028-Q2')],
      candidates: [makeCandidate({ stage: 'arrived' }), makeCandidate({ id: 'c2' }), makeCandidate({ id: 'c3', stage: 'withdrawn' })],
    };
    const steps = planSteps(ws, current([0.62, 0.91]), names);
    expect(steps.map((s) => s.summary)).toEqual([
      'Kern · Kern County, CA',
      '2 targets · 5 hires by 2028-Q2',
      '3 candidates · 1 in progress',
      'P(met) 62–91% · 1 of 2 on track',
      'Report ready to preview and download',
    ]);
    expect(steps.slice(0, 4).every((s) => s.status === 'done')).toBe(true);
    expect(nextPlanStep(steps).id).toBe('share');
  });

  it('is shared once the report is downloaded, and asks for it again once the plan has changed since', () => {
    const ws = { ...emptyWorkspace(), targets: [target('t0', 2, '2027-Q4')], candidates: [makeCandidate({})] };
    const share = (shared: { at: string; current: boolean } | null) => planSteps(ws, current([0.7]), names, shared)[4];
    expect(share(null)).toMatchObject({ status: 'todo', summary: 'Report ready to preview and download' });
    expect(share({ at: '14:05', current: true })).toMatchObject({
      status: 'done',
      summary: 'Report downloaded at 14:05',
      action: 'Send the downloaded file; a change to the plan will ask for a new one.',
    });
    expect(share({ at: '14:05', current: false })).toMatchObject({
      status: 'todo',
      summary: 'Downloaded at 14:05; the plan has changed since',
      action: 'Download the report again: the plan has changed since the last one.',
    });
  });

  it('never states a P(met) while the forecast updates', () => {
    expect(describeForecast({ kind: 'updating', previous: null, progress: null, slow: false })).toBe('Updating…');
    expect(describeForecast({ kind: 'updating', previous: null, progress: 0.45, slow: true })).toBe('Updating… 45%');
    const steps = planSteps(emptyWorkspace(), { kind: 'updating', previous: null, progress: 0.2, slow: false }, names);
    expect(steps[3]).toMatchObject({ status: 'busy', summary: 'Updating…' });
    expect(steps[4].summary).toBe('Waiting for the forecast');
  });

  it('describes one target, service areas of many counties or whole states, and a failed run', () => {
    expect(describeForecast(current([0.5]))).toBe('P(met) 50%');
    expect(describeForecast(current([0.85, 0.85]))).toBe('P(met) 85% · 2 of 2 on track');
    expect(describeForecast({ kind: 'failed', message: 'boom' })).toBe('Could not run: boom');
    expect(describeTargets([target('t', 1, '2027-Q1')])).toBe('1 target · 1 hire by 2027-Q1');
    expect(describeServiceArea({ id: 'a', name: 'Valley', counties: ['06019', '06029', '06107'], states: [] }, names)).toBe(
      'Valley · 3 counties',
    );
    expect(describeServiceArea({ id: 'a', name: 'West', counties: [], states: ['CA', 'NV'] }, names)).toBe('West · California, Nevada');
    expect(describeServiceArea({ id: 'a', name: 'New', counties: [], states: [] }, names)).toBe('New · no counties yet');
  });
});
