// Runs the Monte Carlo forecast in a Web Worker so the page stays responsive.
import { toForecastRequest, type ForecastResponse } from '../model/forecast/request';
import type { SimulateOptions } from '../model/forecast/simulate';
import type { ForecastResult } from '../model/forecast/result';

export interface WorkerRunOptions {
  /** Aborting ends the worker at once; the promise rejects with an AbortError. */
  signal?: AbortSignal;
  /** The share of runs done, 0–1, a few times per forecast. */
  onProgress?: (done: number) => void;
}

export function runForecastInWorker(options: Omit<SimulateOptions, 'onRun'>, run: WorkerRunOptions = {}): Promise<ForecastResult> {
  const { signal, onProgress } = run;
  if (signal?.aborted) return Promise.reject(new DOMException('The forecast was superseded', 'AbortError'));
  const worker = new Worker(new URL('../model/forecast/forecast.worker.ts', import.meta.url), { type: 'module' });
  let abort = () => {};
  return new Promise<ForecastResult>((resolve, reject) => {
    abort = () => reject(new DOMException('The forecast was superseded', 'AbortError'));
    signal?.addEventListener('abort', abort);
    worker.onmessage = (e: MessageEvent<ForecastResponse>) => {
      const m = e.data;
      if ('progress' in m) onProgress?.(m.progress);
      else if (m.ok) resolve(m.result);
      else reject(new Error(m.error));
    };
    worker.onerror = (e) => reject(new Error(e.message || 'the forecast worker failed'));
    worker.postMessage(toForecastRequest(options));
  }).finally(() => {
    signal?.removeEventListener('abort', abort);
    worker.terminate();
  });
}
