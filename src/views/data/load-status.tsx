import type { LoadedDataset } from '../../data/loaders/dataset';
import type { EngineState } from '../atlas-context';

/**
 * What has loaded, in one line above every screen: the map's figures first (from the build), then
 * the query engine and its datasets. The datasets (or, while loading, the steps) are listed behind a
 * disclosure, so the line stays one line.
 */
export function LoadStatus({
  steps,
  engine,
  drawn,
  datasets,
  error,
}: {
  steps: string[];
  engine: EngineState;
  drawn: boolean;
  datasets: readonly LoadedDataset[];
  error?: string;
}) {
  const ready = engine === 'ready';
  const inUse = datasets.filter((d) => !d.replacedBy);
  return (
    <section
      className={`load-status ${ready ? 'is-ready' : ''} ${error || engine === 'failed' ? 'is-error' : ''}`}
      data-testid="load-status"
      role="status"
      aria-live="polite"
    >
      {error ? (
        <p>
          <strong>The app could not start:</strong> {error}
        </p>
      ) : ready ? (
        <details>
          <summary>
            Ready — {inUse.length} dataset{inUse.length === 1 ? '' : 's'} loaded in your browser. Nothing you load leaves this computer.
          </summary>
          <ul data-testid="load-status-datasets">
            {inUse.map((d) => (
              <li key={d.id}>
                {d.title}{' '}
                <span className="id">
                  ({d.publisher}, {d.vintage})
                </span>
              </li>
            ))}
          </ul>
        </details>
      ) : engine === 'failed' ? (
        // A failure is never folded away.
        <ul>
          {steps.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ul>
      ) : (
        <details>
          <summary>
            {drawn
              ? 'The map is ready with the embedded figures. Starting the query engine: loading your own files and the other screens wait for it.'
              : (steps.at(-1) ?? 'Loading…')}
          </summary>
          <ul>
            {steps.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
