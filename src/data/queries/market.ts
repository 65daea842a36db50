// Queries behind the Market screen, its report section, the offer panel and the map's demand layer:
// DOL wage filings (lca_filings) and USCIS health-care sponsors (h1b_sponsors), by occupation or
// specialty and region. Residents and fellows (training posts) never enter wage figures; they are
// counted beside them.
import { namedQuery } from '../cache/coordinator';
import { LCA_TABLE, LCA_WITHDRAWN_TABLE, SPONSORS_TABLE } from '../tables/market';
import { occupationFilter, groupOf, type MarketOccupation, type MarketRegion } from '../../model/market/market-view';
import type { ServiceArea } from '../../model/types';
import { stateByFips } from '../../model/workspace';

/** Where: a region, and the service area it names (resolved from the workspace by the caller). */
export interface MarketPlace {
  region: MarketRegion;
  area?: ServiceArea;
}

export interface MarketFilter extends MarketPlace {
  occupation: MarketOccupation;
}

/** A condition, its parameters, and the tables it reads besides the one filtered. */
type Where = { sql: string; params: unknown[]; reads?: string[] };
const and = (...parts: Where[]): Where => ({
  sql: parts.map((p) => `(${p.sql})`).join(' AND ') || 'true',
  params: parts.flatMap((p) => p.params),
  reads: parts.flatMap((p) => p.reads ?? []),
});
const inList = (column: string, values: readonly unknown[]): Where =>
  values.length ? { sql: `${column} IN (${values.map(() => '?').join(', ')})`, params: [...values] } : { sql: 'false', params: [] };
/** The tables a query reads: its own, and those its conditions read. */
const reading = (tables: string[], ...wheres: Where[]) => [...new Set([...tables, ...wheres.flatMap((w) => w.reads ?? [])])].sort();

/** Region filter on a table aliased `t` with a `state` column (and `county_fips` when `counties`). */
function placeWhere(place: MarketPlace, counties: boolean): Where {
  const r = place.region;
  switch (r.kind) {
    case 'nation':
      return { sql: 'true', params: [] };
    case 'state':
      return { sql: 't.state = ?', params: [r.state] };
    case 'census-region':
      return { sql: 't.state IN (SELECT state FROM ref_states WHERE census_region = ?)', params: [r.name], reads: ['ref_states'] };
    case 'hhs-region':
      return { sql: 't.state IN (SELECT state FROM ref_states WHERE hhs_region = ?)', params: [r.number], reads: ['ref_states'] };
    case 'service-area': {
      const area = place.area;
      if (!area) return { sql: 'false', params: [] };
      if (counties) {
        const states = inList('t.state', area.states);
        const fips = inList('t.county_fips', area.counties);
        return { sql: `${states.sql} OR ${fips.sql}`, params: [...states.params, ...fips.params] };
      }
      return inList('t.state', sponsorStates(area));
    }
  }
}

/** USCIS gives no county: a service area's sponsors are those of its states and of the states its counties lie in. */
export function sponsorStates(area: ServiceArea): string[] {
  const fromCounties = area.counties.map((f) => stateByFips(f.slice(0, 2))?.code).filter((s): s is string => !!s);
  return [...new Set([...area.states, ...fromCounties])].sort();
}

/** Filings of the occupation (training posts excluded). */
function occupationWhere(o: MarketOccupation): Where {
  const f = occupationFilter(o);
  return 'group' in f
    ? { sql: `t.occupation_group = ? AND t.mapping <> 'trainee'`, params: [f.group] }
    : inList('t.specialty', f.specialties);
}

const filingsWhere = (f: MarketFilter) => and(occupationWhere(f.occupation), placeWhere(f, true));

export interface MarketSummary {
  /** LCA filings counted: certified H-1B where the copy says (status_checked), one per case number. */
  filings: number;
  /** Of them, filings from a copy without CASE_STATUS/VISA_CLASS, and those copies' periods. */
  unchecked: number;
  unchecked_periods: string | null;
  /** Worker positions of the filings that give them (TOTAL_WORKER_POSITIONS), and how many give them. */
  positions: number | null;
  with_positions: number;
  /** Cases certified, then withdrawn by the employer, in the same occupation and place: shown apart, not counted. */
  withdrawn: number;
  employers: number;
  wages: number;
  q1: number | null;
  median: number | null;
  q3: number | null;
  without_level: number;
  /** Filings with a wage left out as unusable (implausible or unreadable). */
  unusable_wages: number;
  period: string | null;
}

