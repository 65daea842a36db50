// The client that splits a forecast over workers, driven against the real worker code
// (answerCommand, what forecast.worker.ts runs) behind a Worker that answers asynchronously and
// copies or transfers messages as a browser does. The browser tests run the real workers.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeCandidate } from '../helpers/candidate';
import { runForecastInWorker } from '../../src/app/pipeline/forecast-client';
import { answerCommand, type ForecastWorkerState } from '../../src/model/forecast/forecast-part';
import type { ForecastCommand, ForecastReply } from '../../src/model/forecast/request';
import { simulate, type SimulateOptions } from '../../src/model/forecast/simulate';
import { DEFAULT_ASSUMPTIONS } from '../../src/model/timing/assumptions';
import type { RegionRef } from '../../src/model/types';

class FakeWorker {
  static created = 0;
  static terminated = 0;
  onmessage: ((event: { data: ForecastReply }) => void) | null = null;
  onerror: ((event: { message: string }) => void) | null = null;
  private readonly state: ForecastWorkerState = { part: null };
  private ended = false;

  constructor() {
    FakeWorker.created++;
  }

  postMessage(command: ForecastCommand, options?: { transfer?: Transferable[] }): void {
    const data = structuredClone(command, { transfer: options?.transfer });
    setTimeout(() => {
      if (this.ended) return;
      const { reply, transfer } = answerCommand(this.state, data);
      const out = structuredClone(reply, { transfer });
      setTimeout(() => {
        if (!this.ended) this.onmessage?.({ data: out });
      });
    });
  }

  terminate(): void {
    if (!this.ended) FakeWorker.terminated++;
    this.ended = true;
  }
}

const inState = (region: RegionRef, site: { state: string }) => region.kind === 'state' && region.state === site.state;
const routes = ['us-authorized', 'h1b-cap-subject', 'j1-conrad30', 'h1b-cap-exempt'] as const;
const options: Omit<SimulateOptions, 'onRun'> = {
  candidates: Array.from({ length: 40 }, (_, i) =>
    makeCandidate({
      id: `c${i}`,
      stage: i % 2 ? 'offer' : 'sourced',
      visaRoute: routes[i % routes.length],
      stageDate: `2026-${String(1 + (i % 10)).padStart(2, '0')}-15`,
    }),
  ),
  targets: [
    {
      id: 't',
      profession: 'physician',
      specialty: 'internal medicine',
      region: { kind: 'state', state: 'TX' },
      hires: 12,
      dueQuarter: '2028-Q2',
      priority: 'high',
      owner: '',
      note: '',
    },
  ],
  assumptions: DEFAULT_ASSUMPTIONS,
  now: '2026-11-23',
  runs: 1200,
  seed: 3,
  horizonMonths: 30,
  regionContains: inState,
};

describe('a forecast split over workers', () => {
  beforeAll(() => vi.stubGlobal('Worker', FakeWorker));
  afterAll(() => vi.unstubAllGlobals());
  const expected = simulate(options);

  it.each([1, 2, 3])('gives the one-thread result with %i worker(s), reporting progress up to 1', async (workers) => {
    const progress: number[] = [];
    const result = await runForecastInWorker(options, { workers, onProgress: (done) => progress.push(done) });
    expect(result).toEqual(expected);
    expect(progress.length).toBeGreaterThan(workers);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(1);
  });

  it('keeps finished workers for the next forecast', async () => {
    await runForecastInWorker(options, { workers: 2 });
    const created = FakeWorker.created;
    expect(await runForecastInWorker(options, { workers: 2 })).toEqual(expected);
    expect(FakeWorker.created).toBe(created);
  });

  it('ends the workers of an aborted forecast, and the next one is whole', async () => {
    const controller = new AbortController();
    const terminated = FakeWorker.terminated;
    const aborted = runForecastInWorker(options, {
      workers: 3,
      signal: controller.signal,
      onProgress: (done) => done > 0.2 && controller.abort(),
    });
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    expect(FakeWorker.terminated - terminated).toBe(3);
    expect(await runForecastInWorker(options, { workers: 3 })).toEqual(expected);
  });

  it('reports a forecast the model refuses as an error', async () => {
    await expect(runForecastInWorker({ ...options, runs: 0 }, { workers: 2 })).rejects.toThrow('runs');
  });
});
