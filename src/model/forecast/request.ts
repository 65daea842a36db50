// The forecast as a message for a Web Worker: functions cannot be posted, so the main thread
// evaluates `regionContains` for every target region and candidate site up front, and the worker
// rebuilds it from that table.

import type { RegionRef } from '../types';
import type { ForecastResult } from './result';
import { simulate, type SimulateOptions } from './simulate';
import type { Site } from './target-matching';

export interface ForecastRequest extends Omit<SimulateOptions, 'regionContains' | 'onRun'> {
  /** Per distinct target region, the keys (see siteKey) of the candidate sites inside it. */
  regionSites: { region: RegionRef; sites: string[] }[];
}

/** The worker's messages: progress (the share of runs done) while it runs, then the result or the error. */
export type ForecastResponse = { ok: true; result: ForecastResult } | { ok: false; error: string } | { progress: number };

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

/** Worker side: runs the forecast described by a request. */
export function runForecastRequest(request: ForecastRequest, onRun?: SimulateOptions['onRun']): ForecastResult {
  const { regionSites, ...options } = request;
  const inside = new Map(regionSites.map((entry) => [JSON.stringify(entry.region), new Set(entry.sites)]));
  return simulate({
    ...options,
    regionContains: (region, site) => inside.get(JSON.stringify(region))?.has(siteKey(site)) ?? false,
    onRun,
  });
}