export function marketSummary(f: MarketFilter) {
  const w = filingsWhere(f);
  return namedQuery<MarketSummary>(
    'market-summary',
    reading([LCA_TABLE, LCA_WITHDRAWN_TABLE], w),
    `SELECT count(*)::INTEGER AS filings, count(*) FILTER (NOT t.status_checked)::INTEGER AS unchecked,
            string_agg(DISTINCT t.period, ', ' ORDER BY t.period) FILTER (NOT t.status_checked) AS unchecked_periods,
            sum(t.positions)::INTEGER AS positions, count(t.positions)::INTEGER AS with_positions,
            (SELECT count(*) FROM ${LCA_WITHDRAWN_TABLE} t WHERE ${w.sql})::INTEGER AS withdrawn,
            count(DISTINCT t.employer_key)::INTEGER AS employers, count(t.annual_wage)::INTEGER AS wages,
            quantile_cont(t.annual_wage, 0.25) AS q1, quantile_cont(t.annual_wage, 0.5) AS median, quantile_cont(t.annual_wage, 0.75) AS q3,
            count(*) FILTER (t.wage_level IS NULL)::INTEGER AS without_level, count(*) FILTER (t.wage_note IS NOT NULL)::INTEGER AS unusable_wages,
            (SELECT string_agg(DISTINCT period, ', ' ORDER BY period) FROM ${LCA_TABLE}) AS period
     FROM ${LCA_TABLE} t WHERE ${w.sql}`,
    [...w.params, ...w.params],
  );
}

export interface GroupCounts {
  filings: number;
  trainees: number;
  unmapped: number;
}

/** The occupation's whole group in the place: training posts and filings no specialty could be given. */
export function groupCounts(f: MarketFilter) {
  const w = placeWhere(f, true);
  return namedQuery<GroupCounts>(
    'market-group-counts',
    reading([LCA_TABLE], w),
    `SELECT count(*)::INTEGER AS filings, count(*) FILTER (t.mapping = 'trainee')::INTEGER AS trainees,
            count(*) FILTER (t.mapping = 'unmapped')::INTEGER AS unmapped
     FROM ${LCA_TABLE} t WHERE t.occupation_group = ? AND ${w.sql}`,
    [groupOf(f.occupation), ...w.params],
  );
}

export interface LevelRow {
  /** 1–4, or null: the file leaves the level blank. */
  level: number | null;
  filings: number;
  wages: number;
  q1: number | null;
  median: number | null;
  q3: number | null;
}

/** Wage-level mix I–IV and the offered annual wage at each level. */
export function wagesByLevel(f: MarketFilter) {
  const w = filingsWhere(f);
  return namedQuery<LevelRow>(
    'market-wages-by-level',
    reading([LCA_TABLE], w),
    `SELECT t.wage_level::INTEGER AS level, count(*)::INTEGER AS filings, count(t.annual_wage)::INTEGER AS wages,
            quantile_cont(t.annual_wage, 0.25) AS q1, quantile_cont(t.annual_wage, 0.5) AS median, quantile_cont(t.annual_wage, 0.75) AS q3
     FROM ${LCA_TABLE} t WHERE ${w.sql} GROUP BY 1 ORDER BY 1 NULLS LAST`,
    w.params,
  );
}

export interface EmployerRow {
  employer: string;
  filings: number;
  median: number | null;
  level1: number;
  level2: number;
  level3: number;
  level4: number;
  states: string;
  cap_exempt_check: boolean;
}

/** The employers filing most for the occupation in the place. */
export function topEmployers(f: MarketFilter, limit = 15) {
  const w = filingsWhere(f);
  const level = (n: number) => `count(*) FILTER (t.wage_level = ${n})::INTEGER AS level${n}`;
  return namedQuery<EmployerRow>(
    'market-top-employers',
    reading([LCA_TABLE], w),
    `SELECT mode(t.employer) AS employer, count(*)::INTEGER AS filings, quantile_cont(t.annual_wage, 0.5) AS median,
            ${[1, 2, 3, 4].map(level).join(', ')}, string_agg(DISTINCT t.state, ', ' ORDER BY t.state) AS states,
            bool_or(t.cap_exempt_check) AS cap_exempt_check
     FROM ${LCA_TABLE} t WHERE ${w.sql}
     GROUP BY t.employer_key ORDER BY filings DESC, employer LIMIT ${Math.max(1, Math.floor(limit))}`,
    w.params,
  );
}

export interface PeerOfferRow {
  annual_wage: number;
  wage_level: number | null;
}

export interface PeerOfferNearRow extends PeerOfferRow {
  in_state: boolean;
  /** In the state's Census division (the wider place a wage level falls back to: casebook D2). */
  in_division: boolean;
  division: string | null;
}

/**
 * Every usable offered wage of the occupation in the nation, each marked as in the state and in its
 * Census division: the places, narrowest first, an offer's wage level is estimated from.
 */
export function peerOffersNear(occupation: MarketOccupation, state: string) {
  const w = occupationWhere(occupation);
  return namedQuery<PeerOfferNearRow>(
    'market-peer-offers-near',
    reading([LCA_TABLE, 'ref_states'], w),
    `WITH d AS (SELECT census_division FROM ref_states WHERE state = ?)
     SELECT t.annual_wage, t.wage_level::INTEGER AS wage_level, t.state IS NOT DISTINCT FROM ? AS in_state,
            coalesce(t.state IN (SELECT state FROM ref_states WHERE census_division = (SELECT census_division FROM d)), false) AS in_division,
            (SELECT census_division FROM d) AS division
     FROM ${LCA_TABLE} t WHERE ${w.sql} AND t.annual_wage IS NOT NULL ORDER BY 1`,
    [state, state, ...w.params],
  );
}

