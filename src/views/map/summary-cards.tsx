import type { ShortageSummary } from '../../data/queries/shortage';
import type { MapView } from '../../model/map-view';
import { formatNumber } from '../../model/format';
import type { QueryState } from '../use-query';

export function SummaryCards({ view, state }: { view: MapView; state: QueryState<ShortageSummary> }) {
  const s = state.rows?.[0];
  if (!s) return null;
  const cards: [string, string, string][] = [
    ['designations', formatNumber(s.designations), `${view.discipline} designations (${view.statuses.join(', ') || 'no status chosen'})`],
    ['fte', formatNumber(s.fte_needed, 1), 'FTE practitioners needed to remove them'],
    ['population', formatNumber(s.population), 'people in geographic and population HPSAs'],
    ['counties', formatNumber(s.areas), 'counties with at least one designation'],
    ['score', formatNumber(s.max_score), 'highest HPSA score'],
  ];
  return (
    <section
      className="summary-cards"
      aria-label="Summary of the current view"
      data-testid="summary-cards"
      data-query-state={state.pending ? 'loading' : 'done'}
    >
      {cards.map(([k, v, label]) => (
        <div className="summary-card" key={k} data-card={k}>
          <span className="big">{v}</span>
          <span className="label">{label}</span>
        </div>
      ))}
    </section>
  );
}
