// Tables derived from the loaded data, rebuilt whenever the data change (after Mosaic's
// pre-aggregation): the map's queries filter one narrow, pre-joined table instead of joining the
// component rows with the geography tables on every filter change. The local index derives the
// same table in JavaScript from the component rows (areaRows), so after an upload the map does not
// wait for DuckDB to rebuild its copy.
import type { SqlEngine } from './engine';
import { AREA_DESIGNATION_SQL, AREA_DESIGNATION_TYPES, HPSA_TABLE, createHpsaTableSql } from './hpsa-schema';
import { codesOf, column, withCodes, type Cell, type Codes, type LocalTable, type LocalTables } from './local-table';

export const HPSA_AREA_TABLE = 'hpsa_area';

/** Which of these tables exist, in one look at the catalog. */
async function existing(db: SqlEngine, tables: string[]): Promise<Set<string>> {
  const rows = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM duckdb_tables() WHERE table_name IN (${tables.map(() => '?').join(', ')})`,
    tables,
  );
  return new Set(rows.map((r) => r.name));
}

/**
 * One row per designation and county (a designation spanning three counties has three rows; a
 * facility without a county code has one, with a NULL county), with its designation-level figures
 * taken once, the number of counties it spans, and the county's and state's geography beside it.
 */
export async function refreshHpsaArea(db: SqlEngine): Promise<void> {
  // Queries read `hpsa` even when no detail file is loaded: an empty table says "none".
  await db.query(createHpsaTableSql());
  const found = await existing(db, ['ref_counties', 'ref_states']);
  const geography = found.has('ref_counties') && found.has('ref_states');
  const joins = geography ? 'LEFT JOIN ref_counties c ON c.county_fips = h.county_fips LEFT JOIN ref_states s ON s.state = h.state' : '';
  const geo = (expr: string, type: string) => (geography ? expr : `NULL::${type}`);
  const isArea = AREA_DESIGNATION_SQL.replaceAll('designation_type', 'h.designation_type');
  await db.query(`CREATE OR REPLACE TABLE ${HPSA_AREA_TABLE} AS
    WITH a AS (
      SELECT h.discipline, h.status, ${isArea} AS is_area, h.hpsa_id, h.state, h.county_fips,
             any_value(h.score) AS score, any_value(h.fte_needed) AS fte,
             any_value(CASE WHEN ${isArea} THEN h.designation_population END) AS pop, max(h.record_date) AS record_date,
             any_value(${geo('s.state_fips', 'VARCHAR')}) AS state_fips, any_value(${geo('c.rural', 'VARCHAR')}) AS rural,
             any_value(${geo('s.census_region', 'VARCHAR')}) AS census_region, any_value(${geo('s.census_division', 'VARCHAR')}) AS census_division,
             any_value(${geo('s.hhs_region', 'INTEGER')}) AS hhs_region
      FROM ${HPSA_TABLE} h ${joins}
      GROUP BY ALL)
    SELECT *, count(county_fips) OVER (PARTITION BY discipline, hpsa_id)::INTEGER AS n_counties FROM a`);
}

/** The component columns areaRows derives hpsa_area from. */
export const HPSA_AREA_SOURCE_SQL = `SELECT discipline, status, designation_type, hpsa_id, state, county_fips, score, fte_needed,
  designation_population, record_date FROM ${HPSA_TABLE}`;

/** refreshHpsaArea's table, computed from the component rows (HPSA_AREA_SOURCE_SQL) and the local reference tables. */
export function areaRows(h: LocalTable, t: LocalTables): LocalTable {
  const areaTypes: readonly Cell[] = AREA_DESIGNATION_TYPES;
  const col = (name: string) => column<Cell>(h, name);
  const [discipline, status, type, id, state, county] = ['discipline', 'status', 'designation_type', 'hpsa_id', 'state', 'county_fips'].map(
    (name) => codesOf(col(name)),
  );
  const [score, fte, pop] = ['score', 'fte_needed', 'designation_population'].map(col);
  const date = column<number>(h, 'record_date');
  // is_area per designation type: true, false, or NULL (no type).
  const typeIsArea = type.dict.map((x) => (x === null ? null : areaTypes.includes(x)));
  // The LEFT JOINs, once per state and per county rather than once per row.
  const geography = t.ref_states && t.ref_counties;
  const states = lookup(geography ? t.ref_states : undefined, 'state', ['state_fips', 'census_region', 'census_division', 'hhs_region']);
  const counties = lookup(geography ? t.ref_counties : undefined, 'county_fips', ['rural']);
  const geoOfState = state.dict.map((s) => states.get(s) ?? [null, null, null, null]);
  const ruralOfCounty = county.dict.map((c) => counties.get(c)?.[0] ?? null);

  // GROUP BY ALL (discipline, status, is_area, hpsa_id, state, county_fips): each designation's
  // groups are chained from its latest one, and a designation has few (one per county, mostly).
  // Groups hold row numbers, not values (typed arrays: no boxed numbers for the garbage collector).
  const n = h.length;
  const latestOfId = new Int32Array(id.dict.length).fill(-1);
  const previous = new Int32Array(n);
  const first = new Int32Array(n); // each group's first row
  // any_value: the first row whose value is not NULL; max of the dates: the row with the latest.
  const scoreRow = new Int32Array(n);
  const fteRow = new Int32Array(n);
  const popRow = new Int32Array(n);
  const dateRow = new Int32Array(n);
  const areaPop = (i: number) => (typeIsArea[type.codes[i]] ? pop[i] : null);
  const sameGroup = (i: number, j: number) =>
    discipline.codes[i] === discipline.codes[j] &&
    status.codes[i] === status.codes[j] &&
    typeIsArea[type.codes[i]] === typeIsArea[type.codes[j]] &&
    state.codes[i] === state.codes[j] &&
    county.codes[i] === county.codes[j];
  let groups = 0;
  for (let i = 0; i < n; i++) {
    const idCode = id.codes[i];
    let g = latestOfId[idCode];
    while (g >= 0 && !sameGroup(first[g], i)) g = previous[g];
    if (g < 0) {
      g = groups++;
      previous[g] = latestOfId[idCode];
      latestOfId[idCode] = g;
      first[g] = scoreRow[g] = fteRow[g] = popRow[g] = dateRow[g] = i;
      continue;
    }
    if (score[scoreRow[g]] === null) scoreRow[g] = i;
    if (fte[fteRow[g]] === null) fteRow[g] = i;
    if (areaPop(popRow[g]) === null) popRow[g] = i;
    const d = date[i];
    const latest = date[dateRow[g]];
    if (d !== null && (latest === null || d > latest)) dateRow[g] = i;
  }
  // count(county_fips) OVER (PARTITION BY discipline, hpsa_id): the groups with a county.
  const nd = discipline.dict.length;
  const spanOf = (i: number) => id.codes[i] * nd + discipline.codes[i];
  const spans = new Int32Array(id.dict.length * nd);
  for (let g = 0; g < groups; g++) if (county.dict[county.codes[first[g]]] !== null) spans[spanOf(first[g])]++;
  // The group keys keep their codes: a value's first group holds its first row, so the dictionary
  // (in order of first appearance) is the same.
  const decoded = (c: Codes) => {
    const codes = new Int32Array(groups);
    const values = new Array<Cell>(groups);
    for (let g = 0; g < groups; g++) values[g] = c.dict[(codes[g] = c.codes[first[g]])];
    return withCodes(values, { codes, dict: c.dict });
  };
  // The other columns, one value per group, in one pass over the groups.
  const perGroup = () => new Array<Cell>(groups);
  const [oScore, oFte, oPop, oDate, oArea, oFips, oRural, oRegion, oDivision, oHhs, oCounties] = Array.from({ length: 11 }, perGroup);
  for (let g = 0; g < groups; g++) {
    const i = first[g];
    oScore[g] = score[scoreRow[g]];
    oFte[g] = fte[fteRow[g]];
    oPop[g] = areaPop(popRow[g]);
    oDate[g] = date[dateRow[g]];
    oArea[g] = typeIsArea[type.codes[i]];
    const geo = geoOfState[state.codes[i]];
    oFips[g] = geo[0];
    oRegion[g] = geo[1];
    oDivision[g] = geo[2];
    oHhs[g] = geo[3];
    oRural[g] = ruralOfCounty[county.codes[i]];
    oCounties[g] = spans[spanOf(i)];
  }
  return {
    length: groups,
    columns: {
      discipline: decoded(discipline),
      status: decoded(status),
      is_area: oArea,
      hpsa_id: decoded(id),
      state: decoded(state),
      county_fips: decoded(county),
      score: oScore,
      fte: oFte,
      pop: oPop,
      record_date: oDate,
      state_fips: oFips,
      rural: oRural,
      census_region: oRegion,
      census_division: oDivision,
      hhs_region: oHhs,
      n_counties: oCounties,
    },
  };
}

/** A LEFT JOIN's lookup: each key's values, the first one given where a key repeats (any_value). */
function lookup(table: LocalTable | undefined, key: string, names: string[]): Map<Cell, Cell[]> {
  const out = new Map<Cell, Cell[]>();
  if (!table) return out;
  const keys = column<Cell>(table, key);
  const cols = names.map((n) => column<Cell>(table, n));
  keys.forEach((k, i) => {
    if (k === null) return;
    const seen = out.get(k) ?? names.map(() => null);
    cols.forEach((c, j) => (seen[j] ??= c[i]));
    out.set(k, seen);
  });
  return out;
}

/** The tables to report as changed when `table` changes: itself and the tables derived from it. */
export function changedWith(table: string): string[] {
  return table === HPSA_TABLE ? [table, HPSA_AREA_TABLE] : [table];
}
