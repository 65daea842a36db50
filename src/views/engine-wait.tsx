import { useAtlas } from './atlas-context';

/**
 * Said where a view waits for figures the query engine has to compute while it is still starting
 * (the first screen is drawn without it): the view then answers once the engine is up.
 */
export function EngineWait({ pending }: { pending: boolean }) {
  const { engine } = useAtlas();
  if (!pending || engine !== 'starting') return null;
  return (
    <p className="busy" role="status" data-testid="engine-wait">
      Waiting for the query engine to start (a few seconds on first open); this updates then.
    </p>
  );
}
