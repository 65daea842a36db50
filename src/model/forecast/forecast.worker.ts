// Runs the forecast off the main thread: post a ForecastRequest, receive a ForecastResponse.

import { runForecastRequest, type ForecastRequest, type ForecastResponse } from './request';

self.onmessage = (event: MessageEvent<ForecastRequest>) => {
  let response: ForecastResponse;
  try {
    response = { ok: true, result: runForecastRequest(event.data) };
  } catch (error) {
    response = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(response);
};
