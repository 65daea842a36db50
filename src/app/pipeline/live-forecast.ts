// The forecast that keeps itself current: every change to the targets, candidates, service areas or
// assumptions schedules a new run (debounced, in the worker), a run made obsolete by a newer change
// is abandoned, and until the new result is in, the last one is handed out only as `previous` —
// out of date, never as the current answer.
import { forecastKey, forecastWorkspace, type WorkspaceForecast } from './forecast';
import { runForecastInWorker, type WorkerRunOptions } from './forecast-client';
import type { StateRegions } from '../map/regions';
import type { SiteDesignations } from '../../model/timing/waiver-sites';
import type { IsoDate } from '../../model/types';
import type { Workspace } from '../../model/workspace';
import { waitingFor, type LiveForecastState } from './live-forecast-state';

export type { LiveForecastState } from './live-forecast-state';

export type WorkspaceForecaster = (
  ws: Workspace,
  regions: StateRegions,
  today: IsoDate,
  run: WorkerRunOptions,
  sites?: SiteDesignations,
) => Promise<WorkspaceForecast>;

export interface LiveForecastOptions {
  /** Wait this long after the last change before running (typing a number is several changes). */
  delayMs?: number;
  /** Runs longer than this show their progress. */
  slowMs?: number;
  forecaster?: WorkspaceForecaster;
}

const workerForecaster: WorkspaceForecaster = (ws, regions, today, run, sites) =>
  forecastWorkspace(ws, regions, today, (options) => runForecastInWorker(options, run), sites);

export class LiveForecast {
  state: LiveForecastState = { kind: 'waiting', missing: 'candidates' };
  private listeners = new Set<() => void>();
  private key = '';
  private last: WorkspaceForecast | null = null;
  private timers: ReturnType<typeof setTimeout>[] = [];
  private controller: AbortController | null = null;
  private readonly delayMs: number;
  private readonly slowMs: number;
  private readonly forecaster: WorkspaceForecaster;

  constructor(options: LiveForecastOptions = {}) {
    this.delayMs = options.delayMs ?? 350;
    this.slowMs = options.slowMs ?? 300;
    this.forecaster = options.forecaster ?? workerForecaster;
  }

  /**
   * Call with every workspace the person sees (and the designations at its J-1 waiver sites); runs
   * again only when what the forecast depends on changed.
   */
  request(ws: Workspace, regions: StateRegions, today: IsoDate, sites?: SiteDesignations): void {
    const key = JSON.stringify([forecastKey(ws), today, regions.size, sites ? [sites.rows.length, sites.loaded] : null]);
    if (key === this.key) return;
    this.key = key;
    this.cancel();
    const waiting = waitingFor(ws);
    if (waiting) return this.set(waiting);
    this.set({ kind: 'updating', previous: this.last, progress: null, slow: false });
    this.timers.push(setTimeout(() => this.start(ws, regions, today, key, sites), this.delayMs));
  }

  /**
   * The state for the workspace as it is now: a result computed for an earlier state of it is never
   * `current` (right after an edit, before the rerun is even scheduled, it is `previous` of an update).
   */
  stateFor(ws: Workspace): LiveForecastState {
    const s = this.state;
    if (s.kind === 'current' && s.forecast.key !== this.keyOf(ws))
      return { kind: 'updating', previous: s.forecast, progress: null, slow: false };
    // Candidates saved, no run asked for yet (it waits for the engine's regions and site checks):
    // about to update, not "needs candidates".
    if (s.kind === 'waiting' && !waitingFor(ws)) return { kind: 'updating', previous: this.last, progress: null, slow: false };
    return s;
  }

  private keys = new WeakMap<Workspace, string>();
  private keyOf(ws: Workspace): string {
    let key = this.keys.get(ws);
    if (key === undefined) this.keys.set(ws, (key = forecastKey(ws)));
    return key;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.cancel();
    this.listeners.clear();
  }

  private start(ws: Workspace, regions: StateRegions, today: IsoDate, key: string, sites: SiteDesignations | undefined) {
    const controller = new AbortController();
    this.controller = controller;
    const updating = (change: Partial<Extract<LiveForecastState, { kind: 'updating' }>>) => {
      if (this.key === key && this.state.kind === 'updating') this.set({ ...this.state, ...change });
    };
    this.timers.push(setTimeout(() => updating({ slow: true }), this.slowMs));
    this.forecaster(ws, regions, today, { signal: controller.signal, onProgress: (progress) => updating({ progress }) }, sites).then(
      (forecast) => {
        if (this.key !== key) return;
        this.clearTimers();
        this.last = forecast;
        this.set({ kind: 'current', forecast });
      },
      (e: unknown) => {
        if (this.key !== key || controller.signal.aborted) return;
        this.clearTimers();
        this.set({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
      },
    );
  }

  private cancel() {
    this.clearTimers();
    this.controller?.abort();
    this.controller = null;
  }

  private clearTimers() {
    for (const t of this.timers) clearTimeout(t);
    this.timers = [];
  }

  private set(state: LiveForecastState) {
    this.state = state;
    for (const l of this.listeners) l();
  }
}
