// Tables derived from the loaded data, rebuilt whenever the data change (after Mosaic's
// pre-aggregation): the map's queries filter one narrow, pre-joined table instead of joining the
// component rows with the geography tables on every filter change.
import type { SqlEngine } from './engine';
import { AREA_DESIGNATION_SQL, HPSA_TABLE, createHpsaTableSql } from './hpsa-schema';

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

/** The tables to report as changed when `table` changes: itself and the tables derived from it. */
export function changedWith(table: string): string[] {
  return table === HPSA_TABLE ? [table, HPSA_AREA_TABLE] : [table];
}
