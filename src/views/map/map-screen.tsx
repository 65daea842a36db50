import { useEffect, useMemo, useState } from 'react';
import { MAP_PARAMS, normaliseView, viewFromParams, viewToParams, type MapView } from '../../model/map-view';
import { hpsaSources } from '../../data/queries/hpsa-sources';
import type { HpsaSource } from '../../model/hpsa-sources';
import { otherStateQueries, shortageView } from '../../app/map/shortage-view';
import { filterOptions } from '../../data/queries/shortage';
import { areaTotalRow, viewTotalRow } from '../../app/map/area-totals';
import { usePrefetch, useQuery } from '../use-query';
import { useUrlState } from '../use-url-state';
import { MapFilters } from './map-filters';
import { ShortageMap } from './shortage-map';
import { AreaTable } from './area-table';
import { AreaDetails } from './area-details';
import { SummaryCards, SupplyCards } from './summary-cards';
import { ServiceAreaPanel } from './service-area-panel';
import { useWorkspace } from '../workspace-context';
import { TargetProgress } from './target-progress';
import { RegionPipeline } from './region-pipeline';
import { activeServiceArea } from '../../model/service-areas';
import { AreaTotalCards, TotalsChoice, useAreaSupply, useAreaTotals } from './area-totals';

/** The queries of the map with each other state picked (null until the filter's states are known). */
function nextStates(view: MapView, sources: readonly HpsaSource[] | undefined, states: readonly { state: string }[] | undefined) {
  return sources && states
    ? () =>
        otherStateQueries(
          view,
          sources,
          states.map((s) => s.state),
        )
    : null;
}

export function MapScreen() {
  const [view, setViewRaw] = useUrlState(viewFromParams, viewToParams, MAP_PARAMS);
  const setView = (v: MapView) => setViewRaw(normaliseView(v));
  const sourcesState = useQuery(useMemo(hpsaSources, []));
  const sources = sourcesState.rows;
  // The report gathers the same (app/shortage-view.ts): same source, same figures, same dates.
  const shown = useMemo(() => (sources ? shortageView(view, sources) : null), [view, sources]);
  // After a data change the sources are asked again: the queries made from the old ones wait for them.
  const hold = sourcesState.pending;
  const values = useQuery(shown?.values ?? null, { hold });
  const summary = useQuery(shown?.summary ?? null, { hold });
  const supply = useQuery(shown?.supply ?? null, { hold });
  const states = useQuery(useMemo(filterOptions, [])).rows;
  // The next state a user picks is answered from the cache, asked while they look at this one.
  const askedAhead = usePrefetch(useMemo(() => nextStates(view, sources, states), [view, sources, states]));
  // Opened from the ranked table (Enter on a row's button): focus moves to the details' heading, and
  // back to the row's button when they close. Opened from the map or a link: focus stays where it is.
  const [openedFromTable, setOpenedFromTable] = useState<string | null>(null);
  const [focusRow, setFocusRow] = useState<string | null>(null);
  const select = (geo: string, origin: 'map' | 'table' = 'map') => {
    const next = view.selected === geo ? '' : geo;
    setOpenedFromTable(origin === 'table' && next ? next : null);
    setView({ ...view, selected: next });
  };
  const closeDetails = () => {
    setFocusRow(openedFromTable === view.selected ? view.selected : null);
    setOpenedFromTable(null);
    setView({ ...view, selected: '' });
  };
  useEffect(() => {
    if (!focusRow || view.selected) return;
    document.querySelector<HTMLButtonElement>(`[data-testid="area-table"] tr[data-geo="${focusRow}"] button`)?.focus();
    setFocusRow(null);
  }, [focusRow, view.selected]);
  const { workspace } = useWorkspace();
  const area = activeServiceArea(workspace);
  const main = shown?.main ?? null;
  // The service area's own totals, when chosen (never its states' or the nation's in their place).
  const ofArea = view.totals === 'area' && !!area && (area.counties.length > 0 || area.states.length > 0);
  const areaTotals = useAreaTotals(ofArea ? area : undefined);
  const areaSupply = useAreaSupply(ofArea ? area : undefined);
  const total = ofArea && area ? areaTotalRow(view, area, areaTotals, areaSupply.rows) : viewTotalRow(view, summary.rows?.[0], supply.rows);
  return (
    <div className="map-screen" data-asked-ahead={askedAhead ? 'done' : 'running'}>
      <div className="side">
        <ServiceAreaPanel map={{ view, rows: values.rows ?? [] }} />
        <MapFilters view={view} onChange={setView} sources={sources ?? []} main={main} />
      </div>
      <div className="map-main">
        <TotalsChoice view={view} onChange={setView} area={area} />
        {ofArea && area ? (
          <AreaTotalCards view={view} area={area} totals={areaTotals} supply={areaSupply} />
        ) : shown?.supply ? (
          <SupplyCards view={view} state={supply} />
        ) : (
          <SummaryCards view={view} state={summary} main={main} states={states} />
        )}
        <ShortageMap view={view} state={values} onSelect={select} area={area} main={main} />
        {view.selected && (
          <AreaDetails view={view} geo={view.selected} main={main} onClose={closeDetails} focusOnOpen={openedFromTable === view.selected} />
        )}
        {/* Keyed by metric: each metric opens ranked in its own direction of need. */}
        <AreaTable
          key={view.metric}
          view={view}
          state={values}
          onSelect={(geo) => select(geo, 'table')}
          main={main}
          companion={shown?.companion ?? null}
          total={total}
        />
        <TargetProgress />
        <RegionPipeline view={view} />
      </div>
    </div>
  );
}
