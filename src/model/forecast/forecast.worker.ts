// A forecast worker: prepares its share of a forecast, runs the chunks it is given, then sends its
// tallies or adds up everyone's and replies with the result (request.ts has the messages).

import { answerCommand, type ForecastWorkerState } from './forecast-part';
import type { ForecastCommand } from './request';

const state: ForecastWorkerState = { part: null };

self.onmessage = (event: MessageEvent<ForecastCommand>) => {
  const { reply, transfer } = answerCommand(state, event.data);
  self.postMessage(reply, { transfer });
};
