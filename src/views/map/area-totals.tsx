import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { areaTotalCards } from '../../app/map/area-totals';
import { gatherServiceAreaTotals, type ServiceAreaTotals } from '../../app/map/service-area-totals';
import { areaSupplyQuery } from '../../app/map/supply-figures';
import { countyLabel } from '../../app/common/county-names';
import type { AreaSupplyRow } from '../../data/queries/county-supply';
import { HPSA_TABLE } from '../../data/tables/hpsa';
import type { MapView } from '../../model/map-view';
import type { ServiceArea } from '../../model/types';
import type { Unavailable } from '../../app/report/report-input';
import { useAtlas } from '../atlas-context';
import { useQuery, type QueryState } from '../use-query';
import { useCountyNames } from '../use-county-names';
import { SummaryCard } from '../summary-card';

/** The tables an area's HRSA totals read: a new upload of them gathers the totals again. */
const HRSA_TABLES = [HPSA_TABLE, 'ref_hpsa_state'];

/** The active service area's own HRSA totals (each designation once), gathered as the report gathers them. */
export function useAreaTotals(area: ServiceArea | undefined): ServiceAreaTotals | Unavailable | undefined {
  const { coordinator } = useAtlas();
  const version = useSyncExternalStore(
    useCallback((l: () => void) => coordinator.subscribe(l), [coordinator]),
    () => coordinator.version(HRSA_TABLES),
  );
  const [totals, setTotals] = useState<{ key: string; value: ServiceAreaTotals | Unavailable }>();
  const key = area ? `${JSON.stringify([area.counties, area.states])}.${version}` : '';
  useEffect(() => {
    if (!area) return;
    let live = true;
    gatherServiceAreaTotals(coordinator, area).then(
      (value) => live && setTotals({ key, value }),
      (e: Error) => live && setTotals({ key, value: { unavailable: e.message } }),
    );
    return () => {
      live = false;
    };
    // The key stands for the area's members and the data's version.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [coordinator, key]);
  return totals?.key === key ? totals.value : undefined;
}

/** The active service area's providers per measure and release (counts summed, rates from the sums). */
export function useAreaSupply(area: ServiceArea | undefined): QueryState<AreaSupplyRow> {
  return useQuery(useMemo(() => (area ? areaSupplyQuery(area) : null), [area]));
}

/** Whether the cards and the table's total row add up the view or the service area. */
export function TotalsChoice({ view, onChange, area }: { view: MapView; onChange: (v: MapView) => void; area: ServiceArea | undefined }) {
  if (!area || (!area.counties.length && !area.states.length)) return null;
  return (
    <fieldset className="totals-choice" data-testid="totals-choice">
      <legend>Totals of</legend>
      <label className="radio">
        <input type="radio" name="totals" checked={view.totals === 'view'} onChange={() => onChange({ ...view, totals: 'view' })} /> the
        view
      </label>
      <label className="radio">
        <input type="radio" name="totals" checked={view.totals === 'area'} onChange={() => onChange({ ...view, totals: 'area' })} /> service
        area {area.name}
      </label>
    </fieldset>
  );
}

/** The service area's own totals as cards: HRSA's figures for it and its primary-care physicians per 100,000, each with source and date. */
export function AreaTotalCards({
  view,
  area,
  totals,
  supply,
}: {
  view: MapView;
  area: ServiceArea;
  totals: ServiceAreaTotals | Unavailable | undefined;
  supply: QueryState<AreaSupplyRow>;
}) {
  const names = useCountyNames();
  const { cards, notes } = areaTotalCards(view, totals, supply.rows, (fips) => countyLabel(fips, names));
  const done = totals !== undefined && !supply.pending;
  return (
    <section
      className="summary-cards"
      aria-label={`Totals of the service area ${area.name}`}
      data-testid="area-total-cards"
      data-query-state={done ? 'done' : 'loading'}
    >
      {cards.map((c) => (
        <SummaryCard key={c.key} name={c.key} value={c.value} label={c.label} />
      ))}
      <p className="summary-vintage">
        Service area {area.name}: its own totals, not its states’ or the nation’s. {notes.join(' ')}
      </p>
    </section>
  );
}
