// Queries behind the shortage map screen. Every view on the screen (map, ranked table, summary
// cards, details) is a function of the same MapView, so they change together.
import { namedQuery } from '../coordinator';
import { HPSA_AREA_TABLE } from '../derived';
import { PIPELINE_TABLE } from '../pipeline-table';
import { METRICS, type MapView } from '../../model/map-view';

export interface AreaValue {
  /** County FIPS (5 digits) or state FIPS (2 digits): the ids of the us-atlas shapes. */
  geo: string;
  name: string;
  state: string;
  value: number | null;
  designations: number | null;
  fte_needed: number | null;
  population: number | null;
  max_score: number | null;
  weighted_score: number | null;
  /** Figures computed by a documented formula, not published. */
  estimate: boolean;
}

export interface ShortageSummary {
  designations: number;
  fte_needed: number | null;
  population: number | null;
  areas: number;
  max_score: number | null;
}

export interface DesignationRow {
  hpsa_id: string;
  hpsa_name: string;
  designation_type: string;
  status: string;
  score: number | null;
  fte_needed: number | null;
  designation_population: number | null;
  rural_status: string | null;
  designation_date: Date | null;
  update_date: Date | null;
  counties: string;
}

/** WHERE clause and parameters for the view's filters over the pre-joined `hpsa_area a`. */
function hpsaFilter(v: MapView): { where: string; params: unknown[] } {
  const parts = ['a.discipline = ?'];
  const params: unknown[] = [v.discipline];
  if (v.statuses.length) {
    parts.push(`a.status IN (${v.statuses.map(() => '?').join(', ')})`);
    params.push(...v.statuses);
  }
  if (v.designationClass !== 'all') parts.push(v.designationClass === 'area' ? 'a.is_area' : 'NOT a.is_area');
  parts.push(...geoFilter(v, params, 'a'));
  if (v.rural !== 'all') {
    parts.push('a.rural = ?');
    params.push(v.rural);
  }
  return { where: parts.join(' AND '), params };
}

/** Region filters on a table with state, census_region, census_division and hhs_region columns. */
function geoFilter(v: MapView, params: unknown[], alias: string): string[] {
  const parts: string[] = [];
  if (v.states.length) {
    parts.push(`${alias}.state IN (${v.states.map(() => '?').join(', ')})`);
    params.push(...v.states);
  }
  if (v.censusRegion) {
    parts.push(`${alias}.census_region = ?`);
    params.push(v.censusRegion);
  }
  if (v.censusDivision) {
    parts.push(`${alias}.census_division = ?`);
    params.push(v.censusDivision);
  }
  if (v.hhsRegion) {
    parts.push(`${alias}.hhs_region = ?`);
    params.push(Number(v.hhsRegion));
  }
  return parts;
}

// No FTE figure or area population (e.g. only facility designations) means none is needed or covered: 0, not unknown.
const AGGREGATES = `count(*)::INTEGER AS designations, round(coalesce(sum(fte), 0), 2)::DOUBLE AS fte_needed, coalesce(sum(pop), 0)::DOUBLE AS population,
  max(score)::INTEGER AS max_score, round(sum(score * pop) / nullif(sum(pop), 0), 1)::DOUBLE AS weighted_score`;

export function areaValues(v: MapView) {
  if (!METRICS[v.metric].hpsa) return stateWorkforceValues(v);
  const { where, params } = hpsaFilter(v);
  const names =
    v.level === 'county'
      ? `LEFT JOIN ref_counties n ON n.county_fips = g.geo LEFT JOIN ref_states ns ON ns.state = n.state`
      : `LEFT JOIN ref_states ns ON ns.state_fips = g.geo`;
  const name = v.level === 'county' ? `coalesce(n.county_name, g.geo) || ', ' || coalesce(n.state, '')` : 'coalesce(ns.state_name, g.geo)';
  // hpsa_area has one row per designation and county: counties aggregate it directly; states first
  // take each designation once, however many of their counties it spans.
  const perArea =
    v.level === 'county'
      ? `SELECT a.county_fips AS geo, ${AGGREGATES} FROM ${HPSA_AREA_TABLE} a WHERE ${where} AND a.county_fips IS NOT NULL GROUP BY 1`
      : `SELECT geo, ${AGGREGATES} FROM (
           SELECT a.state_fips AS geo, a.hpsa_id, any_value(a.score) AS score, any_value(a.fte) AS fte, any_value(a.pop) AS pop
           FROM ${HPSA_AREA_TABLE} a WHERE ${where} AND a.state_fips IS NOT NULL GROUP BY 1, 2) GROUP BY geo`;
  return namedQuery<AreaValue>(
    `area-values:${v.level}`,
    v.level === 'county' ? [HPSA_AREA_TABLE, 'ref_counties', 'ref_states'] : [HPSA_AREA_TABLE, 'ref_states'],
    `WITH g AS (${perArea})
     SELECT g.geo, ${name} AS name, coalesce(ns.state, '') AS state, g.${v.metric}::DOUBLE AS value, g.designations, g.fte_needed,
            g.population, g.max_score, g.weighted_score, false AS estimate
     FROM g ${names}
     ORDER BY value DESC NULLS LAST, name`,
    params,
    v,
  );
}

