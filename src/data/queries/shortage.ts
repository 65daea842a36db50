// Queries behind the shortage map screen. Every view on the screen (map, ranked table, summary
// cards, details) is a function of the same MapView and the HPSA source it shows, so they change together.
import { namedQuery } from '../cache/coordinator';
import { LCA_TABLE } from '../tables/market';
import { HPSA_AREA_TABLE, HPSA_BY_COUNTY, HPSA_BY_STATE, HPSA_STATE_FIGURES, PIPELINE_COUNTS } from '../tables/summaries';
import { LAB_EMPLOYMENT_VINTAGES, METRICS, metricInfo, type MapView } from '../../model/map-view';
import type { HpsaSource } from '../../model/hpsa-sources';
import { sqlString } from '../engine/sql';
import { conditionsSql, type Condition } from './conditions';

export interface AreaValue {
  /** County FIPS (5 digits) or state FIPS (2 digits): the ids of the us-atlas shapes. */
  geo: string;
  name: string;
  state: string;
  value: number | null;
  /** The date (or year, or month) of `value`; null where the table has no figure for the area. */
  as_of: string | null;
  /** HPSA figures from the same source as `value`. */
  designations: number | null;
  /** Summed over the designations with an FTE figure; null where none has one (never 0 for unknown). */
  fte_needed: number | null;
  /** Detail files: designations here without an FTE figure (HRSA's "HPSA Shortage" blank), left out of fte_needed. */
  fte_missing?: number | null;
  population: number | null;
  need_met: number | null;
  max_score: number | null;
  weighted_score: number | null;
  /** County level: how many of the designations here also cover other counties (counted whole here too). */
  shared_designations: number | null;
  /** State level: the other HPSA source's figures, shown beside the main ones and never added to them. */
  other_as_of: string | null;
  other_designations: number | null;
  other_fte_needed: number | null;
  other_population: number | null;
  /**
   * Provider metrics (county-supply.ts): the count and the population the value is made from, and
   * the other release's figures beside them (its year in `other_as_of`).
   */
  providers?: number | null;
  people?: number | null;
  other_value?: number | null;
  other_providers?: number | null;
  other_people?: number | null;
}

export interface ShortageSummary {
  basis: 'summary' | 'detail';
  as_of: string | null;
  designations: number | null;
  fte_needed: number | null;
  /** Detail files: designations without an FTE figure, left out of fte_needed. */
  fte_missing?: number | null;
  population: number | null;
  /** Counties (detail) or states (summary) with a figure. */
  areas: number;
  max_score: number | null;
  /** Summary tables: the published US row (it includes the territories). */
  us_designations: number | null;
  us_population: number | null;
  us_fte_needed: number | null;
}

export interface DesignationRow {
  hpsa_id: string;
  hpsa_name: string;
  designation_type: string;
  status: string;
  score: number | null;
  fte_needed: number | null;
  ratio_goal: string | null;
  designation_population: number | null;
  rural_status: string | null;
  designation_date: Date | null;
  update_date: Date | null;
  as_of: string | null;
  /** Counties the designation covers (all of them, in or out of the view). */
  counties: string;
  n_counties: number;
}

/** The view's designation filters: status and class. */
function classConditions(v: MapView): Condition[] {
  const out: Condition[] = [];
  if (v.statuses.length) out.push({ column: 'status', oneOf: v.statuses });
  if (v.designationClass !== 'all') out.push({ column: 'is_area', is: v.designationClass === 'area' });
  return out;
}

/** The view's HPSA filters except rurality (discipline, status, class, region): columns of every HPSA summary. */
const hpsaConditions = (v: MapView): Condition[] => [
  { column: 'discipline', equals: v.discipline },
  ...classConditions(v),
  ...geoConditions(v),
];

/** Rurality: a county's own (hpsa_area, hpsa_by_county: `rural`). */
const countyConditions = (v: MapView): Condition[] => [
  ...hpsaConditions(v),
  ...(v.rural !== 'all' ? [{ column: 'rural', equals: v.rural }] : []),
];

/** Rurality of a state's designations: hpsa_by_state has a row set for each choice (`scope`). */
const stateConditions = (v: MapView): Condition[] => [...hpsaConditions(v), { column: 'scope', equals: v.rural }];