export interface SponsorYearRow {
  fiscal_year: number;
  year_note: string | null;
  employers: number;
  initial_approvals: number;
  initial_denials: number;
  continuing_approvals: number;
  continuing_denials: number;
}

/** Health-care H-1B sponsors in the place, by fiscal year (USCIS has no occupation: all health care). */
export function sponsorsByYear(place: MarketPlace) {
  const w = placeWhere(place, false);
  return namedQuery<SponsorYearRow>(
    'market-sponsors-by-year',
    reading([SPONSORS_TABLE], w),
    `SELECT t.fiscal_year, any_value(t.year_note) AS year_note, count(DISTINCT t.employer_key)::INTEGER AS employers,
            sum(t.initial_approvals)::INTEGER AS initial_approvals, sum(t.initial_denials)::INTEGER AS initial_denials,
            sum(t.continuing_approvals)::INTEGER AS continuing_approvals, sum(t.continuing_denials)::INTEGER AS continuing_denials
     FROM ${SPONSORS_TABLE} t WHERE ${w.sql} GROUP BY 1 ORDER BY 1`,
    w.params,
  );
}

export interface SponsorRow {
  employer_key: string;
  employer: string;
  naics: string;
  states: string;
  cap_exempt_check: boolean;
  fiscal_year: number;
  initial_approvals: number;
  initial_denials: number;
  continuing_approvals: number;
  /** DOL wage filings of this employer (same name key) for the occupation in the place. */
  occupation_filings: number;
  /** The one fiscal year the sponsors are ranked by (`rankingYear`), the same on every row. */
  rank_year: number;
}

/**
 * The fiscal year sponsors are ranked by: the latest loaded year without a note (a complete year),
 * else the latest loaded. Two fiscal years are never added together to rank.
 */
const rankingYear = (table: string) =>
  `SELECT fiscal_year FROM ${table} GROUP BY 1 ORDER BY bool_or(year_note IS NOT NULL), fiscal_year DESC LIMIT 1`;

/**
 * The sponsors with the most initial approvals in the place in one fiscal year (`rankingYear`), ties
 * by name; one row per employer and fiscal year, each year's figures on their own.
 */
export function topSponsors(f: MarketFilter, limit = 20) {
  const place = placeWhere(f, false);
  const filings = filingsWhere(f);
  return namedQuery<SponsorRow>(
    'market-top-sponsors',
    reading([SPONSORS_TABLE, LCA_TABLE], place, filings),
    `WITH s AS (SELECT * FROM ${SPONSORS_TABLE} t WHERE ${place.sql}),
     y AS (${rankingYear(SPONSORS_TABLE)}),
     top AS (SELECT employer_key FROM s GROUP BY 1
             ORDER BY coalesce(sum(initial_approvals) FILTER (fiscal_year = (SELECT fiscal_year FROM y)), 0) DESC, mode(employer), 1
             LIMIT ${Math.max(1, Math.floor(limit))}),
     lca AS (SELECT t.employer_key, count(*)::INTEGER AS n FROM ${LCA_TABLE} t WHERE ${filings.sql} GROUP BY 1),
     names AS (SELECT employer_key, mode(employer) AS employer, string_agg(DISTINCT naics, ', ') AS naics,
                      string_agg(DISTINCT state, ', ' ORDER BY state) AS states, bool_or(cap_exempt_check) AS cap_exempt_check
               FROM s SEMI JOIN top USING (employer_key) GROUP BY 1)
     SELECT n.employer_key, n.employer, n.naics, coalesce(n.states, '') AS states, n.cap_exempt_check, s.fiscal_year,
            sum(s.initial_approvals)::INTEGER AS initial_approvals, sum(s.initial_denials)::INTEGER AS initial_denials,
            sum(s.continuing_approvals)::INTEGER AS continuing_approvals, coalesce(any_value(lca.n), 0)::INTEGER AS occupation_filings, (SELECT fiscal_year FROM y)::INTEGER AS rank_year
     FROM s JOIN names n USING (employer_key) LEFT JOIN lca USING (employer_key)
     GROUP BY ALL ORDER BY n.employer_key, s.fiscal_year`,
    [...place.params, ...filings.params],
  );
}

export interface MarketSourceRow {
  table_name: string;
  period: string;
  note: string | null;
}

/** The periods loaded in each market table (DOL quarter; USCIS fiscal years with their notes). */
export const marketSources = () =>
  namedQuery<MarketSourceRow>(
    'market-sources',
    [LCA_TABLE, SPONSORS_TABLE],
    `SELECT '${LCA_TABLE}' AS table_name, period, NULL AS note FROM (SELECT DISTINCT period FROM ${LCA_TABLE})
     UNION ALL
     SELECT '${SPONSORS_TABLE}', 'FY' || fiscal_year, any_value(year_note) FROM ${SPONSORS_TABLE} GROUP BY fiscal_year
     ORDER BY 1, 2`,
  );
