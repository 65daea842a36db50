import { useMemo } from 'react';
import { METRICS, normaliseView, viewFromParams, viewToParams, type MapView } from '../../model/map-view';
import { areaValues, shortageSummary } from '../../data/queries/shortage';
import { useQuery } from '../use-query';
import { useUrlState } from '../use-url-state';
import { MapFilters } from './map-filters';
import { ShortageMap } from './shortage-map';
import { AreaTable } from './area-table';
import { AreaDetails } from './area-details';
import { SummaryCards } from './summary-cards';
import { ServiceAreaPanel } from './service-area-panel';
import { useWorkspace } from '../workspace-context';
import { TargetProgress } from './target-progress';
import { RegionPipeline } from './region-pipeline';
import { activeServiceArea } from '../../model/service-areas';

export function MapScreen() {
  const [view, setViewRaw] = useUrlState(viewFromParams, viewToParams);
  const setView = (v: MapView) => setViewRaw(normaliseView(v));
  const values = useQuery(useMemo(() => areaValues(view), [view]));
  const summary = useQuery(useMemo(() => (METRICS[view.metric].hpsa ? shortageSummary(view) : null), [view]));
  const select = (geo: string) => setView({ ...view, selected: view.selected === geo ? '' : geo });
  const { workspace } = useWorkspace();
  const area = activeServiceArea(workspace);
  return (
    <div className="map-screen">
      <div className="side">
        <MapFilters view={view} onChange={setView} />
        <ServiceAreaPanel map={{ view, rows: values.rows ?? [] }} />
      </div>
      <div className="map-main">
        <SummaryCards view={view} state={summary} />
        <ShortageMap view={view} state={values} onSelect={select} area={area} />
        {view.selected && <AreaDetails view={view} geo={view.selected} onClose={() => setView({ ...view, selected: '' })} />}
        <AreaTable view={view} state={values} onSelect={select} />
        <TargetProgress />
        <RegionPipeline view={view} />
      </div>
    </div>
  );
}
