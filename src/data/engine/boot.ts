// Start-up in the browser, before React renders. Two things at once: the first screen's query
// results, computed at build time (snapshot.ts; preloaded by index.html), from which the map draws;
// and the engine: DuckDB's worker at once (worker.ts), then its own chunk (start.ts), which answers
// every other query once it has loaded the embedded datasets.
import type { SqlEngine } from './engine';
import type { LoadedDataset } from '../loaders/dataset';
import { fetchSnapshot, type Snapshot } from '../cache/snapshot';
import type { EngineStep } from './start';
import { startDuckDbWorker } from './worker';

export type BootStep = EngineStep;

export interface Booting {
  /** The build's first screen, or null without one (the dev server): the app then waits for the engine. */
  firstScreen: Promise<Snapshot | null>;
  /** The engine with every embedded dataset loaded. */
  engine: Promise<{ engine: SqlEngine; datasets: LoadedDataset[] }>;
  /** Replays the steps so far, then reports each new one; returns an unsubscribe function. */
  subscribe(listener: (s: BootStep) => void): () => void;
}

export function startBoot(): Booting {
  const steps: BootStep[] = [];
  const listeners = new Set<(s: BootStep) => void>();
  const onStep = (s: BootStep) => {
    steps.push(s);
    for (const l of listeners) l(s);
  };
  const firstScreen = fetchSnapshot();
  // DuckDB's worker starts now; the engine's chunk (AsyncDuckDB) attaches to it when it arrives.
  performance.mark('atlas:engine-start'); // where start-up time goes (read by the benchmarks)
  const worker = startDuckDbWorker();
  const engine = import('./start')
    .then((m) => m.bootEngine(worker, onStep))
    .then((ready) => {
      performance.mark('atlas:engine-ready'); // the engine holds the embedded data (read by the benchmarks)
      return ready;
    });
  engine.catch(() => undefined); // reported by whoever awaits it
  return {
    firstScreen,
    engine,
    subscribe(listener) {
      steps.forEach(listener);
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
