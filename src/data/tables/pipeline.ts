// The candidate pipeline as a DuckDB table, so views can join it with the shortage data and
// filter it like everything else. Only the fields those views need go in: id, role, stage, route, site.
import type { SqlEngine } from '../engine/engine';
import type { Candidate } from '../../model/types';
import { toCsv } from '../../model/csv';
import { specialtiesOf } from '../../model/specialties';
import { STAGES, VISA_ROUTES } from '../../model/types';

export const PIPELINE_TABLE = 'pipeline';
const COLUMNS = ['id', 'profession', 'specialty', 'stage', 'visa_route', 'site_state', 'site_county_fips'] as const;
const COLUMN_TYPES = `{${COLUMNS.map((c) => `'${c}': 'VARCHAR'`).join(', ')}}`;

/** The table, empty: what the app starts with, until the workspace is read (PipelineSync). */
export const EMPTY_PIPELINE_SQL = `CREATE OR REPLACE TABLE ${PIPELINE_TABLE} (${COLUMNS.map((c) => `${c} VARCHAR`).join(', ')})`;

/** Replaces the table with the workspace's candidates. */
export async function syncPipelineTable(db: SqlEngine, candidates: readonly Candidate[]): Promise<void> {
  const csv = toCsv(
    [...COLUMNS],
    candidates.map((c) => [c.id, c.profession, c.specialty, c.stage, c.visaRoute, c.siteState, c.siteCountyFips]),
    { bom: false },
  );
  const name = 'pipeline-sync.csv';
  await db.registerFile(name, new TextEncoder().encode(csv));
  try {
    await db.query(
      `CREATE OR REPLACE TABLE ${PIPELINE_TABLE} AS SELECT * FROM read_csv('${name}', header = true, auto_detect = false, columns = ${COLUMN_TYPES}, delim = ',', quote = '"', escape = '"')`,
    );
  } finally {
    await db.dropFile(name);
  }
}

/** A generated pipeline of `rows` candidates spread over every state, for speed measurements only. */
export async function generatePipelineTable(db: SqlEngine, rows: number): Promise<void> {
  const list = (xs: readonly string[]) => `[${xs.map((x) => `'${x}'`).join(', ')}]`;
  const specialties = specialtiesOf('physician').map((s) => s.id);
  await db.query(`CREATE OR REPLACE TABLE ${PIPELINE_TABLE} AS
    WITH st AS (SELECT list(state) AS states FROM ref_states)
    SELECT 'GEN-' || i AS id, 'physician' AS profession,
           ${list(specialties)}[1 + i % ${specialties.length}] AS specialty,
           ${list(STAGES)}[1 + (i * 7) % ${STAGES.length}] AS stage,
           ${list(VISA_ROUTES)}[1 + (i * 3) % ${VISA_ROUTES.length}] AS visa_route,
           states[1 + (i * 13) % len(states)] AS site_state, '' AS site_county_fips
    FROM range(${Math.max(0, Math.floor(rows))}) t(i), st`);
}
