// Runs the forecast off the main thread: post a ForecastRequest, receive progress messages and then
// one ForecastResponse.

import { runForecastRequest, type ForecastRequest, type ForecastResponse } from './request';

/** Progress messages per forecast: enough for a smooth bar, few enough to cost nothing. */
const PROGRESS_STEPS = 20;

self.onmessage = (event: MessageEvent<ForecastRequest>) => {
  let response: ForecastResponse;
  const every = Math.max(1, Math.floor(event.data.runs / PROGRESS_STEPS));
  const onRun = (run: number) => {
    if ((run + 1) % every === 0) self.postMessage({ progress: (run + 1) / event.data.runs } satisfies ForecastResponse);
  };
  try {
    response = { ok: true, result: runForecastRequest(event.data, onRun) };
  } catch (error) {
    response = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(response);
};
