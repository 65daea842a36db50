// One worker's share of a forecast split over several workers. Every worker prepares the same
// forecast from the same request and cuts its units into the same chunks; the main thread hands
// chunks out as workers ask for them; at the end one worker adds up everyone's tallies and
// summarises. Units draw from their own random streams and tallies add up exactly, so the result
// is the same whatever the number of workers and whichever worker ran which chunk.

import { prepareForecast, type PreparedForecast } from './prepare';
import { runRequestOptions, type ForecastCommand, type ForecastReply, type ForecastRequest } from './request';
import type { ForecastResult } from './result';
import { createTallies, mergeTallies, runUnits, talliesBuffers, type Tallies } from './run-units';
import { summariseForecast } from './summarise';
import { shareUnits } from './work-plan';

export class ForecastPart {
  /** Relative cost of each chunk (to report progress). */
  readonly chunkCosts: Float64Array;
  private readonly prepared: PreparedForecast;
  private readonly bounds: Int32Array;
  private readonly ownTallies: Tallies;

  constructor(request: ForecastRequest, chunks: number) {
    this.prepared = prepareForecast(runRequestOptions(request));
    const { work } = this.prepared.context;
    this.bounds = shareUnits(work, Math.max(1, Math.min(chunks, work.unitCount)));
    this.chunkCosts = Float64Array.from({ length: this.bounds.length - 1 }, (_, k) => {
      let cost = 0;
      for (let u = this.bounds[k]; u < this.bounds[k + 1]; u++) cost += work.unitCost[u];
      return cost;
    });
    this.ownTallies = createTallies(this.prepared.context);
  }

  run(chunk: number): void {
    runUnits(this.prepared.context, this.ownTallies, this.bounds[chunk], this.bounds[chunk + 1]);
  }

  tallies(): Tallies {
    return this.ownTallies;
  }

  /** The result, from this part's tallies and every other part's. */
  summarise(others: Tallies[]): ForecastResult {
    for (const tallies of others) mergeTallies(this.ownTallies, tallies);
    return summariseForecast(this.prepared, this.ownTallies);
  }
}

/** A forecast worker's state between messages: the share it prepared, if any. */
export interface ForecastWorkerState {
  part: ForecastPart | null;
}

/** What a forecast worker replies to a command (and the buffers to transfer with it). */
export function answerCommand(state: ForecastWorkerState, command: ForecastCommand): { reply: ForecastReply; transfer: Transferable[] } {
  const current = () => {
    if (!state.part) throw new Error('the forecast worker has no forecast prepared');
    return state.part;
  };
  try {
    switch (command.kind) {
      case 'prepare':
        state.part = new ForecastPart(command.request, command.chunks);
        return { reply: { kind: 'ready', chunkCosts: state.part.chunkCosts }, transfer: [] };
      case 'run':
        current().run(command.chunk);
        return { reply: { kind: 'ran', chunk: command.chunk }, transfer: [] };
      case 'send-tallies': {
        const tallies = current().tallies();
        state.part = null;
        return { reply: { kind: 'tallies', tallies }, transfer: talliesBuffers(tallies) };
      }
      case 'summarise': {
        const result = current().summarise(command.others);
        state.part = null;
        return { reply: { kind: 'result', result }, transfer: [] };
      }
    }
  } catch (error) {
    state.part = null;
    return { reply: { kind: 'error', error: error instanceof Error ? error.message : String(error) }, transfer: [] };
  }
}
