import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './views/app';
import './styles.css';
import { installBenchHooks } from './views/bench-hooks';
import { startBoot } from './data/boot';
import { loadUsShapes } from './data/geo';

// The engine, the datasets and the map shapes start downloading before React's first render.
const booting = startBoot();
loadUsShapes().catch(() => undefined); // a failure is shown by the map, which asks again
installBenchHooks();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App booting={booting} />
  </StrictMode>,
);
