import { useMemo } from 'react';
import { METRICS, normaliseView, viewFromParams, viewToParams, type MapView } from '../model/map-view';
import { areaValues, shortageSummary } from '../data/queries/shortage';
import { useQuery } from './use-query';
import { useUrlState } from './use-url-state';
import { MapFilters } from './MapFilters';
import { ShortageMap } from './ShortageMap';
import { AreaTable } from './AreaTable';
import { AreaDetails } from './AreaDetails';
import { SummaryCards } from './SummaryCards';

export function MapScreen() {
  const [view, setViewRaw] = useUrlState(viewFromParams, viewToParams);
  const setView = (v: MapView) => setViewRaw(normaliseView(v));
  const values = useQuery(useMemo(() => areaValues(view), [view]));
  const summary = useQuery(useMemo(() => (METRICS[view.metric].hpsa ? shortageSummary(view) : null), [view]));
  const select = (geo: string) => setView({ ...view, selected: view.selected === geo ? '' : geo });
  return (
    <div className="map-screen">
      <MapFilters view={view} onChange={setView} />
      <div className="map-main">
        <SummaryCards view={view} state={summary} />
        <ShortageMap view={view} state={values} onSelect={select} />
        {view.selected && <AreaDetails view={view} geo={view.selected} onClose={() => setView({ ...view, selected: '' })} />}
        <AreaTable view={view} state={values} onSelect={select} />
      </div>
    </div>
  );
}
