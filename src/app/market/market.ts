// The Market workflow shared by the screen and the report: which queries a market view runs, and
// the tables and chart figures made from their rows, so the screen, its CSV files and the report
// show the same numbers.
import type { Coordinator } from '../../data/cache/coordinator';
import {
  groupCounts,
  marketSources,
  marketSummary,
  sponsorsByYear,
  topEmployers,
  topSponsors,
  wagesByLevel,
  type EmployerRow,
  type GroupCounts,
  type LevelRow,
  type MarketFilter,
  type MarketSourceRow,
  type MarketSummary,
  type SponsorRow,
  type SponsorYearRow,
  sponsorStates,
} from '../../data/queries/market';
import type { CountBar, WageRange, YearCount } from '../../charts/market';
import { ACADEMIC_CENTRES_RULE, CAP_EXEMPT_CHECK_NOTE } from '../../model/market/employers';
import { MAPPING_RULE } from '../../model/market/specialty-mapping';
import { WAGE_UNIT_RULE } from '../../model/market/wage-units';
import { LEVEL_NUMERAL, type WageLevel } from '../../model/market/offer';
import { occupationLabel, type MarketRegion, type MarketView } from '../../model/market/market-view';
import { stateByCode } from '../../model/workspace';
import type { ServiceArea, Target } from '../../model/types';
import type { Assumptions } from '../../model/timing/assumptions';
import { selectionProbabilityAt } from '../../model/market/lottery-odds';
import { targetLabel } from '../common/labels';
import type { ChartFigure } from '../pipeline/figures';
import { countOf } from '../../model/format';

/** A table as the screen shows it, its CSV holds it and the report prints it (the report's ReportTable shape). */
export interface MarketTable {
  id: string;
  title: string;
  columns: { label: string; digits?: number; nowrap?: boolean }[];
  rows: (string | number | null)[][];
}

export function marketFilter(view: MarketView, areas: readonly ServiceArea[]): MarketFilter {
  const region = view.region;
  const area = region.kind === 'service-area' ? areas.find((a) => a.id === region.id) : undefined;
  return { occupation: view.occupation, region, area };
}

export function marketRegionLabel(region: MarketRegion, areas: readonly ServiceArea[]): string {
  switch (region.kind) {
    case 'nation':
      return 'United States';
    case 'state':
      return stateByCode(region.state)?.name ?? region.state;
    case 'census-region':
      return `Census region: ${region.name}`;
    case 'hhs-region':
      return `HHS Region ${region.number}`;
    case 'service-area':
      return `Service area: ${areas.find((a) => a.id === region.id)?.name ?? '(deleted)'}`;
  }
}

/** Said beside a service area's sponsor figures: USCIS's file has no county. */
export const SPONSOR_WHOLE_STATE_NOTE = 'USCIS gives a city and state, no county: the whole state is shown';

/**
 * Where the USCIS sponsor figures are from, as the screen and the report both title them: the place,
 * except a service area, whose sponsors are those of the state(s) it lies in (`sponsorStates`), named
 * as such with `SPONSOR_WHOLE_STATE_NOTE`.
 */
export function sponsorPlaceLabel(region: MarketRegion, areas: readonly ServiceArea[]): string {
  const area = region.kind === 'service-area' ? areas.find((a) => a.id === region.id) : undefined;
  if (!area) return marketRegionLabel(region, areas);
  const states = sponsorStates(area).map((s) => stateByCode(s)?.name ?? s);
  if (!states.length) return marketRegionLabel(region, areas);
  const names = states.length === 1 ? states[0] : `${states.slice(0, -1).join(', ')} and ${states[states.length - 1]}`;
  return `${names} (the ${states.length === 1 ? 'state' : 'states'} of service area ${area.name}; ${SPONSOR_WHOLE_STATE_NOTE})`;
}

export const marketViewLabel = (view: MarketView, areas: readonly ServiceArea[]) =>
  `${occupationLabel(view.occupation)} — ${marketRegionLabel(view.region, areas)}`;

/** Every query the Market screen shows, by the name of the figure it feeds. */
export function marketQueries(f: MarketFilter) {
  return {
    summary: marketSummary(f),
    group: groupCounts(f),
    levels: wagesByLevel(f),
    employers: topEmployers(f),
    sponsorYears: sponsorsByYear(f),
    sponsors: topSponsors(f),
    sources: marketSources(),
  };
}

