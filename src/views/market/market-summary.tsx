import { marketCountsText } from '../../app/market/market';
import type { GroupCounts, MarketSummary } from '../../data/queries/market';
import { formatNumber } from '../../model/format';
import { SummaryCard } from '../summary-card';
import { withPublishers } from '../../model/timing/sources';

const money = (v: number | null) => (v === null ? '—' : `$${formatNumber(v)}`);

/** The headline figures of the view, what they count, and what they leave out. */
export function MarketSummaryCards({ summary, group, pending }: { summary?: MarketSummary; group?: GroupCounts; pending: boolean }) {
  if (!summary) return null;
  const counts = marketCountsText(summary);
  const cards: [string, string, string][] = [
    ['filings', formatNumber(summary.filings), `LCA filings (${summary.period ?? 'no period loaded'})`],
    [
      'positions',
      summary.with_positions ? formatNumber(summary.positions) : 'not in this copy',
      summary.with_positions ? 'worker positions on those filings' : 'worker positions',
    ],
    ['employers', formatNumber(summary.employers), 'employers filing'],
    ['median', money(summary.median), 'median offered annual wage'],
    ['quartiles', `${money(summary.q1)} – ${money(summary.q3)}`, '25th to 75th percentile'],
  ];
  return (
    <>
      <section
        className="summary-cards"
        aria-label="Summary of the market"
        data-testid="market-summary"
        data-query-state={pending ? 'loading' : 'done'}
      >
        {cards.map(([k, v, label]) => (
          <SummaryCard key={k} name={k} value={v} label={label} />
        ))}
      </section>
      <div className="note" data-testid="market-counted">
        {counts.notes.map((n) => (
          <p key={n}>{withPublishers(n)}</p>
        ))}
      </div>
      <p className="note" data-testid="market-left-out">
        Wages: {formatNumber(summary.wages)} of {formatNumber(summary.filings)} filings
        {summary.unusable_wages ? `; ${formatNumber(summary.unusable_wages)} left out (unit probably wrong or unreadable)` : ''};{' '}
        {formatNumber(summary.without_level)} without a wage level.
        {group &&
          ` In the same place, ${formatNumber(group.trainees)} filings for residents and fellows (training posts) are not counted here, and ${formatNumber(group.unmapped)} filings could not be given a specialty (e.g. “Physician”, “Assistant Professor”) — they count only under the whole occupation.`}
      </p>
    </>
  );
}
