// What the bench's page scripts put on `window`, for the type-check of bench/*.mjs (tsconfig.bench.json).
export {};

interface ViewSample {
  value: string;
  doneMs: number;
  frameMs: number;
  noop: boolean;
  perView: Record<string, number>;
}

interface UploadRun {
  t0: number;
  tLoaded: number;
  tViews?: number;
  loadedMs: number;
  totalMs: number;
  message: string;
  waitedFor: string;
  file: { name: string; size: number } | null;
  heapBefore: number | null;
  heapPeak: number | null;
}

interface BareIngest {
  totalMs: number;
  rows: number;
  file: { name: string; size: number };
}

declare global {
  interface Window {
    /** bench/lib/page-helpers.mjs, injected before the app runs. */
    __bench: {
      readyAt: number | null;
      viewCount(): number;
      allDone(): boolean;
      armUpload(inputSelector: string): boolean;
      pending: Promise<UploadRun>;
      selectLoop(selector: string, values: string[], options?: { settleMs?: number; timeoutMs?: number }): Promise<ViewSample[]>;
    };
    /** bench/page/bare.ts. */
    __bareReady: Promise<{ readyMs: number; instantiatedMs: number }>;
    __bareArm: () => boolean;
    __barePending: Promise<BareIngest>;
    /** src/bench-hooks.ts (the app's bench build). */
    __atlasBench?: {
      forecast(candidates: number, runs: number, pipeline?: string): Promise<number>;
      loadPipeline?(rows: number): Promise<void>;
      askedAhead?(): Promise<void>;
    };
  }
  interface Performance {
    memory?: { usedJSHeapSize: number };
  }
}
