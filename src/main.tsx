import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './views/app';
import './styles.css';
import { startBoot } from './data/engine/boot';
import { loadUsShapes } from './data/geo';
import { MAP_PARAMS, viewFromParams } from './model/map-view';
import { viewParams } from './views/use-url-state';
import type { Coordinator } from './data/cache/coordinator';

// The first screen's results, the map's shapes and the engine start loading before React's first
// render: the state map's (preloaded by index.html), and the county map's when the view opens on it.
// A failure is shown by the map, which asks again.
const booting = startBoot();
loadUsShapes('state').catch(() => undefined);
if (viewFromParams(viewParams(MAP_PARAMS)).level === 'county') loadUsShapes('county').catch(() => undefined);

// Benchmark hooks exist only in the bench build (vite build --mode bench): the condition is a
// constant, so a production build drops the branch and the hooks' module with it.
const benchHooks = import.meta.env.MODE === 'bench' ? import('./bench-hooks') : null;
benchHooks?.then((m) => m.installBenchHooks()).catch((e: unknown) => console.error('bench hooks', e));
const onReady = benchHooks ? (coordinator: Coordinator) => void benchHooks.then((m) => m.registerCoordinatorHooks(coordinator)) : undefined;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App booting={booting} onReady={onReady} />
  </StrictMode>,
);
