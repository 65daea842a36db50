import type { LiveForecastState } from '../../app/pipeline/live-forecast-state';
import { percent } from '../../app/plan/plan';

/** While the forecast reruns: says the figures shown are out of date, and shows progress once a run is slow. */
export function ForecastProgress({ state }: { state: LiveForecastState }) {
  return (
    <div role="status" aria-live="polite" className="forecast-status" data-testid="forecast-status">
      {state.kind === 'updating' && (
        <p className="stale-note">
          <strong>Updating the forecast for your latest change</strong>
          {state.previous ? ' — the figures below are from before it and are out of date.' : '…'}
          {state.slow && state.progress !== null && (
            <>
              {' '}
              <progress max={1} value={state.progress} aria-label="Forecast progress" /> {percent(state.progress)}
            </>
          )}
          {state.slow && state.progress === null && <progress aria-label="Forecast progress" />}
        </p>
      )}
    </div>
  );
}
