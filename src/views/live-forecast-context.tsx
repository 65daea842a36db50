import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { LiveForecast } from '../app/pipeline/live-forecast';
import { initialForecastState, type LiveForecastState } from '../app/pipeline/live-forecast-state';
import { stateRegionMap } from '../app/map/regions';
import { stateRegions } from '../data/queries/pipeline';
import { useClock } from './clock-context';
import { useQuery } from './use-query';
import { useSiteDesignations } from './use-site-designations';
import { useWorkspace } from './workspace-context';

const LiveForecastContext = createContext<LiveForecast | null>(null);

/** Keeps the forecast of the workspace current on every screen: it reruns by itself after each change. */
export function LiveForecastProvider({ children }: { children: ReactNode }) {
  const { workspace } = useWorkspace();
  const clock = useClock();
  const regions = useQuery(useMemo(stateRegions, [])).rows;
  const { sites, settled } = useSiteDesignations(workspace.candidates);
  const [live, setLive] = useState<LiveForecast | null>(null);
  // The forecast code loads after the first screen, keeping the initial JavaScript small.
  useEffect(() => {
    let on = true;
    let made: LiveForecast | null = null;
    import('../app/pipeline/live-forecast').then(
      (m) => on && setLive((made = new m.LiveForecast())),
      (e: unknown) => console.error('The forecast could not be loaded', e),
    );
    return () => {
      on = false;
      made?.dispose();
    };
  }, []);
  useEffect(() => {
    if (live && regions && settled) live.request(workspace, stateRegionMap(regions), clock.today(), sites);
  }, [live, workspace, regions, clock, sites, settled]);
  return <LiveForecastContext.Provider value={live}>{children}</LiveForecastContext.Provider>;
}

const noop = () => () => {};

/** The forecast as it stands for the workspace on screen; never an earlier state's result as current. */
export function useLiveForecast(): LiveForecastState {
  const live = useContext(LiveForecastContext);
  const { workspace } = useWorkspace();
  useSyncExternalStore(live ? (l) => live.subscribe(l) : noop, () => live?.state);
  return live ? live.stateFor(workspace) : initialForecastState(workspace);
}
