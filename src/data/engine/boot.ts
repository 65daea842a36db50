// Start-up in the browser, before React renders: the first screen's query results, computed at
// build time (snapshot.ts; preloaded by index.html), from which the map draws; then the engine:
// DuckDB's worker (worker.ts) and its own chunk (start.ts), which answers every other query once it
// has loaded the embedded datasets.
//
// The engine starts once the first screen is drawn, or as soon as something asks it a question.
// Compiling DuckDB's 34 MB wasm takes both cores of a small machine: started at once, it made the
// first screen ~200 ms later and the engine no sooner (measured in the benchmark's build, 7 cold
// starts each: first screen 799 → 596 ms, engine ready 1,971 → 1,991 ms, medians).
import type { SqlEngine } from './engine';
import type { LoadedDataset } from '../loaders/dataset';
import { fetchSnapshot, type Snapshot } from '../cache/snapshot';
import type { EngineStep } from './start';
import { startDuckDbWorker } from './worker';

export type BootStep = EngineStep;

export interface Booting {
  /** The build's first screen, or null without one (the dev server): the app then waits for the engine. */
  firstScreen: Promise<Snapshot | null>;
  /** The engine with every embedded dataset loaded, once started (startEngine). */
  engine: Promise<{ engine: SqlEngine; datasets: LoadedDataset[] }>;
  /** Starts the engine now, if it has not started yet. */
  startEngine: () => void;
  /** Replays the steps so far, then reports each new one; returns an unsubscribe function. */
  subscribe(listener: (s: BootStep) => void): () => void;
}

/** The engine starts by then even if nothing asked for it and no first screen was drawn. */
const ENGINE_START_AT_LATEST_MS = 3_000;

export function startBoot(): Booting {
  const steps: BootStep[] = [];
  const listeners = new Set<(s: BootStep) => void>();
  const onStep = (s: BootStep) => {
    steps.push(s);
    for (const l of listeners) l(s);
  };
  const firstScreen = fetchSnapshot();
  let startEngine = () => {};
  const started = new Promise<void>((resolve) => (startEngine = resolve));
  // Without a first screen to draw (the dev server has none), nothing is worth waiting for.
  firstScreen.then((first) => !first && startEngine(), startEngine);
  setTimeout(startEngine, ENGINE_START_AT_LATEST_MS);
  const chunk = import('./start'); // small: loaded now, so the engine's start does not wait for it
  const engine = started
    .then(() => {
      performance.mark('atlas:engine-start'); // where start-up time goes (read by the benchmarks)
      const worker = startDuckDbWorker();
      return chunk.then((m) => m.bootEngine(worker, onStep));
    })
    .then((ready) => {
      performance.mark('atlas:engine-ready'); // the engine holds the embedded data (read by the benchmarks)
      return ready;
    });
  engine.catch(() => undefined); // reported by whoever awaits it
  return {
    firstScreen,
    engine,
    startEngine,
    subscribe(listener) {
      steps.forEach(listener);
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
