// Providers by county, state and nation (the embedded County Health Rankings & Roadmaps releases,
// src/model/county-supply.ts): the map's rows, the view's and a service area's totals, one area's
// every figure, and a county's 2014–2021 trend. Both releases are read by the same SQL and kept in
// their own columns: never added together. Totals sum counts and populations and compute the rate
// from the sums.
import { namedQuery } from '../cache/coordinator';
import {
  LEGACY_MAP_UNITS,
  SUPPLY_MEASURES,
  SUPPLY_RELEASES,
  SUPPLY_TABLES,
  releaseIndex,
  type SupplyMeasure,
} from '../../model/county-supply';
import { METRICS, type MapView } from '../../model/map-view';
import { sqlString } from '../engine/sql';
import { conditionsSql, type Condition } from './conditions';
import type { AreaValue } from './shortage';

export const TREND_TABLE = 'county_pcp_trend';
const NATION = '00000';
const list = (xs: readonly string[]) => xs.map(sqlString).join(', ');

/**
 * One release as rows of (release, fips, measure, n, pop, yr): one measure's columns, or every
 * measure's (unpivoted) for the rows `where` keeps (read first, so only those are unpivoted). A
 * shape the map draws for counties since split (LEGACY_MAP_UNITS) gets a row of its successors'
 * counts and populations summed, where the release has all of them and not the old county itself;
 * `where` must keep the successors for that.
 */
function releaseRows(index: 0 | 1, measure: SupplyMeasure | null, where = 'true'): string {
  const { table, release } = SUPPLY_RELEASES[index];
  const raw = measure
    ? `SELECT fips, '${measure}' AS measure, ${measure} AS n, ${measure}_population AS pop, ${measure}_year AS yr FROM ${table} WHERE (${where}) AND ${measure} IS NOT NULL`
    : `SELECT fips, measure, n, pop, yr FROM (UNPIVOT (SELECT * FROM ${table} WHERE ${where}) ON ${SUPPLY_MEASURES.map((m) => `(${m}, ${m}_population, ${m}_year) AS ${m}`).join(', ')}
         INTO NAME measure VALUE n, pop, yr)`;
  const legacy = Object.entries(LEGACY_MAP_UNITS).map(
    ([unit, parts]) => `SELECT ${sqlString(unit)}, measure, sum(n), sum(pop), max(yr) FROM raw WHERE fips IN (${list(parts)})
      AND ${sqlString(unit)} NOT IN (SELECT fips FROM raw) GROUP BY measure HAVING count(*) = ${parts.length}`,
  );
  return `(WITH raw AS (${raw}) SELECT ${release} AS release, fips, measure, n::BIGINT AS n, pop::BIGINT AS pop, yr::INTEGER AS yr
          FROM (SELECT * FROM raw ${legacy.map((l) => `UNION ALL ${l}`).join(' ')}))`;
}

/** Both releases' rows (see releaseRows), each tagged with its release. */
const supplyRows = (measure: SupplyMeasure | null, where?: string) =>
  `(SELECT * FROM ${releaseRows(0, measure, where)} UNION ALL SELECT * FROM ${releaseRows(1, measure, where)})`;

/** The ids a query asks for, with the successors of any old county shape among them (releaseRows folds them). */
const withSuccessors = (ids: string) => `fips IN (${ids}) OR fips IN (${list(Object.values(LEGACY_MAP_UNITS).flat())})`;

/** A state's row in the tables: its two-digit code and "000". */
const isStateRow = (alias: string) => `${alias}.fips LIKE '__000' AND ${alias}.fips <> '${NATION}'`;
/** The counties the map draws: not the states, not the nation, and not the successors folded into an old shape. */
const successors = Object.values(LEGACY_MAP_UNITS).flat();
const isMapCounty = (alias: string) => `${alias}.fips NOT LIKE '__000' AND ${alias}.fips NOT IN (${list(successors)})`;

/** The figure a metric shows from a count and a population: per 100,000 people, or people per provider. */
function valueSql(form: 'per_100k' | 'pop_per', n: string, pop: string): string {
  return form === 'pop_per' ? `(${pop} / nullif(${n}, 0))::DOUBLE` : `(${n} * 100000.0 / nullif(${pop}, 0))::DOUBLE`;
}

function metricOf(v: MapView) {
  const info = METRICS[v.metric];
  if (info.kind !== 'supply' || !info.measure || !info.form) throw new Error(`${v.metric} is not a provider metric`);
  return { measure: info.measure, form: info.form, shown: releaseIndex(info.measure, v.asOf) };
}

