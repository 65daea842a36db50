// The forecast as messages for Web Workers: functions cannot be posted, so the main thread
// evaluates `regionContains` for every target region and candidate site up front, and each worker
// rebuilds it from that table. A forecast is split over workers (forecast-part.ts): each prepares
// it, runs the chunks it is given and sends its tallies (typed arrays, transferred); one of them
// adds them up and replies with the result.

import type { RegionRef } from '../types';
import type { SimulateOptions } from './prepare';
import type { ForecastResult } from './result';
import type { Tallies } from './run-units';
import { simulate } from './simulate';
import type { Site } from './target-matching';

export interface ForecastRequest extends Omit<SimulateOptions, 'regionContains' | 'onRun'> {
  /** Per distinct target region, the keys (see siteKey) of the candidate sites inside it. */
  regionSites: { region: RegionRef; sites: string[] }[];
}

/** Main thread → forecast worker. */
export type ForecastCommand =
  /** Prepare the forecast and cut its work into `chunks` chunks. */
  | { kind: 'prepare'; request: ForecastRequest; chunks: number }
  | { kind: 'run'; chunk: number }
  /** No chunks left: send your tallies. */
  | { kind: 'send-tallies' }
  /** Add these tallies to yours and reply with the result. */
  | { kind: 'summarise'; others: Tallies[] };

/** Forecast worker → main thread. */
export type ForecastReply =
  | { kind: 'ready'; chunkCosts: Float64Array }
  | { kind: 'ran'; chunk: number }
  | { kind: 'tallies'; tallies: Tallies }
  | { kind: 'result'; result: ForecastResult }
  | { kind: 'error'; error: string };

function siteKey(site: Site): string {
  return `${site.state}|${site.countyFips}`;
}

/** Main thread: everything simulate needs, as structured-cloneable data. */
export function toForecastRequest(options: Omit<SimulateOptions, 'onRun'>): ForecastRequest {
  const { regionContains, ...rest } = options;
  const sites = new Map<string, Site>();
  for (const candidate of options.candidates) {
    const site = { state: candidate.siteState, countyFips: candidate.siteCountyFips };
    sites.set(siteKey(site), site);
  }
  const regions = new Map<string, RegionRef>(options.targets.map((target) => [JSON.stringify(target.region), target.region]));
  return {
    ...rest,
    regionSites: [...regions.values()].map((region) => ({
      region,
      sites: [...sites].filter(([, site]) => regionContains(region, site)).map(([key]) => key),
    })),
  };
}

/** Worker side: the options a request stands for. */
export function runRequestOptions(request: ForecastRequest): Omit<SimulateOptions, 'onRun'> {
  const { regionSites, ...options } = request;
  const inside = new Map(regionSites.map((entry) => [JSON.stringify(entry.region), new Set(entry.sites)]));
  return {
    ...options,
    regionContains: (region, site) => inside.get(JSON.stringify(region))?.has(siteKey(site)) ?? false,
  };
}

/** Runs the forecast described by a request in one thread. */
export function runForecastRequest(request: ForecastRequest): ForecastResult {
  return simulate(runRequestOptions(request));
}
