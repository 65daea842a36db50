// Runs the Monte Carlo forecast off the main thread, split over one worker per core: every worker
// prepares the forecast, workers take chunks of its work as they free up, and the first worker
// ready adds up everyone's tallies (transferred, not copied) and replies with the result. The
// result does not depend on how many workers there are (src/model/forecast/forecast-part.ts).
// Workers that finished are kept for the next forecast (the live forecast reruns on every change)
// until they have been idle for a while; an aborted forecast's workers are ended at once.
import type { ForecastCommand, ForecastReply } from '../../model/forecast/request';
import { toForecastRequest } from '../../model/forecast/request';
import type { ForecastResult } from '../../model/forecast/result';
import { talliesBuffers, type Tallies } from '../../model/forecast/run-units';
import type { SimulateOptions } from '../../model/forecast/simulate';

/** More workers than this only add start-up cost on the machines the app runs on. */
const MAX_WORKERS = 8;
/** Chunks per worker: enough for a worker that is slowed down to hand work to the others. */
const CHUNKS_PER_WORKER = 4;
/** Idle workers are ended after this long. */
const IDLE_MS = 60_000;

const idle: Worker[] = [];
let idleTimer: ReturnType<typeof setTimeout> | undefined;

function takeWorkers(count: number): Worker[] {
  const workers = idle.splice(0, count);
  while (workers.length < count) {
    workers.push(new Worker(new URL('../../model/forecast/forecast.worker.ts', import.meta.url), { type: 'module' }));
  }
  return workers;
}

function keepWorkers(workers: Worker[]): void {
  for (const worker of workers) {
    worker.onmessage = null;
    worker.onerror = null;
  }
  idle.push(...workers);
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => idle.splice(0).forEach((worker) => worker.terminate()), IDLE_MS);
}

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
  const workers = takeWorkers(count);
  let abort = () => {};
  let finished = false;
  // Every command gets one reply; a worker still owing one is busy and is not kept.
  const owed = new Array<number>(count).fill(0);
  return new Promise<ForecastResult>((resolve, reject) => {
    abort = () => reject(superseded());
    signal?.addEventListener('abort', abort);
    const send = (w: number, command: ForecastCommand, transfer: Transferable[] = []) => {
      owed[w]++;
      workers[w].postMessage(command, { transfer });
    };
    let chunkCosts: Float64Array | null = null;
    let totalCost = 0;
    let doneCost = 0;
    let next = 0;
    let running = 0;
    let summariser = -1;
    const ready = new Set<number>();
    const collected = new Set<number>();
    const tallies = new Map<number, Tallies>();

    const dispatch = (w: number) => {
      if (chunkCosts && next < chunkCosts.length) {
        running++;
        send(w, { kind: 'run', chunk: next++ });
      } else if (running === 0) collect();
    };
    // Every chunk done: the other workers ready by now send their tallies (and drop their forecast);
    // one still preparing has run nothing and is not waited for.
    let collecting = false;
    const collect = () => {
      if (collecting) return;
      collecting = true;
      for (const w of ready) {
        if (w === summariser) continue;
        collected.add(w);
        send(w, { kind: 'send-tallies' });
      }
      summariseIfComplete();
    };
    const summariseIfComplete = () => {
      if (tallies.size < collected.size) return;
      const others = [...tallies.values()];
      send(summariser, { kind: 'summarise', others }, others.flatMap(talliesBuffers));
    };

    workers.forEach((worker, w) => {
      worker.onmessage = (event: MessageEvent<ForecastReply>) => {
        const message = event.data;
        owed[w]--;
        switch (message.kind) {
          case 'ready':
            ready.add(w);
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
            finished = true;
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
    workers.forEach((worker, w) => {
      if (!finished || owed[w] > 0) worker.terminate();
    });
    if (finished) keepWorkers(workers.filter((_, w) => owed[w] === 0));
  });
}
