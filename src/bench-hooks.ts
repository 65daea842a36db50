// Hooks for `npm run bench` (bench/run.mjs): run app code paths on generated data from the page.
// Only the benchmark build (`vite build --mode bench`) imports this file; `npm run build` leaves it out.
import { runForecastInWorker } from './app/pipeline/forecast-client';
import type { Coordinator } from './data/cache/coordinator';
import { PIPELINE_TABLE, generatePipelineTable } from './data/tables/pipeline';
import { syntheticCandidates, syntheticTargets, variedPipeline } from './model/pipeline/synthetic';
import { regionContainsFor } from './model/region-contains';
import { DEFAULT_ASSUMPTIONS } from './model/timing/assumptions';

declare global {
  interface Window {
    __atlasBench?: {
      forecast(candidates: number, runs: number, pipeline?: 'synthetic' | 'varied'): Promise<number>;
      loadPipeline?(rows: number): Promise<void>;
      /** Resolves once the views' questions asked ahead (Coordinator.prefetch) have their answers. */
      askedAhead?(): Promise<void>;
    };
  }
}

export function installBenchHooks(): void {
  window.__atlasBench = {
    /**
     * Runs the app's forecast workers on a generated pipeline (the synthetic one, or one shaped like
     * a real pipeline: variedPipeline); resolves with the milliseconds it took.
     */
    async forecast(candidates, runs, pipeline = 'synthetic') {
      const input =
        pipeline === 'varied' ? variedPipeline(candidates) : { candidates: syntheticCandidates(candidates), targets: syntheticTargets(40) };
      const t0 = performance.now();
      await runForecastInWorker({
        ...input,
        assumptions: DEFAULT_ASSUMPTIONS,
        now: '2026-11-23',
        runs,
        seed: 1,
        horizonMonths: 48,
        regionContains: regionContainsFor([], new Map()),
      });
      return performance.now() - t0;
    },
  };
}

/**
 * Once the coordinator exists: replace the pipeline table with `rows` generated candidates; wait
 * for the prefetches. `?no-prefetch` in the address turns prefetching off, to measure first asks.
 */
export function registerCoordinatorHooks(coordinator: Coordinator): void {
  if (!window.__atlasBench) return;
  coordinator.prefetching = !new URLSearchParams(location.search).has('no-prefetch');
  window.__atlasBench.askedAhead = () => coordinator.prefetchDone();
  window.__atlasBench.loadPipeline = async (rows) => {
    await generatePipelineTable(coordinator.engine, rows);
    await coordinator.dataChanged([PIPELINE_TABLE]);
  };
}
