// A forecast worker: prepares its share of a forecast, runs the chunks it is given, then sends its
// tallies or adds up everyone's and replies with the result (request.ts has the messages).

import { ForecastPart } from './forecast-part';
import type { ForecastCommand, ForecastReply } from './request';
import { talliesBuffers } from './run-units';

let part: ForecastPart | null = null;

function reply(message: ForecastReply, transfer: Transferable[] = []): void {
  self.postMessage(message, { transfer });
}

self.onmessage = (event: MessageEvent<ForecastCommand>) => {
  const command = event.data;
  try {
    switch (command.kind) {
      case 'prepare':
        part = new ForecastPart(command.request, command.chunks);
        reply({ kind: 'ready', chunkCosts: part.chunkCosts });
        break;
      case 'run':
        current().run(command.chunk);
        reply({ kind: 'ran', chunk: command.chunk });
        break;
      case 'send-tallies': {
        const tallies = current().tallies();
        part = null;
        reply({ kind: 'tallies', tallies }, talliesBuffers(tallies));
        break;
      }
      case 'summarise': {
        const result = current().summarise(command.others);
        part = null;
        reply({ kind: 'result', result });
        break;
      }
    }
  } catch (error) {
    reply({ kind: 'error', error: error instanceof Error ? error.message : String(error) });
  }
};

function current(): ForecastPart {
  if (!part) throw new Error('the forecast worker has no forecast prepared');
  return part;
}
