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
  const [score, fte, pop] = ['score', 'fte_needed', 'designation_population'].map(col);
  const date = column<number>(h, 'record_date');
  // is_area per designation type: true, false, or NULL (no type); as a code 1, 0, 2 for the group key.
  const typeIsArea = type.dict.map((x) => (x === null ? null : areaTypes.includes(x)));
  const areaCode = Int32Array.from(typeIsArea, (x) => (x === null ? 2 : Number(x)));
  const states = lookup(t.ref_states && t.ref_counties ? t.ref_states : undefined, 'state', [
    'state_fips',
    'census_region',
    'census_division',
    'hhs_region',
  ]);
  const counties = lookup(t.ref_states && t.ref_counties ? t.ref_counties : undefined, 'county_fips', ['rural']);
  // GROUP BY ALL: discipline, status, is_area, hpsa_id, state, county_fips, as one number (the
  // codes in mixed radix) when it fits, else as text.
  const [nd, ns, nst, nc] = [discipline, status, state, county].map((c) => c.dict.length);
  const fits = id.dict.length * nd * ns * 3 * nst * nc <= Number.MAX_SAFE_INTEGER;
  const keyOf = (i: number): number | string => {
    const d = discipline.codes[i];
    const s = status.codes[i];
    const a = areaCode[type.codes[i]];
    const st = state.codes[i];
    const c = county.codes[i];
    return fits ? ((((id.codes[i] * nd + d) * ns + s) * 3 + a) * nst + st) * nc + c : [id.codes[i], d, s, a, st, c].join(' ');
  };
  const groupOf = new Map<number | string, number>();
  const first: number[] = []; // each group's first row
  const gScore: Cell[] = [];
  const gFte: Cell[] = [];
  const gPop: Cell[] = [];
  const gDate: (number | null)[] = [];
  for (let i = 0; i < h.length; i++) {
    const key = keyOf(i);
    const areaPop = typeIsArea[type.codes[i]] ? pop[i] : null;
    const g = groupOf.get(key);
    if (g === undefined) {
      groupOf.set(key, first.push(i) - 1);
      gScore.push(score[i]);
      gFte.push(fte[i]);
      gPop.push(areaPop);
      gDate.push(date[i]);
    } else {
      // any_value: the first value that is not NULL; max of the dates.
      gScore[g] ??= score[i];
      gFte[g] ??= fte[i];
      gPop[g] ??= areaPop;
      gDate[g] = maxDate(gDate[g], date[i]);
    }
  }
  // count(county_fips) OVER (PARTITION BY discipline, hpsa_id): the groups with a county.
  const spanKey = (i: number) => id.codes[i] * discipline.dict.length + discipline.codes[i];
  const spans = new Map<number, number>();
  for (const i of first) if (county.dict[county.codes[i]] !== null) spans.set(spanKey(i), (spans.get(spanKey(i)) ?? 0) + 1);
  const none = [null, null, null, null];
  const geo = first.map((i) => states.get(state.dict[state.codes[i]]) ?? none);
  const decoded = (c: { codes: Int32Array; dict: Cell[] }) => first.map((i) => c.dict[c.codes[i]]);
  return {
    length: first.length,
    columns: {
      discipline: decoded(discipline),
      status: decoded(status),
      is_area: first.map((i) => typeIsArea[type.codes[i]]),
      hpsa_id: decoded(id),
      state: decoded(state),
      county_fips: decoded(county),
      score: gScore,
      fte: gFte,
      pop: gPop,
      record_date: gDate,
      state_fips: geo.map((x) => x[0]),
      rural: first.map((i) => counties.get(county.dict[county.codes[i]])?.[0] ?? null),
      census_region: geo.map((x) => x[1]),
      census_division: geo.map((x) => x[2]),
      hhs_region: geo.map((x) => x[3]),
      n_counties: first.map((i) => spans.get(spanKey(i)) ?? 0),
    },
  };
}

const maxDate = (a: number | null, b: number | null) => (a === null || (b !== null && b > a) ? b : a);

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
