export function LoadStatus({ steps, ready, error }: { steps: string[]; ready: boolean; error?: string }) {
  return (
    <section
      className={`load-status ${ready ? 'is-ready' : ''} ${error ? 'is-error' : ''}`}
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
          Ready — {steps.length - 1} dataset{steps.length === 2 ? '' : 's'} loaded in your browser. Nothing you load leaves this computer.
        </p>
      ) : (
        <ul>
          {steps.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