/** Region filters over ref_states (alias `st`) and, at county level, the county's own rurality (ref_counties, alias `c`). */
function viewConditions(v: MapView, params: unknown[]): string[] {
  const geo: Condition[] = [];
  if (v.states.length) geo.push({ column: 'state', oneOf: v.states });
  if (v.censusRegion) geo.push({ column: 'census_region', equals: v.censusRegion });
  if (v.censusDivision) geo.push({ column: 'census_division', equals: v.censusDivision });
  if (v.hhsRegion) geo.push({ column: 'hhs_region', equals: Number(v.hhsRegion) });
  const out = conditionsSql(geo, 'st', params);
  if (v.level === 'county' && v.rural !== 'all') out.push(...conditionsSql([{ column: 'rural', equals: v.rural }], 'c', params));
  return out;
}

/** The view's areas (counties the map draws, or states) with each release's count, population and year for the measure. */
function viewRows(v: MapView, measure: SupplyMeasure, params: unknown[]): string {
  const where = [v.level === 'county' ? isMapCounty('s') : isStateRow('s')];
  const filters = viewConditions(v, params);
  return `SELECT s.fips AS geo, ${v.level === 'county' ? "coalesce(c.county_name, s.fips) || ', ' || st.state" : 'st.state_name'} AS name,
            st.state, ${[0, 1].map((i) => `max(s.n) FILTER (WHERE s.release = ${SUPPLY_RELEASES[i].release}) AS n${i}, max(s.pop) FILTER (WHERE s.release = ${SUPPLY_RELEASES[i].release}) AS pop${i}, max(s.yr) FILTER (WHERE s.release = ${SUPPLY_RELEASES[i].release}) AS yr${i}`).join(', ')}
     FROM ${supplyRows(measure)} s JOIN ref_states st ON st.state_fips = left(s.fips, 2) LEFT JOIN ref_counties c ON c.county_fips = s.fips
     WHERE ${[...where, ...filters].join(' AND ')}
     GROUP BY s.fips, name, st.state`;
}

const HPSA_NULLS = `NULL::DOUBLE AS designations, NULL::DOUBLE AS fte_needed, NULL::DOUBLE AS population, NULL::DOUBLE AS need_met,
  NULL::DOUBLE AS max_score, NULL::DOUBLE AS weighted_score, NULL::INTEGER AS shared_designations, NULL::DOUBLE AS other_designations,
  NULL::DOUBLE AS other_fte_needed, NULL::DOUBLE AS other_population`;

/**
 * The map's rows for a provider metric: one per county the map draws (or per state), its value from
 * the release the view shows, and the other release's figures beside it (`other_…`).
 */
export function supplyValues(v: MapView) {
  const { measure, form, shown } = metricOf(v);
  const other = 1 - shown;
  const params: unknown[] = [];
  return namedQuery<AreaValue>(
    `supply-values:${v.level}`,
    [...SUPPLY_TABLES, 'ref_states', 'ref_counties'],
    `WITH r AS (${viewRows(v, measure, params)})
     SELECT geo, name, state, ${valueSql(form, `n${shown}`, `pop${shown}`)} AS value, yr${shown}::VARCHAR AS as_of,
            n${shown}::DOUBLE AS providers, pop${shown}::DOUBLE AS people,
            ${valueSql(form, `n${other}`, `pop${other}`)} AS other_value, yr${other}::VARCHAR AS other_as_of,
            n${other}::DOUBLE AS other_providers, pop${other}::DOUBLE AS other_people, ${HPSA_NULLS}
     FROM r ORDER BY value DESC NULLS LAST, name`,
    params,
    v,
  );
}

export interface SupplyTotal {
  release: number;
  year: number | null;
  providers: number | null;
  people: number | null;
  /** Per 100,000 people or people per provider (the metric's form), from the sums. */
  value: number | null;
  /** Areas with a figure, and those without (their ids, comma-separated). */
  areas: number;
  missing: number;
  missing_ids: string;
  /** The nation's own row (it counts Connecticut, which no state row does), when the view is the whole nation. */
  nation_providers: number | null;
  nation_people: number | null;
  nation_value: number | null;
}

/** Totals of the view for both releases (newest first): counts and populations summed over its areas, the rate from the sums. */
export function supplySummary(v: MapView) {
  const { measure, form } = metricOf(v);
  const params: unknown[] = [];
  const unfiltered = !v.states.length && !v.censusRegion && !v.censusDivision && !v.hhsRegion && (v.level === 'state' || v.rural === 'all');
  const totals = [0, 1].map(
    (
      i,
    ) => `SELECT ${SUPPLY_RELEASES[i].release} AS release, max(yr${i}) AS year, sum(n${i}) AS providers, sum(pop${i}) FILTER (WHERE n${i} IS NOT NULL) AS people,
              count(n${i})::INTEGER AS areas, (count(*) - count(n${i}))::INTEGER AS missing,
              coalesce(string_agg(geo, ', ' ORDER BY geo) FILTER (WHERE n${i} IS NULL), '') AS missing_ids FROM r`,
  );
  return namedQuery<SupplyTotal>(
    'supply-summary',
    [...SUPPLY_TABLES, 'ref_states', 'ref_counties'],
    `WITH r AS (${viewRows(v, measure, params)}), t AS (${totals.join(' UNION ALL ')}),
       nation AS (SELECT release, n, pop FROM ${supplyRows(measure, `fips = '${NATION}'`)} WHERE ${unfiltered})
     SELECT t.release, t.year, t.providers::DOUBLE AS providers, t.people::DOUBLE AS people, ${valueSql(form, 't.providers', 't.people')} AS value,
            t.areas, t.missing, t.missing_ids, nation.n::DOUBLE AS nation_providers, nation.pop::DOUBLE AS nation_people,
            ${valueSql(form, 'nation.n', 'nation.pop')} AS nation_value
     FROM t LEFT JOIN nation USING (release) ORDER BY t.release DESC`,
    params,
    v,
  );
}

