// Seeded Monte Carlo forecast of arrivals: each candidate's arrival (or never), folded into monthly
// arrival bands by specialty × state, each target's chance of being met (with and without the
// $100,000 fee), each candidate's arrival months and what delays them, the extra candidates a
// target needs, and known fees per hire by route. Pure: no DOM, no storage.
//
// prepare (plans flattened into typed arrays, the work cut into units) → run the units (here all
// of them; forecast workers share them out) → summarise the merged tallies.

import { prepareForecast, type SimulateOptions } from './prepare';
import type { ForecastResult } from './result';
import { createTallies, runUnits } from './run-units';
import { summariseForecast } from './summarise';

export type { SiteDesignations } from '../timing/waiver-sites';
export type { ForecastTarget, SimulateOptions } from './prepare';

/** Draws kept for `onRun` at most (8 bytes each). */
const MAX_RECORDED_DRAWS = 50_000_000;

export function simulate(options: SimulateOptions): ForecastResult {
  const prepared = prepareForecast(options);
  const { context, runs, candidates } = prepared;
  const tallies = createTallies(context);
  const recorded = options.onRun ? recordedArrivals(candidates.length, runs) : undefined;
  runUnits(context, tallies, 0, context.work.unitCount, recorded);
  if (options.onRun && recorded) {
    const arrivals = new Float64Array(candidates.length);
    for (let run = 0; run < runs; run++) {
      for (let i = 0; i < candidates.length; i++) arrivals[i] = recorded[i * runs + run];
      options.onRun(run, arrivals);
    }
  }
  return summariseForecast(prepared, tallies);
}

function recordedArrivals(candidates: number, runs: number): Float64Array {
  if (candidates * runs > MAX_RECORDED_DRAWS) {
    throw new Error(`onRun keeps every draw: ${candidates} candidates × ${runs} runs is more than ${MAX_RECORDED_DRAWS}`);
  }
  return new Float64Array(candidates * runs);
}
