import type { ShortageSummary } from '../../data/queries/shortage';
import type { MapView } from '../../model/map-view';
import { sourceLabel, type HpsaSource } from '../../model/hpsa-sources';
import { countOf, formatNumber } from '../../model/format';
import type { QueryState } from '../use-query';
import { SummaryCard } from '../summary-card';
import type { SupplyTotal } from '../../data/queries/county-supply';
import { supplyCards, supplyTotalsNotes, supplyVintage } from '../../app/map/supply-figures';

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
export function SummaryCards({ view, state, main }: { view: MapView; state: QueryState<ShortageSummary>; main: HpsaSource | null }) {
  const s = state.rows?.[0];
  if (!s || !main) return null;
  const us = (v: number | null, digits = 0) => (v == null ? '' : ` (US ${formatNumber(v, digits)}, territories included)`);
  const cards: [string, string, string][] =
    s.basis === 'summary'
      ? [
          [
            'designations',
            formatNumber(s.designations),
            `${view.discipline} designations in ${s.areas === 1 ? 'the state or territory' : `the ${formatNumber(s.areas)} states and territories`} shown${us(s.us_designations)}`,
          ],
          ['fte', formatNumber(s.fte_needed), `practitioners needed to remove them${us(s.us_fte_needed)}`],
          ['population', formatNumber(s.population), `people in designated HPSAs${us(s.us_population)}`],
        ]
      : [
          [
            'designations',
            formatNumber(s.designations),
            `${view.discipline} designations (${view.statuses.join(', ') || 'no status chosen'}), each counted once`,
          ],
          [
            'fte',
            formatNumber(s.fte_needed, 1),
            `FTE practitioners needed to remove them${s.fte_missing ? `; ${countOf(s.fte_missing, 'designation')} without an FTE figure in HRSA’s file left out` : ''}`,
          ],
          ['population', formatNumber(s.population), 'people in geographic and population HPSAs'],
          ['counties', formatNumber(s.areas), 'counties with at least one designation'],
          ['score', formatNumber(s.max_score), 'highest HPSA score'],
        ];
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