/** Region filters, on a table with state, census_region, census_division and hhs_region columns. */
function geoConditions(v: MapView): Condition[] {
  const out: Condition[] = [];
  if (v.states.length) out.push({ column: 'state', oneOf: v.states });
  if (v.censusRegion) out.push({ column: 'census_region', equals: v.censusRegion });
  if (v.censusDivision) out.push({ column: 'census_division', equals: v.censusDivision });
  if (v.hhsRegion) out.push({ column: 'hhs_region', equals: Number(v.hhsRegion) });
  return out;
}

/** Region filters over `alias`, their values pushed onto `params`. */
const geoFilter = (v: MapView, params: unknown[], alias: string): string[] => conditionsSql(geoConditions(v), alias, params);

const isoDateSql = (expr: string) => `strftime(${expr}, '%Y-%m-%d')`;

// Sums of the summaries' figures (summaries.ts). No area population (only facility designations)
// means no one is covered by an area: 0. No FTE figure is unknown, not 0: HRSA leaves "HPSA Shortage"
// blank for most FQHC and tribal designations, so the FTE is summed over those with one (NULL where
// none has one) and those without are counted beside it.
const AGGREGATES = `sum(designations)::INTEGER AS designations, sum(fte)::DOUBLE AS fte_needed, sum(fte_missing)::INTEGER AS fte_missing,
  coalesce(sum(pop), 0)::DOUBLE AS population, max(max_score)::INTEGER AS max_score,
  round(sum(score_pop) / nullif(sum(pop), 0), 1)::DOUBLE AS weighted_score, ${isoDateSql('max(record_date)')} AS as_of`;

const NO_HPSA_FIGURES = `NULL::DOUBLE AS designations, NULL::DOUBLE AS fte_needed, NULL::DOUBLE AS population, NULL::DOUBLE AS need_met,
  NULL::DOUBLE AS max_score, NULL::DOUBLE AS weighted_score, NULL::INTEGER AS shared_designations, NULL::VARCHAR AS other_as_of,
  NULL::DOUBLE AS other_designations, NULL::DOUBLE AS other_fte_needed, NULL::DOUBLE AS other_population`;

/**
 * The map's rows: one per county or state with its value. HPSA metrics need the source the map
 * shows (`main`, see model/hpsa-sources) and, at state level, the one shown beside it.
 */
export function areaValues(v: MapView, main: HpsaSource | null = null, companion: HpsaSource | null = null) {
  const metric = metricInfo(v.metric);
  if (metric.kind !== 'hpsa') return stateWorkforceValues(v);
  if (!main) return namedQuery<AreaValue>('area-values:none', [], `SELECT NULL::VARCHAR AS geo WHERE false`);
  return v.level === 'county' ? countyHpsaValues(v) : stateHpsaValues(v, main, companion);
}

function countyHpsaValues(v: MapView) {
  const params: unknown[] = [];
  const where = conditionsSql(countyConditions(v), 'a', params);
  return namedQuery<AreaValue>(
    'area-values:county',
    [HPSA_BY_COUNTY, 'ref_counties'],
    `WITH g AS (
       SELECT a.county_fips AS geo, ${AGGREGATES}, sum(a.shared)::INTEGER AS shared_designations
       FROM ${HPSA_BY_COUNTY} a WHERE ${[...where, 'a.county_fips IS NOT NULL'].join(' AND ')} GROUP BY 1)
     SELECT g.geo, coalesce(n.county_name, g.geo) || ', ' || coalesce(n.state, '') AS name, coalesce(n.state, '') AS state,
            g.${v.metric}::DOUBLE AS value, g.as_of, g.designations::DOUBLE AS designations, g.fte_needed, g.fte_missing, g.population,
            NULL::DOUBLE AS need_met, g.max_score::DOUBLE AS max_score, g.weighted_score, g.shared_designations,
            NULL::VARCHAR AS other_as_of, NULL::DOUBLE AS other_designations, NULL::DOUBLE AS other_fte_needed, NULL::DOUBLE AS other_population
     FROM g LEFT JOIN ref_counties n ON n.county_fips = g.geo
     ORDER BY value DESC NULLS LAST, name`,
    params,
    v,
  );
}

/** The columns of a state's figures from the detail file (`d_…`) and from HRSA's summary table (`s_…`). */
const DETAIL = {
  designations: 'd_designations',
  fte_needed: 'd_fte',
  population: 'd_pop',
  max_score: 'd_max_score',
  weighted_score: 'd_weighted',
  need_met: 'NULL',
  as_of: 'd_as_of',
};
const SUMMARY = {
  designations: 's_designations',
  fte_needed: 's_fte',
  population: 's_population',
  need_met: 's_need_met',
  max_score: 'NULL',
  weighted_score: 'NULL',
  as_of: 's_as_of',
};

