// Summary tables, pre-aggregated inside DuckDB whenever their inputs change (after Mosaic's
// pre-aggregation): a filter change then reads a few thousand pre-summed rows instead of grouping
// the component rows again. The coordinator rebuilds the summaries of a changed table before the
// views read them (coordinator.ts, dataChanged); the map's queries (queries/shortage.ts) sum them.
//
// Designation-level figures (score, FTE needed, population, status, type) repeat on each component
// row: every summary takes them once per designation. A designation belongs to one state (HRSA's
// primary state), so state sums add up across states; a designation spanning counties counts whole
// in each of them, and once in its state.
import type { SqlEngine } from '../engine/engine';
import { AREA_DESIGNATION_SQL, HPSA_TABLE, createHpsaTableSql } from './hpsa';
import { PIPELINE_TABLE } from './pipeline';

export interface SummaryTable {
  name: string;
  /** The tables it is computed from: a change to any of them rebuilds it. */
  reads: readonly string[];
  /** One statement (or several, `;`-separated) that creates or replaces it. */
  sql: string;
}

export const HPSA_AREA_TABLE = 'hpsa_area';
export const HPSA_BY_COUNTY = 'hpsa_by_county';
export const HPSA_BY_STATE = 'hpsa_by_state';
export const PIPELINE_COUNTS = 'pipeline_counts';
export const HPSA_STATE_FIGURES = 'hpsa_state_figures';

const isArea = AREA_DESIGNATION_SQL.replaceAll('designation_type', 'h.designation_type');

/**
 * One row per designation and county (a designation spanning three counties has three rows; a
 * facility without a county code has one, with a NULL county), its figures taken once, the number
 * of counties it spans, and its county's rurality. Not its state's regions: the summaries below
 * join them once per group, and the details panel once per area (a tenth less time per upload).
 */
const hpsaArea: SummaryTable = {
  name: HPSA_AREA_TABLE,
  reads: [HPSA_TABLE, 'ref_counties'],
  // Grouped first, then joined: the number of counties by a join on the grouped rows, not a window
  // (a sort of every row), and the geography once per row of the result.
  sql: `${createHpsaTableSql()};
    CREATE OR REPLACE TABLE ${HPSA_AREA_TABLE} AS
    WITH a AS (
      SELECT h.discipline, h.status, ${isArea} AS is_area, h.hpsa_id, h.state, h.county_fips,
             any_value(h.score) AS score, any_value(h.fte_needed) AS fte,
             any_value(CASE WHEN ${isArea} THEN h.designation_population END) AS pop, max(h.record_date) AS record_date
      FROM ${HPSA_TABLE} h GROUP BY ALL),
    n AS (SELECT discipline, hpsa_id, count(county_fips)::INTEGER AS n_counties FROM a GROUP BY ALL)
    SELECT a.*, c.rural, n.n_counties
    FROM a JOIN n USING (discipline, hpsa_id) LEFT JOIN ref_counties c ON c.county_fips = a.county_fips`,
};

/**
 * The figures the map sums, per group of designations. FTE is summed as DECIMAL(18, 4): exact, so
 * a sum of sums is the sum whatever the order; it is NULL where no designation of the group has an
 * FTE figure (HRSA leaves "HPSA Shortage" blank for most FQHC and tribal designations), and
 * `fte_missing` counts those without one. Population and score × population are summed apart, for
 * the population-weighted score.
 */
const FIGURES = `count(*)::INTEGER AS designations, sum(fte::DECIMAL(18, 4)) AS fte, count(*) FILTER (WHERE fte IS NULL)::INTEGER AS fte_missing,
  sum(pop) AS pop, max(score) AS max_score, sum(score * pop) AS score_pop, max(record_date) AS record_date`;

/** The filter columns that follow from a designation's state. */
const REGION = 'state, state_fips, state_name, census_region, census_division, hhs_region';

/**
 * `g`'s columns with its state's regions in place after `state` (REGION's order), from ref_states.
 * The summaries group by the state alone and join its regions after: grouping by all six columns
 * took a third longer on a national file.
 */
const withRegions = (before: string, after: string) => `SELECT ${before}, g.state, r.state_fips, r.state_name, r.census_region,
    r.census_division, r.hhs_region, ${after} FROM g LEFT JOIN ref_states r ON r.state = g.state`;

const FIGURE_COLUMNS = 'g.designations, g.fte, g.fte_missing, g.pop, g.max_score, g.score_pop, g.record_date';

/** Per county: its designations by discipline, status, class and state (each whole in each county it spans). */
const hpsaByCounty: SummaryTable = {
  name: HPSA_BY_COUNTY,
  reads: [HPSA_AREA_TABLE, 'ref_states'],
  sql: `CREATE OR REPLACE TABLE ${HPSA_BY_COUNTY} AS
    WITH g AS (
      SELECT discipline, status, is_area, state, county_fips, any_value(rural) AS rural, ${FIGURES},
             count(*) FILTER (WHERE n_counties > 1)::INTEGER AS shared
      FROM ${HPSA_AREA_TABLE} GROUP BY discipline, status, is_area, state, county_fips)
    ${withRegions('g.discipline, g.status, g.is_area', `g.county_fips, g.rural, ${FIGURE_COLUMNS}, g.shared`)}`,
};

