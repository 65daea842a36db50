// Runs the Monte Carlo forecast off the main thread, split over one worker per core: every worker
// prepares the forecast, workers take chunks of its work as they free up, and the first worker
// ready adds up everyone's tallies (transferred, not copied) and replies with the result. The
// result does not depend on how many workers there are (src/model/forecast/forecast-part.ts).
import type { ForecastCommand, ForecastReply } from '../model/forecast/request';
import { toForecastRequest } from '../model/forecast/request';
import type { ForecastResult } from '../model/forecast/result';
import { talliesBuffers, type Tallies } from '../model/forecast/run-units';
import type { SimulateOptions } from '../model/forecast/simulate';

/** More workers than this only add start-up cost on the machines the app runs on. */
const MAX_WORKERS = 8;
/** Chunks per worker: enough for a worker that is slowed down to hand work to the others. */
const CHUNKS_PER_WORKER = 4;

export interface WorkerRunOptions {
  /** Aborting ends the workers at once; the promise rejects with an AbortError. */
  signal?: AbortSignal;
  /** The share of the work done, 0–1, a few times per forecast. */
  onProgress?: (done: number) => void;
  /** Workers to use; default one per core (navigator.hardwareConcurrency), at most MAX_WORKERS. */
  workers?: number;
}

export function forecastWorkerCount(): number {
  const cores = typeof navigator === 'undefined' ? 1 : navigator.hardwareConcurrency || 1;
  return Math.max(1, Math.min(MAX_WORKERS, cores));
}

export function runForecastInWorker(options: Omit<SimulateOptions, 'onRun'>, run: WorkerRunOptions = {}): Promise<ForecastResult> {
  const { signal, onProgress } = run;
  const superseded = () => new DOMException('The forecast was superseded', 'AbortError');
  if (signal?.aborted) return Promise.reject(superseded());
  const count = run.workers ?? forecastWorkerCount();
  const workers = Array.from(
    { length: count },
    () => new Worker(new URL('../model/forecast/forecast.worker.ts', import.meta.url), { type: 'module' }),
  );
  let abort = () => {};
  return new Promise<ForecastResult>((resolve, reject) => {
    abort = () => reject(superseded());
    signal?.addEventListener('abort', abort);
    const send = (w: number, command: ForecastCommand, transfer: Transferable[] = []) => workers[w].postMessage(command, { transfer });
    let chunkCosts: Float64Array | null = null;
    let totalCost = 0;
    let doneCost = 0;
    let next = 0;
    let running = 0;
    let summariser = -1;
    const ranChunks = new Set<number>();
    const tallies = new Map<number, Tallies>();

    const dispatch = (w: number) => {
      if (chunkCosts && next < chunkCosts.length) {
        running++;
        ranChunks.add(w);
        send(w, { kind: 'run', chunk: next++ });
      } else if (running === 0) collect();
    };
    // Every chunk done: the workers that ran some send their tallies to the summariser.
    let collecting = false;
    const collect = () => {
      if (collecting) return;
      collecting = true;
      for (const w of ranChunks) if (w !== summariser) send(w, { kind: 'send-tallies' });
      summariseIfComplete();
    };
    const summariseIfComplete = () => {
      if ([...ranChunks].some((w) => w !== summariser && !tallies.has(w))) return;
      const others = [...tallies.values()];
      send(summariser, { kind: 'summarise', others }, others.flatMap(talliesBuffers));
    };

    workers.forEach((worker, w) => {
      worker.onmessage = (event: MessageEvent<ForecastReply>) => {
        const message = event.data;
        switch (message.kind) {
          case 'ready':
            if (!chunkCosts) {
              chunkCosts = message.chunkCosts;
              totalCost = chunkCosts.reduce((a, b) => a + b, 0);
              summariser = w;
            }
            dispatch(w);
            break;
          case 'ran':
            running--;
            doneCost += chunkCosts?.[message.chunk] ?? 0;
            onProgress?.(totalCost > 0 ? doneCost / totalCost : 1);
            dispatch(w);
            break;
          case 'tallies':
            tallies.set(w, message.tallies);
            summariseIfComplete();
            break;
          case 'result':
            resolve(message.result);
            break;
          case 'error':
            reject(new Error(message.error));
            break;
        }
      };
      worker.onerror = (e) => reject(new Error(e.message || 'the forecast worker failed'));
    });
    const request = toForecastRequest(options);
    workers.forEach((_, w) => send(w, { kind: 'prepare', request, chunks: count * CHUNKS_PER_WORKER }));
  }).finally(() => {
    signal?.removeEventListener('abort', abort);
    for (const worker of workers) worker.terminate();
  });
}