/**
 * States: the main source's figures and, beside them, the other source's (summary ↔ detail file),
 * grouped by state from the one table that holds both (summaries.ts, hpsa_state_figures).
 */
function stateHpsaValues(v: MapView, main: HpsaSource, companion: HpsaSource | null) {
  const params: unknown[] = [];
  const both = conditionsSql([{ column: 'discipline', equals: v.discipline }, ...geoConditions(v)], 'a', params);
  const detail = conditionsSql([...classConditions(v), { column: 'scope', equals: v.rural }], 'a', params);
  const summary = main.kind === 'summary' ? main : companion?.kind === 'summary' ? companion : null;
  params.push(summary?.asOf ?? '');
  const [m, o] = main.kind === 'summary' ? [SUMMARY, DETAIL] : [DETAIL, SUMMARY];
  const metric = v.metric as keyof typeof DETAIL;
  return namedQuery<AreaValue>(
    `area-values:state-${main.kind}`,
    [HPSA_STATE_FIGURES],
    `WITH s AS (
       SELECT a.state_fips AS geo, any_value(a.state_name) AS name, any_value(a.state) AS state, sum(a.designations) AS d_designations,
              CASE WHEN bool_or(a.detail) THEN sum(a.fte) END AS d_fte, sum(a.fte_missing) AS d_fte_missing,
              CASE WHEN bool_or(a.detail) THEN coalesce(sum(a.pop), 0) END AS d_pop,
              max(a.max_score) AS d_max_score, round(sum(a.score_pop) / nullif(sum(a.pop), 0), 1) AS d_weighted,
              strftime(max(a.record_date), '%Y-%m-%d') AS d_as_of, any_value(a.s_designations) AS s_designations,
              any_value(a.s_population) AS s_population, any_value(a.s_fte) AS s_fte, any_value(a.s_need_met) AS s_need_met,
              any_value(a.as_of) AS s_as_of
       FROM ${HPSA_STATE_FIGURES} a
       WHERE ${both.join(' AND ')}
         AND (a.detail AND ${[...detail, 'a.state_fips IS NOT NULL'].join(' AND ')} OR NOT a.detail AND a.as_of = ?)
       GROUP BY a.state_fips)
     SELECT geo, name, state, ${m[metric]}::DOUBLE AS value, ${m.as_of} AS as_of, ${m.designations}::DOUBLE AS designations,
            ${m.fte_needed}::DOUBLE AS fte_needed, ${main.kind === 'detail' ? 'd_fte_missing' : 'NULL'}::INTEGER AS fte_missing,
            ${m.population}::DOUBLE AS population, s_need_met::DOUBLE AS need_met,
            d_max_score::DOUBLE AS max_score, d_weighted::DOUBLE AS weighted_score, NULL::INTEGER AS shared_designations,
            ${o.as_of} AS other_as_of, ${o.designations}::DOUBLE AS other_designations, ${o.fte_needed}::DOUBLE AS other_fte_needed,
            ${o.population}::DOUBLE AS other_population
     FROM s ORDER BY value DESC NULLS LAST, name`,
    params,
    { view: v, main: main.asOf, companion: companion?.asOf ?? null },
  );
}

/** A state workforce figure: its table, value column, date (a column or a fixed month) and which rows count. */
type WorkforceFigure = { table: string; value: string; where: Condition | 'present' | 'all' } & ({ asOfColumn: string } | { asOf: string });

