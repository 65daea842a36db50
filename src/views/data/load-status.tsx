import type { EngineState } from '../atlas-context';

/** What has loaded: the map's figures first (from the build), then the query engine and its datasets. */
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
  datasets: number;
  error?: string;
}) {
  const ready = engine === 'ready';
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
        <p>
          Ready — {datasets} dataset{datasets === 1 ? '' : 's'} loaded in your browser. Nothing you load leaves this computer.
        </p>
      ) : (
        <>
          {drawn && (
            <p>
              The map is ready with the embedded figures.{' '}
              {engine === 'failed' ? '' : 'Starting the query engine: loading your own files and the other screens wait for it.'}
            </p>
          )}
          <ul>
            {steps.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