export interface MarketData {
  summary: MarketSummary;
  group: GroupCounts;
  levels: LevelRow[];
  employers: EmployerRow[];
  sponsorYears: SponsorYearRow[];
  sponsors: SponsorRow[];
  sources: MarketSourceRow[];
}

/** Runs every query of the view (the report does; the screen asks for each as it draws). */
export async function gatherMarketData(coordinator: Coordinator, f: MarketFilter): Promise<MarketData> {
  const q = marketQueries(f);
  const [[summary], [group], levels, employers, sponsorYears, sponsors, sources] = await Promise.all([
    coordinator.query(q.summary),
    coordinator.query(q.group),
    coordinator.query(q.levels),
    coordinator.query(q.employers),
    coordinator.query(q.sponsorYears),
    coordinator.query(q.sponsors),
    coordinator.query(q.sources),
  ]);
  return { summary, group, levels, employers, sponsorYears, sponsors, sources };
}

/**
 * What the headline counts are, in the words the screen and the report share (casebook D1): LCA
 * filings, one per case, certified H-1B where the copy says so; certified-then-withdrawn cases
 * apart; worker positions beside the filings with what they include; never "demand" or "hires".
 */
export function marketCountsText(s: MarketSummary): { headline: string; notes: string[] } {
  const period = s.period ?? 'no period loaded';
  const positions =
    s.with_positions > 0
      ? ` for ${countOf(s.positions ?? 0, 'worker position')}${s.with_positions < s.filings ? ` (${countOf(s.filings - s.with_positions, 'filing')} give none)` : ''}`
      : '';
  const checked = s.filings - s.unchecked;
  const notes = [
    `Counted: one LCA filing per DOL case number${checked ? `; ${checked < s.filings ? `${countOf(checked, 'filing')} ` : ''}certified for H-1B (case status “Certified”, visa class “H-1B”; not E-3 or H-1B1)` : ''}.${checked ? ` ${countOf(s.withdrawn, 'case')} certified, then withdrawn by the employer, ${s.withdrawn === 1 ? 'is' : 'are'} shown apart and not counted.` : ''}`,
    ...(s.unchecked
      ? [
          `The status and visa class of ${s.unchecked === s.filings ? 'these filings' : `${s.unchecked.toLocaleString('en-US')} of these filings`} could not be checked: the ${s.unchecked_periods ?? ''} copy has no case status or visa class column, so denied or withdrawn cases and E-3 or H-1B1 filings may be among them.`,
        ]
      : []),
    s.with_positions > 0
      ? 'Worker positions (DOL’s total worker positions) add up new employment with continued and extended employment, changes of employer, concurrent jobs and amended petitions.'
      : `Worker positions: not in the ${period} copy (no total worker positions column).`,
    'An LCA is the employer’s attestation filed before an H-1B petition: not a petition, an approval or a hire.',
  ];
  return { headline: `${countOf(s.filings, 'LCA filing')}${positions} by ${countOf(s.employers, 'employer')} in ${period}`, notes };
}

const levelName = (level: number | null) => (level ? `Level ${LEVEL_NUMERAL[level as WageLevel]}` : 'Level not stated');
const round = (v: number | null) => (v === null ? null : Math.round(v));

export function levelTable(rows: readonly LevelRow[], label: string): MarketTable {
  const total = rows.reduce((s, r) => s + r.filings, 0);
  return {
    id: 'market-wage-levels',
    title: `Offered annual wage by H-1B wage level — ${label}`,
    columns: [
      { label: 'Wage level' },
      { label: 'Filings', digits: 0 },
      { label: 'Share of filings (%)', digits: 1 },
      { label: 'Filings with a usable wage', digits: 0 },
      { label: '25th percentile ($)', digits: 0 },
      { label: 'Median ($)', digits: 0 },
      { label: '75th percentile ($)', digits: 0 },
    ],
    rows: rows.map((r) => [
      levelName(r.level),
      r.filings,
      total ? (r.filings / total) * 100 : null,
      r.wages,
      round(r.q1),
      round(r.median),
      round(r.q3),
    ]),
  };
}