/** State-level workforce figures: AAMC physicians, AAMC specialty counts, BLS lab workforce. */
function stateWorkforceValues(v: MapView) {
  const metric = metricInfo(v.metric);
  const rows = (name: string, figure: WorkforceFigure) => {
    const params: unknown[] = [];
    const condition =
      figure.where === 'all'
        ? 'true'
        : figure.where === 'present'
          ? `w.${figure.value} IS NOT NULL`
          : conditionsSql([figure.where], 'w', params)[0];
    const filters = geoFilter(v, params, 'st');
    return namedQuery<AreaValue>(
      name,
      ['ref_states', figure.table],
      `SELECT st.state_fips AS geo, st.state_name AS name, st.state, w.${figure.value}::DOUBLE AS value,
              ${'asOfColumn' in figure ? `w.${figure.asOfColumn}` : sqlString(figure.asOf)} AS as_of, ${NO_HPSA_FIGURES}
       FROM ref_states st JOIN ${figure.table} w ON w.state = st.state WHERE ${[condition, ...filters].join(' AND ')}
       ORDER BY value DESC NULLS LAST, name`,
      params,
      v,
    );
  };
  switch (metric.kind) {
    case 'demand':
      return demandValues(v);
    case 'specialty':
      return rows('area-values:specialty', {
        table: 'ref_physician_specialty_state',
        value: 'active_physicians',
        asOfColumn: 'as_of',
        where: { column: 'specialty', equals: v.specialty },
      });
    case 'lab': {
      if (v.metric === 'lab_wage')
        return rows('area-values:lab-wage', {
          table: 'ref_lab_workforce',
          value: 'annual_mean_wage',
          asOfColumn: 'wage_as_of',
          where: 'present',
        });
      const vintage = LAB_EMPLOYMENT_VINTAGES.find((x) => x.asOf === v.asOf) ?? LAB_EMPLOYMENT_VINTAGES[0];
      return rows('area-values:lab-employment', {
        table: 'ref_lab_workforce',
        value: vintage.column,
        asOf: vintage.asOf,
        where: 'present',
      });
    }
    default:
      return rows(`area-values:${v.metric}`, {
        table: 'ref_physicians_state',
        value: metric.column ?? 'active_per_100k',
        asOfColumn: 'as_of',
        where: 'all',
      });
  }
}

/**
 * Demand: certified H-1B wage filings per state for physicians or lab technologists (residents and
 * fellows excluded), as a count or per 100,000 people (Census 2023), with the DOL quarter as the
 * figure's date. Every state is listed: none filed is 0.
 */
function demandValues(v: MapView) {
  const params: unknown[] = [];
  const filters = geoFilter(v, params, 'st');
  const group = v.metric.startsWith('lca_lab') ? 'lab' : 'physician';
  const value = v.metric.endsWith('per_100k') ? 'round(count(t.state) / st.population_2023 * 100000, 2)' : 'count(t.state)';
  return namedQuery<AreaValue>(
    `area-values:${v.metric}`,
    [LCA_TABLE, 'ref_states'],
    `SELECT st.state_fips AS geo, st.state_name AS name, st.state, ${value}::DOUBLE AS value,
            (SELECT string_agg(DISTINCT period, ', ' ORDER BY period) FROM ${LCA_TABLE}) AS as_of, ${NO_HPSA_FIGURES}
     FROM ref_states st LEFT JOIN ${LCA_TABLE} t ON t.state = st.state AND t.occupation_group = ? AND t.mapping <> 'trainee'
     ${filters.length ? `WHERE ${filters.join(' AND ')}` : ''}
     GROUP BY st.state_fips, st.state_name, st.state, st.population_2023
     ORDER BY value DESC NULLS LAST, name`,
    [group, ...params],
    v,
  );
}

/** Totals over the view: the summary table's states (with its published US row), or each detail designation once. */
export function shortageSummary(v: MapView, main: HpsaSource | null) {
  if (main?.kind === 'summary') {
    const params: unknown[] = [];
    const geo = geoFilter(v, params, 'st');
    const us = (column: string) => `(SELECT ${column} FROM ref_hpsa_state WHERE state = 'US' AND discipline = ? AND as_of = ?)::DOUBLE`;
    return namedQuery<ShortageSummary>(
      'shortage-summary:summary',
      ['ref_hpsa_state', 'ref_states'],
      `SELECT 'summary' AS basis, ? AS as_of, sum(h.designations)::DOUBLE AS designations, sum(h.practitioners_needed)::DOUBLE AS fte_needed,
              sum(h.population)::DOUBLE AS population, count(*)::INTEGER AS areas, NULL::INTEGER AS max_score,
              ${us('designations')} AS us_designations, ${us('population')} AS us_population, ${us('practitioners_needed')} AS us_fte_needed
       FROM ref_hpsa_state h JOIN ref_states st ON st.state = h.state
       WHERE h.discipline = ? AND h.as_of = ?${geo.length ? ` AND ${geo.join(' AND ')}` : ''}`,
      [main.asOf, ...[1, 2, 3].flatMap(() => [v.discipline, main.asOf]), v.discipline, main.asOf, ...params],
      v,
    );
  }
  const params: unknown[] = [];
  // In the order of their placeholders in the text.
  const counties = conditionsSql(countyConditions(v), 'a', params);
  const states = conditionsSql(stateConditions(v), 'a', params);
  return namedQuery<ShortageSummary>(
    'shortage-summary:detail',
    [HPSA_BY_STATE, HPSA_BY_COUNTY],
    `SELECT 'detail' AS basis, ${isoDateSql('max(record_date)')} AS as_of, coalesce(sum(designations), 0)::DOUBLE AS designations,
            sum(fte)::DOUBLE AS fte_needed, coalesce(sum(fte_missing), 0)::INTEGER AS fte_missing, sum(pop)::DOUBLE AS population,
            max(max_score)::INTEGER AS max_score,
            (SELECT count(DISTINCT a.county_fips)::INTEGER FROM ${HPSA_BY_COUNTY} a WHERE ${counties.join(' AND ')}) AS areas,
            NULL::DOUBLE AS us_designations, NULL::DOUBLE AS us_population, NULL::DOUBLE AS us_fte_needed
     FROM ${HPSA_BY_STATE} a WHERE ${states.join(' AND ')}`,
    params,
    v,
  );
}

