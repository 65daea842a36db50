// What the live forecast can be at any moment (live-forecast.ts keeps it; the plan strip and the
// screens read it). Light on purpose: the first screen shows it before the forecast code loads.
import type { Workspace } from '../../model/workspace';
import type { WorkspaceForecast } from './forecast';

export type LiveForecastState =
  /** Nothing to forecast yet: `missing` says what to add (candidates: each one's forecast needs no target). */
  | { kind: 'waiting'; missing: 'candidates' }
  /** A run is scheduled or under way; `previous` is out of date; `slow` once the run has taken longer than 300 ms. */
  | { kind: 'updating'; previous: WorkspaceForecast | null; progress: number | null; slow: boolean }
  | { kind: 'current'; forecast: WorkspaceForecast }
  | { kind: 'failed'; message: string };

/** Waiting for candidates, else null: with candidates a forecast runs, targets or not. */
export function waitingFor(ws: Workspace): Extract<LiveForecastState, { kind: 'waiting' }> | null {
  return ws.candidates.length ? null : { kind: 'waiting', missing: 'candidates' };
}

/** Before the forecast code has loaded: waiting, or about to update. */
export function initialForecastState(ws: Workspace): LiveForecastState {
  return waitingFor(ws) ?? { kind: 'updating', previous: null, progress: null, slow: false };
}

/** The forecast to show: the current one, else the last one while a new one runs (marked out of date by the screens). */
export function shownForecast(state: LiveForecastState): WorkspaceForecast | null {
  return state.kind === 'current' ? state.forecast : state.kind === 'updating' ? state.previous : null;
}