export function levelFigure(rows: readonly LevelRow[], label: string): ChartFigure<WageRange, { title: string }> {
  return {
    rows: rows
      .filter((r) => r.median !== null && r.q1 !== null && r.q3 !== null)
      .map((r) => ({ label: levelName(r.level), q1: r.q1!, median: r.median!, q3: r.q3!, filings: r.filings })),
    options: {
      title: `Offered annual wage by wage level, 25th to 75th percentile with the median — ${label}; the numbers are in the table`,
    },
  };
}

export function employersTable(rows: readonly EmployerRow[], label: string): MarketTable {
  return {
    id: 'market-employers',
    title: `Employers filing most — ${label}`,
    columns: [
      { label: 'Employer' },
      { label: 'Filings', digits: 0 },
      { label: 'Median offered wage ($)', digits: 0 },
      { label: 'Level I', digits: 0 },
      { label: 'Level II', digits: 0 },
      { label: 'Level III', digits: 0 },
      { label: 'Level IV', digits: 0 },
      { label: 'States', nowrap: true },
      { label: 'Cap-exempt?' },
    ],
    rows: rows.map((r) => [
      r.employer,
      r.filings,
      round(r.median),
      r.level1,
      r.level2,
      r.level3,
      r.level4,
      r.states,
      r.cap_exempt_check ? 'check' : '',
    ]),
  };
}

export function employersFigure(rows: readonly EmployerRow[], label: string): ChartFigure<CountBar, { title: string; axis: string }> {
  return {
    rows: rows.map((r) => ({ label: r.employer, value: r.filings })),
    options: { title: `Employers filing most — ${label}; the numbers are in the table`, axis: 'LCA filings' },
  };
}

const yearLabel = (y: Pick<SponsorYearRow, 'fiscal_year' | 'year_note'>) => `FY${y.fiscal_year}${y.year_note ? ' (partial year)' : ''}`;

export function sponsorYearsTable(rows: readonly SponsorYearRow[], label: string): MarketTable {
  return {
    id: 'market-sponsor-years',
    title: `Health-care H-1B sponsors by fiscal year — ${label}`,
    columns: [
      { label: 'Fiscal year', nowrap: true },
      { label: 'Employers', digits: 0 },
      { label: 'Initial approvals', digits: 0 },
      { label: 'Initial denials', digits: 0 },
      { label: 'Continuing approvals', digits: 0 },
      { label: 'Continuing denials', digits: 0 },
      { label: 'Note' },
    ],
    rows: rows.map((r) => [
      yearLabel(r),
      r.employers,
      r.initial_approvals,
      r.initial_denials,
      r.continuing_approvals,
      r.continuing_denials,
      r.year_note ?? '',
    ]),
  };
}

export function sponsorYearsFigure(rows: readonly SponsorYearRow[], label: string): ChartFigure<YearCount, { title: string }> {
  return {
    rows: rows.flatMap((r) => [
      { year: yearLabel(r), measure: 'Initial approvals' as const, value: r.initial_approvals },
      { year: yearLabel(r), measure: 'Initial denials' as const, value: r.initial_denials },
    ]),
    options: {
      title: `Initial H-1B approvals and denials of health-care employers by fiscal year — ${label}; the numbers are in the table`,
    },
  };
}

/** Which fiscal year ranks the leading sponsors, as words ("ranked by FY2022 initial approvals"); null without rows. */
export function sponsorsRanking(rows: readonly SponsorRow[], years: readonly SponsorYearRow[]): string | null {
  const rankYear = rows[0]?.rank_year;
  if (rankYear === undefined) return null;
  const year = years.find((y) => y.fiscal_year === rankYear) ?? { fiscal_year: rankYear, year_note: null };
  return `ranked by ${yearLabel(year)} initial approvals`;
}

/**
 * One row per sponsor with each fiscal year's initial approvals and denials side by side, ranked by
 * one fiscal year's initial approvals (the title names it), ties by name.
 */
