// Runs the Monte Carlo forecast in a Web Worker so the page stays responsive.
import { toForecastRequest, type ForecastResponse } from '../model/forecast/request';
import type { SimulateOptions } from '../model/forecast/simulate';
import type { ForecastResult } from '../model/forecast/result';

export function runForecastInWorker(options: Omit<SimulateOptions, 'onRun'>): Promise<ForecastResult> {
  const worker = new Worker(new URL('../model/forecast/forecast.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<ForecastResult>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<ForecastResponse>) => (e.data.ok ? resolve(e.data.result) : reject(new Error(e.data.error)));
    worker.onerror = (e) => reject(new Error(e.message || 'the forecast worker failed'));
    worker.postMessage(toForecastRequest(options));
  }).finally(() => worker.terminate());
}