/**
 * Per state: its designations by discipline, status and class, each once, for every choice of the
 * rural filter (`scope`): all, or those with a rural (metro) county among theirs.
 */
const hpsaByState: SummaryTable = {
  name: HPSA_BY_STATE,
  reads: [HPSA_AREA_TABLE, 'ref_states'],
  // A designation's status, class and state are the same on each of its rows (designation-level).
  sql: `CREATE OR REPLACE TABLE ${HPSA_BY_STATE} AS
    WITH d AS (
      SELECT discipline, hpsa_id, any_value(status) AS status, any_value(is_area) AS is_area, any_value(state) AS state,
             any_value(score) AS score, any_value(fte) AS fte, any_value(pop) AS pop, max(record_date) AS record_date,
             bool_or(rural = 'rural') AS has_rural, bool_or(rural = 'metro') AS has_metro
      FROM ${HPSA_AREA_TABLE} GROUP BY discipline, hpsa_id),
    g AS (
      SELECT discipline, status, is_area, state, scope, ${FIGURES}
      FROM d, (VALUES ('all'), ('rural'), ('metro')) s(scope)
      WHERE scope = 'all' OR (scope = 'rural' AND has_rural) OR (scope = 'metro' AND has_metro)
      GROUP BY ALL)
    ${withRegions('g.discipline, g.status, g.is_area', `g.scope, ${FIGURE_COLUMNS}`)}`,
};

/**
 * The state map's two HPSA sources in one table: the detail file's rows of hpsa_by_state (`detail`)
 * and HRSA's published state summaries (the embedded ref_hpsa_state; their figures in the `s_…`
 * columns, their date in `as_of`), each row with its state's name and regions.
 * The map's state query then groups one table instead of grouping a union of two at every filter
 * change (~20% less time per run of it under Node). The two sources' figures stay in their own
 * columns: never added.
 */
const hpsaStateFigures: SummaryTable = {
  name: HPSA_STATE_FIGURES,
  reads: [HPSA_BY_STATE, 'ref_hpsa_state', 'ref_states'],
  sql: `CREATE OR REPLACE TABLE ${HPSA_STATE_FIGURES} AS
    SELECT discipline, status, is_area, scope, ${REGION}, true AS detail, designations, fte, fte_missing, pop, max_score, score_pop, record_date,
           NULL::VARCHAR AS as_of, NULL::DOUBLE AS s_designations, NULL::DOUBLE AS s_population, NULL::DOUBLE AS s_fte, NULL::DOUBLE AS s_need_met
    FROM ${HPSA_BY_STATE}
    UNION ALL
    SELECT h.discipline, NULL, NULL, NULL, h.state, s.state_fips, s.state_name, s.census_region, s.census_division, s.hhs_region,
           false, NULL, NULL, NULL, NULL, NULL, NULL, NULL, h.as_of, h.designations, h.population, h.practitioners_needed, h.pct_need_met
    FROM ref_hpsa_state h JOIN ref_states s USING (state)`,
};

/**
 * Candidates by site state, specialty and stage, with the state's regions (NULL for a site outside
 * the states table): a million candidates become a few thousand rows, filtered without a join.
 */
const pipelineCounts: SummaryTable = {
  name: PIPELINE_COUNTS,
  reads: [PIPELINE_TABLE, 'ref_states'],
  sql: `CREATE OR REPLACE TABLE ${PIPELINE_COUNTS} AS
    SELECT p.site_state, p.specialty, p.stage, s.state, s.census_region, s.census_division, s.hhs_region, count(*)::INTEGER AS n
    FROM ${PIPELINE_TABLE} p LEFT JOIN ref_states s ON s.state = p.site_state GROUP BY ALL`,
};

/** Every summary, each after the summaries it reads. */
export const SUMMARIES: readonly SummaryTable[] = [hpsaArea, hpsaByCounty, hpsaByState, hpsaStateFigures, pipelineCounts];

/** The summaries to rebuild when these tables change, in the order to rebuild them (directly or through another summary). */
export function summariesOf(changed: Iterable<string>, summaries: readonly SummaryTable[] = SUMMARIES): SummaryTable[] {
  const stale = new Set(changed);
  return summaries.filter((s) => s.reads.some((t) => stale.has(t)) && stale.add(s.name));
}

/** The tables that change with these: themselves and every summary computed from them. */
export function changedWith(tables: Iterable<string>, summaries: readonly SummaryTable[] = SUMMARIES): string[] {
  const list = [...tables];
  return [...new Set([...list, ...summariesOf(list, summaries).map((s) => s.name)])];
}

/** Rebuilds the summaries of the changed tables, in one message to the engine. */
export async function refreshSummaries(
  db: SqlEngine,
  changed: Iterable<string>,
  summaries: readonly SummaryTable[] = SUMMARIES,
): Promise<void> {
  const stale = summariesOf(changed, summaries);
  if (stale.length) await db.query(stale.map((s) => s.sql).join(';\n'));
}