/** The detail designations touching one county or state, for the details panel. */
export function areaDesignations(v: MapView, geo: string) {
  const params: unknown[] = [];
  const where = conditionsSql(countyConditions(v), 'a', params).join(' AND ');
  const match = geo.length === 5 ? 'a.county_fips = ?' : 'a.state_fips = ?';
  return namedQuery<DesignationRow>(
    'area-designations',
    ['hpsa', HPSA_AREA_TABLE, 'ref_states'],
    `SELECT hpsa_id, any_value(h.hpsa_name) AS hpsa_name, any_value(h.designation_type) AS designation_type,
            any_value(h.status) AS status, any_value(h.score) AS score, any_value(h.fte_needed) AS fte_needed,
            any_value(h.ratio_goal) AS ratio_goal, any_value(h.designation_population) AS designation_population,
            any_value(h.rural_status) AS rural_status, any_value(h.designation_date) AS designation_date,
            any_value(h.update_date) AS update_date, ${isoDateSql('max(h.record_date)')} AS as_of,
            string_agg(DISTINCT h.county_name, '; ') AS counties, count(DISTINCT h.county_fips)::INTEGER AS n_counties
     FROM hpsa h SEMI JOIN (
       SELECT a.hpsa_id FROM (SELECT a.*, r.state_fips, r.census_region, r.census_division, r.hhs_region FROM ${HPSA_AREA_TABLE} a LEFT JOIN ref_states r USING (state)) a
       WHERE ${where} AND ${match}) USING (hpsa_id)
     WHERE h.discipline = ?
     GROUP BY hpsa_id ORDER BY score DESC NULLS LAST, fte_needed DESC NULLS LAST, hpsa_name`,
    [...params, geo, v.discipline],
  );
}

export interface FilterOptions {
  states: { state: string; state_name: string; census_region: string | null; census_division: string | null; hhs_region: number | null }[];
}

export const filterOptions = () =>
  namedQuery<FilterOptions['states'][number]>(
    'filter-options',
    ['ref_states'],
    `SELECT state, state_name, census_region, census_division, hhs_region FROM ref_states ORDER BY state_name`,
  );

/** Specialties with a published state figure (AAMC's state report). */
export const specialtyOptions = () =>
  namedQuery<{ specialty: string; aamc_field: string; as_of: string }>(
    'specialty-options',
    ['ref_physician_specialty_state'],
    `SELECT specialty, any_value(aamc_field) AS aamc_field, any_value(as_of) AS as_of FROM ref_physician_specialty_state GROUP BY 1 ORDER BY 1`,
  );

export interface RegionPipelineRow {
  specialty: string;
  active: number;
  arrived: number;
}

/** The candidate pipeline in the view's region, by specialty: a linked view beside the map. */
export function regionPipeline(v: MapView) {
  const params: unknown[] = [];
  const filters = geoFilter(v, params, 'p');
  return namedQuery<RegionPipelineRow>(
    'region-pipeline',
    [PIPELINE_COUNTS],
    `SELECT p.specialty, coalesce(sum(p.n) FILTER (WHERE p.stage NOT IN ('arrived', 'withdrawn')), 0)::INTEGER AS active,
            coalesce(sum(p.n) FILTER (WHERE p.stage = 'arrived'), 0)::INTEGER AS arrived
     FROM ${PIPELINE_COUNTS} p
     ${filters.length ? `WHERE ${filters.join(' AND ')}` : ''}
     GROUP BY p.specialty ORDER BY active DESC, p.specialty`,
    params,
    v,
  );
}

/** Metrics whose figures are HRSA's (they need an HPSA source to be drawn). */
export const isHpsaMetric = (m: MapView['metric']) => METRICS[m].kind === 'hpsa';
