import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forecastKey, type WorkspaceForecast } from '../../src/app/pipeline/forecast';
import type { WorkerRunOptions } from '../../src/app/pipeline/forecast-client';
import { LiveForecast } from '../../src/app/pipeline/live-forecast';
import type { Target } from '../../src/model/types';
import { emptyWorkspace, type Workspace } from '../../src/model/workspace';
import { makeCandidate } from '../helpers/candidate';

const regions = new Map([['TX', { census: 'South', hhs: 6 }]]);
const today = '2026-11-25';
const target: Target = {
  id: 't1',
  profession: 'physician',
  specialty: 'internal medicine',
  region: { kind: 'state', state: 'TX' },
  hires: 1,
  dueQuarter: '2028-Q4',
  priority: 'high',
  owner: '',
  note: '',
};
const ws = (hires: number): Workspace => ({ ...emptyWorkspace(), targets: [{ ...target, hires }], candidates: [makeCandidate()] });

/** A forecaster whose runs the test finishes by hand. */
function manualForecaster() {
  const runs: { ws: Workspace; run: WorkerRunOptions; finish: () => void }[] = [];
  const forecaster = (w: Workspace, _r: unknown, _t: string, run: WorkerRunOptions) =>
    new Promise<WorkspaceForecast>((resolve) => {
      runs.push({ ws: w, run, finish: () => resolve({ key: forecastKey(w), nextSteps: {}, result: {} as WorkspaceForecast['result'] }) });
    });
  return { runs, forecaster };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the live forecast', () => {
  it('waits for candidates only: each one’s forecast needs no target', () => {
    const live = new LiveForecast({ forecaster: manualForecaster().forecaster });
    live.request(emptyWorkspace(), regions, today);
    expect(live.state).toEqual({ kind: 'waiting', missing: 'candidates' });
    live.request({ ...emptyWorkspace(), targets: ws(1).targets }, regions, today);
    expect(live.state).toEqual({ kind: 'waiting', missing: 'candidates' });
    live.request({ ...emptyWorkspace(), candidates: [makeCandidate()] }, regions, today);
    expect(live.state.kind).toBe('updating');
  });

  it('with candidates, is about to update before its first run is asked for, never "needs candidates"', () => {
    const live = new LiveForecast({ forecaster: manualForecaster().forecaster });
    // The engine is still starting: the provider has not asked for a run yet.
    expect(live.stateFor(ws(1))).toEqual({ kind: 'updating', previous: null, progress: null, slow: false });
    expect(live.stateFor(emptyWorkspace())).toEqual({ kind: 'waiting', missing: 'candidates' });
  });

  it('runs once after a burst of changes (debounced), with the last workspace', async () => {
    const { runs, forecaster } = manualForecaster();
    const live = new LiveForecast({ forecaster, delayMs: 350 });
    for (const hires of [1, 2, 3]) live.request(ws(hires), regions, today);
    expect(live.state.kind).toBe('updating');
    await vi.advanceTimersByTimeAsync(349);
    expect(runs.length).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs.map((r) => r.ws.targets[0].hires)).toEqual([3]);
    live.request(ws(3), regions, today); // the same inputs again: nothing new to run
    runs[0].finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(live.state.kind).toBe('current');
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs.length).toBe(1);
  });

  it('never hands out a result of an earlier workspace as current', async () => {
    const { runs, forecaster } = manualForecaster();
    const live = new LiveForecast({ forecaster, delayMs: 10 });
    live.request(ws(1), regions, today);
    await vi.advanceTimersByTimeAsync(10);
    runs[0].finish();
    await vi.advanceTimersByTimeAsync(0);
    const first = live.state.kind === 'current' ? live.state.forecast : null;
    expect(first).not.toBeNull();
    // Right after an edit, before anything is rerun: the old result is only "previous".
    expect(live.stateFor(ws(2))).toEqual({ kind: 'updating', previous: first, progress: null, slow: false });
    expect(live.stateFor(ws(1)).kind).toBe('current');
    live.request(ws(2), regions, today);
    expect(live.state).toEqual({ kind: 'updating', previous: first, progress: null, slow: false });
  });

  it('abandons a run made obsolete by a newer change, and ignores its late result', async () => {
    const { runs, forecaster } = manualForecaster();
    const live = new LiveForecast({ forecaster, delayMs: 10 });
    live.request(ws(1), regions, today);
    await vi.advanceTimersByTimeAsync(10);
    live.request(ws(2), regions, today);
    expect(runs[0].run.signal?.aborted).toBe(true);
    runs[0].finish(); // arrives late
    await vi.advanceTimersByTimeAsync(0);
    expect(live.state.kind).toBe('updating');
    await vi.advanceTimersByTimeAsync(10);
    runs[1].finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(live.state.kind === 'current' && live.state.forecast.key).toBe(forecastKey(ws(2)));
  });

  it('shows progress once a run takes longer than 300 ms', async () => {
    const { runs, forecaster } = manualForecaster();
    const live = new LiveForecast({ forecaster, delayMs: 10, slowMs: 300 });
    const seen: unknown[] = [];
    live.subscribe(() => seen.push(live.state));
    live.request(ws(1), regions, today);
    await vi.advanceTimersByTimeAsync(10);
    runs[0].run.onProgress?.(0.25);
    expect(live.state).toMatchObject({ kind: 'updating', progress: 0.25, slow: false });
    await vi.advanceTimersByTimeAsync(300);
    expect(live.state).toMatchObject({ kind: 'updating', progress: 0.25, slow: true });
    runs[0].finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(live.state.kind).toBe('current');
    expect(seen.length).toBe(4); // updating, progress, slow, current
  });

  it('says when a run fails', async () => {
    const live = new LiveForecast({ delayMs: 0, forecaster: () => Promise.reject(new Error('worker crashed')) });
    live.request(ws(1), regions, today);
    await vi.advanceTimersByTimeAsync(1);
    expect(live.state).toEqual({ kind: 'failed', message: 'worker crashed' });
  });
});

describe('the forecast worker’s request', () => {
  it('gives the result simulate gives for the same options (regions passed as a table of sites)', async () => {
    vi.useRealTimers();
    const { toForecastRequest, runForecastRequest } = await import('../../src/model/forecast/request');
    const { simulate } = await import('../../src/model/forecast/simulate');
    const { DEFAULT_ASSUMPTIONS } = await import('../../src/model/timing/assumptions');
    const w = ws(1);
    const options = {
      candidates: w.candidates,
      targets: w.targets,
      assumptions: DEFAULT_ASSUMPTIONS,
      now: today,
      runs: 50,
      seed: 7,
      horizonMonths: 24,
      regionContains: (region: Target['region'], site: { state: string }) => region.kind === 'state' && region.state === site.state,
    };
    expect(runForecastRequest(toForecastRequest(options))).toEqual(simulate(options));
  });
});