export interface AreaSupplyRow {
  measure: SupplyMeasure;
  release: number;
  year: number | null;
  providers: number | null;
  people: number | null;
  /** From the sums: providers per 100,000 people, and people per provider. */
  per_100k: number | null;
  pop_per: number | null;
  /** Members (counties, or states as "SS000") with a figure, and those without. */
  areas: number;
  missing_ids: string;
}

/**
 * A service area's providers per measure and release: its counties' and whole states' counts and
 * populations summed (a county inside a whole state counted with the state), with the members that
 * have no figure listed. Rates are the caller's to compute from the sums.
 */
export function areaSupply(counties: readonly string[], states: readonly string[]) {
  return namedQuery<AreaSupplyRow>(
    'area-supply',
    [...SUPPLY_TABLES, 'ref_states'],
    `WITH m AS (SELECT DISTINCT fips FROM (SELECT unnest(string_split(?, ',')) AS fips UNION ALL
                  SELECT st.state_fips || '000' FROM ref_states st WHERE list_contains(string_split(?, ','), st.state)) WHERE fips <> ''),
     s AS ${supplyRows(null, withSuccessors('SELECT fips FROM m'))},
     k AS (SELECT m.fips, x.measure, x.release FROM m, (SELECT DISTINCT measure, release FROM s) x)
     SELECT k.measure, k.release, max(s.yr) AS year, sum(s.n)::DOUBLE AS providers, sum(s.pop)::DOUBLE AS people,
            ${valueSql('per_100k', 'sum(s.n)', 'sum(s.pop)')} AS per_100k, ${valueSql('pop_per', 'sum(s.n)', 'sum(s.pop)')} AS pop_per,
            count(s.n)::INTEGER AS areas, coalesce(string_agg(k.fips, ', ' ORDER BY k.fips) FILTER (WHERE s.n IS NULL), '') AS missing_ids
     FROM k LEFT JOIN s USING (fips, measure, release)
     GROUP BY k.measure, k.release ORDER BY k.measure, k.release DESC`,
    [counties.join(','), states.join(',')],
    { counties, states },
  );
}

export interface PlaceSupplyRow {
  /** The county (or state), its state ("SS000") and the nation ("00000"), for comparison. */
  fips: string;
  measure: SupplyMeasure;
  release: number;
  year: number;
  providers: number;
  people: number;
  per_100k: number | null;
  pop_per: number | null;
}

/** Every figure of both releases for a county or a state (by its FIPS), with its state's and the nation's beside it. */
export function placeSupply(geo: string) {
  const state = `${geo.slice(0, 2)}000`;
  const ids = [...new Set([geo.length === 2 ? state : geo, state, NATION])];
  return namedQuery<PlaceSupplyRow>(
    'place-supply',
    SUPPLY_TABLES,
    `SELECT fips, measure, release, yr AS year, n::DOUBLE AS providers, pop::DOUBLE AS people,
            ${valueSql('per_100k', 'n', 'pop')} AS per_100k, ${valueSql('pop_per', 'n', 'pop')} AS pop_per
     FROM ${supplyRows(null, withSuccessors(list(ids)))} WHERE fips IN (${list(ids)}) ORDER BY measure, release DESC, fips DESC`,
  );
}

export interface TrendRow {
  year: number;
  /** People per primary-care physician; 0: no physician in a county of 2,000 people or fewer; null: no ratio. */
  pop_per_pcp: number | null;
  /** The Urban Institute's quality flag: 1 strong, 2 marginal, 3 weak. */
  quality: number | null;
}

/** A county's population per primary-care physician, 2014–2021. */
export const countyTrend = (fips: string) =>
  namedQuery<TrendRow>(
    'county-trend',
    [TREND_TABLE],
    `SELECT year::INTEGER AS year, pop_per_pcp, quality::INTEGER AS quality FROM ${TREND_TABLE} WHERE fips = ? ORDER BY year`,
    [fips],
  );
