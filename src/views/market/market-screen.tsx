import { useMemo } from 'react';
import {
  employersFigure,
  employersTable,
  levelFigure,
  levelTable,
  marketFilter,
  marketQueries,
  marketSourceNotes,
  marketViewLabel,
  sponsorPlaceLabel,
  sponsorYearsFigure,
  sponsorYearsTable,
  sponsorsRanking,
  sponsorsTable,
} from '../../app/market/market';
import { countBarChart, sponsorYearsChart, wageRangeChart } from '../../charts/market';
import { MARKET_PARAMS, marketViewFromParams, marketViewToParams, occupationLabel } from '../../model/market/market-view';
import { useQuery } from '../use-query';
import { useUrlState } from '../use-url-state';
import { useWorkspace } from '../workspace-context';
import { MarketFilters } from './market-filters';
import { MarketSummaryCards } from './market-summary';
import { OfferPanel } from './offer-panel';
import { TableCard } from './table-card';
import { withPublishers } from '../../model/timing/sources';

/** Who else files for H-1B workers in the chosen occupation and place, what they offer, and who sponsors. */
export function MarketScreen() {
  const [view, setView] = useUrlState(marketViewFromParams, marketViewToParams, MARKET_PARAMS);
  const { workspace } = useWorkspace();
  const filter = useMemo(() => marketFilter(view, workspace.serviceAreas), [view, workspace.serviceAreas]);
  const q = useMemo(() => marketQueries(filter), [filter]);
  const summary = useQuery(q.summary);
  const group = useQuery(q.group);
  const levels = useQuery(q.levels);
  const employers = useQuery(q.employers);
  const years = useQuery(q.sponsorYears);
  const sponsors = useQuery(q.sponsors);
  const sources = useQuery(q.sources).rows ?? [];
  const label = marketViewLabel(view, workspace.serviceAreas);
  const where = sponsorPlaceLabel(view.region, workspace.serviceAreas);
  const level = levelFigure(levels.rows ?? [], label);
  const employer = employersFigure(employers.rows ?? [], label);
  const year = sponsorYearsFigure(years.rows ?? [], where);
  return (
    <div className="map-screen market-screen">
      <div className="side">
        <MarketFilters view={view} onChange={setView} />
      </div>
      <div className="map-main">
        <h2 className="screen-title" data-testid="market-title">
          {label}
        </h2>
        <MarketSummaryCards summary={summary.rows?.[0]} group={group.rows?.[0]} pending={summary.pending || group.pending} />
        <OfferPanel view={view} />
        <TableCard
          heading="Offered annual wage and wage-level mix"
          table={levelTable(levels.rows ?? [], label)}
          chart={(width) => wageRangeChart(level.rows, { ...level.options, width })}
          pending={levels.pending}
        />
        <TableCard
          heading="Who files"
          table={employersTable(employers.rows ?? [], label)}
          chart={(width) => countBarChart(employer.rows, { ...employer.options, width })}
          pending={employers.pending}
        />
        <TableCard
          heading="Health-care H-1B sponsors"
          table={sponsorYearsTable(years.rows ?? [], where)}
          chart={(width) => sponsorYearsChart(year.rows, { ...year.options, width })}
          pending={years.pending}
        />
        <TableCard
          heading={`Sponsors with the most initial approvals${sponsorsRanking(sponsors.rows ?? [], years.rows ?? []) ? `, ${sponsorsRanking(sponsors.rows ?? [], years.rows ?? [])}` : ''}`}
          table={sponsorsTable(sponsors.rows ?? [], years.rows ?? [], where, occupationLabel(view.occupation))}
          pending={sponsors.pending}
        />
        <section className="card source-notes" aria-label="Sources" data-testid="market-sources">
          {marketSourceNotes(sources).map((n) => (
            <p key={n} className="source-line">
              {withPublishers(n)}
            </p>
          ))}
        </section>
      </div>
    </div>
  );
}
