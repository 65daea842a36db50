// What the live forecast can be at any moment (live-forecast.ts keeps it; the plan strip and the
// screens read it). Light on purpose: the first screen shows it before the forecast code loads.
import type { Workspace } from '../../model/workspace';
import type { WorkspaceForecast } from './forecast';

export type LiveForecastState =
  /** Nothing to forecast yet: `missing` says what to add. */
  | { kind: 'waiting'; missing: 'targets' | 'candidates' | 'targets and candidates' }
  /** A run is scheduled or under way; `previous` is out of date; `slow` once the run has taken longer than 300 ms. */
  | { kind: 'updating'; previous: WorkspaceForecast | null; progress: number | null; slow: boolean }
  | { kind: 'current'; forecast: WorkspaceForecast }
  | { kind: 'failed'; message: string };

/** Waiting for what the workspace lacks, else null (a forecast can run). */
export function waitingFor(ws: Workspace): Extract<LiveForecastState, { kind: 'waiting' }> | null {
  if (ws.targets.length && ws.candidates.length) return null;
  const missing = !ws.targets.length && !ws.candidates.length ? 'targets and candidates' : !ws.targets.length ? 'targets' : 'candidates';
  return { kind: 'waiting', missing };
}

/** Before the forecast code has loaded: waiting, or about to update. */
export function initialForecastState(ws: Workspace): LiveForecastState {
  return waitingFor(ws) ?? { kind: 'updating', previous: null, progress: null, slow: false };
}
