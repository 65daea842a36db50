// Tables derived from the loaded data, rebuilt whenever the data change (after Mosaic's
// pre-aggregation): the map's queries filter one narrow, pre-joined table instead of joining the
// component rows with the geography tables on every filter change. The local index derives the
// same table in JavaScript from the component rows (areaRows), so after an upload the map does not
// wait for DuckDB to rebuild its copy.
import type { SqlEngine } from './engine';
import { AREA_DESIGNATION_SQL, AREA_DESIGNATION_TYPES, HPSA_TABLE, createHpsaTableSql } from './hpsa-schema';
import { codesOf, column, type Cell, type LocalTable, type LocalTables } from './local-table';

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
  const [score, fte, pop, date] = ['score', 'fte_needed', 'designation_population', 'record_date'].map(col);
  // is_area per designation type: true, false, or NULL (no type).
  const typeIsArea = type.dict.map((x) => (x === null ? null : areaTypes.includes(x)));
  // LEFT JOINs on the state and the county: their geography, the first value given (any_value).
  const lookup = (table: LocalTable | undefined, key: string, names: string[]) => {
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
  };
  const geography = !!t.ref_states && !!t.ref_counties;
  const states = lookup(geography ? t.ref_states : undefined, 'state', ['state_fips', 'census_region', 'census_division', 'hhs_region']);
  const counties = lookup(geography ? t.ref_counties : undefined, 'county_fips', ['rural']);
  const none = [null, null, null, null];
  // GROUP BY ALL: discipline, status, is_area, hpsa_id, state, county_fips. A designation's groups
  // are few (one per county), so each is found in its designation's short list.
  type Group = {
    row: number;
    d: number;
    s: number;
    a: number;
    st: number;
    c: number;
    score: Cell;
    fte: Cell;
    pop: Cell;
    date: number | null;
  };
  const byId = new Array<Group[] | undefined>(id.dict.length);
  const groups: Group[] = [];
  for (let i = 0; i < h.length; i++) {
    const [d, s, a, st, c] = [discipline.codes[i], status.codes[i], type.codes[i], state.codes[i], county.codes[i]];
    const isArea = typeIsArea[a];
    const areaPop = isArea ? pop[i] : null;
    const x = date[i] as number | null;
    const list = (byId[id.codes[i]] ??= []);
    const g = list.find((g) => g.d === d && g.s === s && typeIsArea[g.a] === isArea && g.st === st && g.c === c);
    if (!g) {
      const added: Group = { row: i, d, s, a, st, c, score: score[i], fte: fte[i], pop: areaPop, date: x };
      list.push(added);
      groups.push(added);
    } else {
      g.score ??= score[i];
      g.fte ??= fte[i];
      g.pop ??= areaPop;
      if (x !== null && (g.date === null || x > g.date)) g.date = x;
    }
  }
  // count(county_fips) OVER (PARTITION BY discipline, hpsa_id)
  const spans = (g: Group) => byId[id.codes[g.row]]!.filter((o) => o.d === g.d && county.dict[o.c] !== null).length;
  const geo = groups.map((g) => states.get(state.dict[g.st]) ?? none);
  return {
    length: groups.length,
    columns: {
      discipline: groups.map((g) => discipline.dict[g.d]),
      status: groups.map((g) => status.dict[g.s]),
      is_area: groups.map((g) => typeIsArea[g.a]),
      hpsa_id: groups.map((g) => id.dict[id.codes[g.row]]),
      state: groups.map((g) => state.dict[g.st]),
      county_fips: groups.map((g) => county.dict[g.c]),
      score: groups.map((g) => g.score),
      fte: groups.map((g) => g.fte),
      pop: groups.map((g) => g.pop),
      record_date: groups.map((g) => g.date),
      state_fips: geo.map((x) => x[0]),
      rural: groups.map((g) => counties.get(county.dict[g.c])?.[0] ?? null),
      census_region: geo.map((x) => x[1]),
      census_division: geo.map((x) => x[2]),
      hhs_region: geo.map((x) => x[3]),
      n_counties: groups.map(spans),
    },
  };
}

/** The tables to report as changed when `table` changes: itself and the tables derived from it. */
export function changedWith(table: string): string[] {
  return table === HPSA_TABLE ? [table, HPSA_AREA_TABLE] : [table];
}