/** State-level workforce metrics from the reference tables (specialty gap, lab workforce). */
function stateWorkforceValues(v: MapView) {
  const params: unknown[] = [];
  const filters = geoFilter(v, params, 's');
  if (v.metric === 'specialty_gap') {
    const where = filters.length ? `WHERE ${filters.join(' AND ')}` : '';
    return namedQuery<AreaValue>(
      'area-values:specialty-gap',
      ['ref_specialty_supply', 'ref_states'],
      `SELECT s.state_fips AS geo, s.state_name AS name, s.state,
              round(g.gap / g.population_2023 * 100000, 1)::DOUBLE AS value,
              NULL AS designations, NULL AS fte_needed, NULL AS population, NULL AS max_score, NULL AS weighted_score,
              g.supply_is_estimate AS estimate
       FROM ref_specialty_supply g JOIN ref_states s ON s.state = g.state
       ${where ? `${where} AND` : 'WHERE'} g.specialty = ?
       ORDER BY value DESC NULLS LAST, name`,
      [...params, v.specialty],
      v,
    );
  }
  // Per 100k only where BLS publishes employment: the population-share estimate for the other
  // states equals the national average by construction and would paint them all the same.
  const [value, published] =
    v.metric === 'lab_wage'
      ? ['l.annual_mean_wage', 'l.annual_mean_wage IS NOT NULL']
      : ['l.per_100k', 'l.per_100k IS NOT NULL AND NOT l.per_100k_is_estimate'];
  return namedQuery<AreaValue>(
    `area-values:${v.metric}`,
    ['ref_lab_workforce', 'ref_states'],
    `SELECT s.state_fips AS geo, s.state_name AS name, s.state, ${value}::DOUBLE AS value,
            NULL AS designations, NULL AS fte_needed, NULL AS population, NULL AS max_score, NULL AS weighted_score,
            false AS estimate
     FROM ref_lab_workforce l JOIN ref_states s ON s.state = l.state
     WHERE ${published}${filters.length ? ` AND ${filters.join(' AND ')}` : ''}
     ORDER BY value ASC NULLS LAST, name`,
    params,
    v,
  );
}

/** Totals over the filtered designations, each designation once. */
export function shortageSummary(v: MapView) {
  const { where, params } = hpsaFilter(v);
  return namedQuery<ShortageSummary>(
    'shortage-summary',
    [HPSA_AREA_TABLE],
    `WITH f AS (SELECT * FROM ${HPSA_AREA_TABLE} a WHERE ${where}),
     d AS (SELECT hpsa_id, any_value(score) AS score, any_value(fte) AS fte, any_value(pop) AS pop FROM f GROUP BY hpsa_id)
     SELECT count(*)::INTEGER AS designations, round(sum(fte), 1)::DOUBLE AS fte_needed, sum(pop)::DOUBLE AS population,
            max(score)::INTEGER AS max_score, (SELECT count(DISTINCT county_fips)::INTEGER FROM f) AS areas
     FROM d`,
    params,
    v,
  );
}

/** The designations touching one county or state, for the details panel. */
export function areaDesignations(v: MapView, geo: string) {
  const { where, params } = hpsaFilter(v);
  const match = geo.length === 5 ? 'a.county_fips = ?' : 'a.state_fips = ?';
  return namedQuery<DesignationRow>(
    'area-designations',
    ['hpsa', HPSA_AREA_TABLE],
    `SELECT hpsa_id, any_value(h.hpsa_name) AS hpsa_name, any_value(h.designation_type) AS designation_type,
            any_value(h.status) AS status, any_value(h.score) AS score, any_value(h.fte_needed) AS fte_needed,
            any_value(h.designation_population) AS designation_population, any_value(h.rural_status) AS rural_status,
            any_value(h.designation_date) AS designation_date, any_value(h.update_date) AS update_date,
            string_agg(DISTINCT h.county_name, '; ') AS counties
     FROM hpsa h SEMI JOIN (SELECT a.hpsa_id FROM ${HPSA_AREA_TABLE} a WHERE ${where} AND ${match}) USING (hpsa_id)
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

export const specialtyOptions = () =>
  namedQuery<{ specialty: string }>(
    'specialty-options',
    ['ref_specialty_supply'],
    `SELECT DISTINCT specialty FROM ref_specialty_supply ORDER BY 1`,
  );

export interface RegionPipelineRow {
  specialty: string;
  active: number;
  arrived: number;
}

/** The candidate pipeline in the view's region, by specialty: a linked view beside the map. */
export function regionPipeline(v: MapView) {
  const params: unknown[] = [];
  const filters = geoFilter(v, params, 's');
  return namedQuery<RegionPipelineRow>(
    'region-pipeline',
    [PIPELINE_TABLE, 'ref_states'],
    `SELECT p.specialty, count(*) FILTER (WHERE p.stage NOT IN ('arrived', 'withdrawn'))::INTEGER AS active,
            count(*) FILTER (WHERE p.stage = 'arrived')::INTEGER AS arrived
     FROM ${PIPELINE_TABLE} p LEFT JOIN ref_states s ON s.state = p.site_state
     ${filters.length ? `WHERE ${filters.join(' AND ')}` : ''}
     GROUP BY p.specialty ORDER BY active DESC, p.specialty`,
    params,
    v,
  );
}