export function sponsorsTable(
  rows: readonly SponsorRow[],
  years: readonly SponsorYearRow[],
  label: string,
  occupation: string,
): MarketTable {
  const byEmployer = new Map<string, SponsorRow[]>();
  for (const r of rows) byEmployer.set(r.employer_key, [...(byEmployer.get(r.employer_key) ?? []), r]);
  // One fiscal year ranks them (the query's: the latest complete year, else the latest loaded); never a sum of years.
  const rankYear = rows[0]?.rank_year;
  const ranked = sponsorsRanking(rows, years);
  const inRankYear = (rs: SponsorRow[]) => rs.find((r) => r.fiscal_year === rankYear)?.initial_approvals ?? 0;
  const sponsors = [...byEmployer.values()].sort((a, b) => inRankYear(b) - inRankYear(a) || a[0].employer.localeCompare(b[0].employer));
  return {
    id: 'market-sponsors',
    title: `Health-care H-1B sponsors with the most initial approvals${ranked ? `, ${ranked}` : ''} — ${label}, with their DOL filings for ${occupation}`,
    columns: [
      { label: ranked ? `Rank, ${ranked}` : 'Rank', digits: 0 },
      { label: 'Employer' },
      { label: 'States', nowrap: true },
      { label: 'Included as (NAICS 62 health care; NAICS 61 academic medical centre by name)' },
      ...years.flatMap((y) => [
        { label: `${yearLabel(y)} initial approvals`, digits: 0 },
        { label: `${yearLabel(y)} initial denials`, digits: 0 },
      ]),
      { label: `DOL LCA filings, ${occupation}`, digits: 0 },
      { label: 'Cap-exempt?' },
    ],
    rows: sponsors.map((rs, i) => {
      const first = rs[0];
      return [
        i + 1,
        first.employer,
        first.states,
        first.naics.split(', ').includes('62') ? 'NAICS 62' : 'NAICS 61, by name',
        ...years.flatMap((y) => {
          const at = rs.find((r) => r.fiscal_year === y.fiscal_year);
          return [at?.initial_approvals ?? 0, at?.initial_denials ?? 0];
        }),
        first.occupation_filings,
        first.cap_exempt_check ? 'check' : '',
      ];
    }),
  };
}

/** Each market source with its periods, as one line: under a chart, and at the head of its note. */
export function marketSourceLines(sources: readonly MarketSourceRow[]): { lca: string; sponsors: string } {
  const lca = sources.filter((s) => s.table_name === 'lca_filings').map((s) => s.period);
  const years = sources.filter((s) => s.table_name === 'h1b_sponsors');
  return {
    lca: `US Department of Labor, OFLC LCA disclosure data, ${lca.join(', ') || 'none loaded'}`,
    sponsors: `USCIS H-1B Employer Data Hub, ${years.map((y) => `FY${y.period.slice(2)}${y.note ? ` — ${y.note}` : ''}`).join('; ') || 'none loaded'}`,
  };
}

/** The sources and periods under the figures: two vintages side by side, never added together. */
export function marketSourceNotes(sources: readonly MarketSourceRow[]): string[] {
  const { lca, sponsors } = marketSourceLines(sources);
  return [
    `LCA filings: ${lca}; one per case number (what is counted is said beside the counts). Offered wage = WAGE_RATE_OF_PAY_FROM annualised: ${WAGE_UNIT_RULE}. ${MAPPING_RULE}`,
    `Sponsors: ${sponsors}. Each fiscal year is shown on its own. ${ACADEMIC_CENTRES_RULE} USCIS gives no occupation: sponsors are all health-care employers in the place; the DOL column counts the same employer’s LCA filings for the chosen occupation (matched by name).`,
    CAP_EXEMPT_CHECK_NOTE,
  ];
}

/** The offers saved on targets: what each target's forecast assumes for its cap-subject candidates. */
export function savedOffersTable(targets: readonly Target[], areas: readonly ServiceArea[], assumptions: Assumptions): MarketTable {
  return {
    id: 'market-saved-offers',
    title: 'Offers saved on targets: the wage level each target’s cap-subject candidates are forecast at',
    columns: [
      { label: 'Target' },
      { label: 'Offered annual wage ($)', digits: 0 },
      { label: 'Wage level' },
      { label: 'Level from' },
      { label: 'P(selected) per lottery at that level (%)', digits: 0 },
      { label: 'Compared with' },
      { label: 'Saved on', nowrap: true },
    ],
    rows: targets
      .filter((t) => t.offer)
      .map((t) => {
        const o = t.offer!;
        return [
          targetLabel(t, areas),
          o.annualWage,
          `Level ${LEVEL_NUMERAL[o.wageLevel]}`,
          o.levelSource === 'confirmed' ? 'DOL prevailing wage (confirmed by you)' : 'estimate from peers’ filings',
          selectionProbabilityAt(o.wageLevel, assumptions) * 100,
          o.basis,
          o.savedOn,
        ];
      }),
  };
}
