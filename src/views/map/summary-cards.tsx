import type { ShortageSummary } from '../../data/queries/shortage';
import type { MapView } from '../../model/map-view';
import { sourceLabel, type HpsaSource } from '../../model/hpsa-sources';
import type { QueryState } from '../use-query';
import { SummaryCard } from '../summary-card';
import type { SupplyTotal } from '../../data/queries/county-supply';
import { supplyCards, supplyTotalsNotes, supplyVintage } from '../../app/map/supply-figures';
import { shortageCards } from '../../app/map/shortage-cards';
import type { StatePlace } from '../../app/map/view-words';

/** Provider metrics: the view's totals (counts and people summed, the rate from the sums), the other release beside them. */
export function SupplyCards({ view, state }: { view: MapView; state: QueryState<SupplyTotal> }) {
  const totals = state.rows ?? [];
  const cards = supplyCards(view, totals);
  if (!cards.length) return null;
  return (
    <section
      className="summary-cards"
      aria-label={`Totals of the current view: ${supplyVintage(view)}`}
      data-testid="summary-cards"
      data-query-state={state.pending ? 'loading' : 'done'}
      data-data-version={state.shown || undefined}
    >
      {cards.map((c) => (
        <SummaryCard key={c.key} name={c.key} value={c.value} label={c.label} />
      ))}
      <p className="summary-vintage">
        {supplyVintage(view)}. {supplyTotalsNotes(view, totals).join(' ')}
      </p>
    </section>
  );
}

/** Totals of the view, with the source and date they come from; a summary table also gives its published US row. */
export function SummaryCards({
  view,
  state,
  main,
  states,
}: {
  view: MapView;
  state: QueryState<ShortageSummary>;
  main: HpsaSource | null;
  /** The states table, to tell filters that exclude each other from a view without designations. */
  states?: readonly StatePlace[];
}) {
  const s = state.rows?.[0];
  if (!s || !main) return null;
  const cards = shortageCards(view, s, states);
  return (
    <section
      className="summary-cards"
      aria-label={`Summary of the current view: ${sourceLabel(main)}`}
      data-testid="summary-cards"
      data-query-state={state.pending ? 'loading' : 'done'}
      data-data-version={state.shown || undefined}
    >
      {cards.map(([k, v, label]) => (
        <SummaryCard key={k} name={k} value={v} label={label} />
      ))}
      <p className="summary-vintage">{sourceLabel(main)}</p>
    </section>
  );
}
