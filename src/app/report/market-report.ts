// The report's Market section: for each view (the targets' occupations in their states, or the
// Market screen's), the screen's tables and its own charts drawn off screen and serialised (runs in
// the browser: the chart functions need a DOM).
import type { Coordinator } from '../../data/cache/coordinator';
import { countBarChart, sponsorYearsChart, wageRangeChart } from '../../charts/market';
import { toMarkup } from '../../charts/serialize';
import { occupationLabel, type MarketView } from '../../model/market/market-view';
import type { Workspace } from '../../model/workspace';
import { currentAssumptions } from '../../model/workspace-assumptions';
import {
  employersFigure,
  employersTable,
  gatherMarketData,
  levelFigure,
  levelTable,
  marketFilter,
  marketSourceLines,
  marketSourceNotes,
  marketViewLabel,
  savedOffersTable,
  sponsorPlaceLabel,
  sponsorYearsFigure,
  sponsorYearsTable,
  sponsorsTable,
} from '../market/market';
import type { ReportMarket } from './report-input';

/** One view's figures; `suffix` keeps its tables' ids apart from another view's ("-2"). */
export async function gatherMarketReport(coordinator: Coordinator, view: MarketView, ws: Workspace, suffix = ''): Promise<ReportMarket> {
  const areas = ws.serviceAreas;
  const d = await gatherMarketData(coordinator, marketFilter(view, areas));
  const label = marketViewLabel(view, areas);
  const where = sponsorPlaceLabel(view.region, areas);
  const level = levelFigure(d.levels, label);
  const employer = employersFigure(d.employers, label);
  const year = sponsorYearsFigure(d.sponsorYears, where);
  const sources = marketSourceLines(d.sources);
  const draw = (rows: unknown[], make: () => Element) => (rows.length ? toMarkup(make()) : null);
  const tables = [
    levelTable(d.levels, label),
    employersTable(d.employers, label),
    sponsorYearsTable(d.sponsorYears, where),
    sponsorsTable(d.sponsors, d.sponsorYears, where, occupationLabel(view.occupation)),
  ].map((t) => ({ ...t, id: `${t.id}${suffix}` }));
  return {
    heading: label,
    summary: d.summary,
    group: d.group,
    tables,
    charts: {
      [tables[0].id]: draw(level.rows, () => wageRangeChart(level.rows, level.options)),
      [tables[1].id]: draw(employer.rows, () => countBarChart(employer.rows, employer.options)),
      [tables[2].id]: draw(year.rows, () => sponsorYearsChart(year.rows, year.options)),
    },
    notes: marketSourceNotes(d.sources),
    chartSources: { [tables[0].id]: sources.lca, [tables[1].id]: sources.lca, [tables[2].id]: sources.sponsors },
  };
}

/** The offers saved on the workspace's targets. */
export const savedOffers = (ws: Workspace) => savedOffersTable(ws.targets, ws.serviceAreas, currentAssumptions(ws.assumptions));
