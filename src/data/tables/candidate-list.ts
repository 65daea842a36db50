// The Pipeline screen's candidate list as a DuckDB table: one row per candidate, in plain words, with
// the latest forecast's figures, so the list is searched, filtered, sorted and paged by DuckDB
// (queries/candidate-list.ts). The app writes it whenever the candidates or the forecast change.
// The text goes in exactly as typed: this CSV is read by DuckDB, never opened in a spreadsheet.
import type { SqlEngine } from '../engine/engine';

export const CANDIDATE_LIST_TABLE = 'candidate_list';

export interface CandidateListRecord {
  /** The candidate's place in the workspace (the list's order when no column is chosen). */
  position: number;
  id: string;
  specialty_code: string;
  specialty: string;
  stage_code: string;
  stage: string;
  /** The stage's place in the pipeline, for sorting. */
  stage_order: number;
  route_code: string;
  route: string;
  /** "Kern County, CA", or the state when no county is recorded. */
  site: string;
  /** "YYYY-MM" months of the forecast; null: none (not forecast yet, later than the horizon or never). */
  arrival_p10: string | null;
  arrival_median: string | null;
  arrival_p90: string | null;
  /** What to show when a month is null: "not in any run", "after 2030-11 or never", "forecast running". */
  arrival_note: string;
  /** The matched target the candidate is least likely to arrive in time for; null without one. */
  target_id: string | null;
  due_date: string | null;
  chance: number | null;
  at_risk: boolean;
  /** Lower-case text the search box looks in: id, specialty, stage, route and site. */
  search_text: string;
}

const COLUMNS: Readonly<Record<keyof CandidateListRecord, string>> = {
  position: 'INTEGER',
  id: 'VARCHAR',
  specialty_code: 'VARCHAR',
  specialty: 'VARCHAR',
  stage_code: 'VARCHAR',
  stage: 'VARCHAR',
  stage_order: 'INTEGER',
  route_code: 'VARCHAR',
  route: 'VARCHAR',
  site: 'VARCHAR',
  arrival_p10: 'VARCHAR',
  arrival_median: 'VARCHAR',
  arrival_p90: 'VARCHAR',
  arrival_note: 'VARCHAR',
  target_id: 'VARCHAR',
  due_date: 'VARCHAR',
  chance: 'DOUBLE',
  at_risk: 'BOOLEAN',
  search_text: 'VARCHAR',
};
const NAMES = Object.keys(COLUMNS) as (keyof CandidateListRecord)[];
const TYPES = `{${NAMES.map((n) => `'${n}': '${COLUMNS[n]}'`).join(', ')}}`;

/** null is an empty cell (read as NULL); text is always quoted, so an empty string stays one. */
const cell = (v: string | number | boolean | null) =>
  v === null ? '' : typeof v === 'string' ? `"${v.replaceAll('"', '""')}"` : String(v);

let written = 0;

/** Replaces the table with these rows. */
export async function writeCandidateList(db: SqlEngine, rows: readonly CandidateListRecord[]): Promise<void> {
  const csv = [NAMES.join(','), ...rows.map((r) => NAMES.map((n) => cell(r[n])).join(','))].join('\n');
  const name = `candidate-list-${++written}.csv`;
  await db.registerFile(name, new TextEncoder().encode(csv));
  try {
    await db.query(
      `CREATE OR REPLACE TABLE ${CANDIDATE_LIST_TABLE} AS SELECT * FROM read_csv('${name}', header = true, auto_detect = false, columns = ${TYPES}, delim = ',', quote = '"', escape = '"', allow_quoted_nulls = false)`,
    );
  } finally {
    await db.dropFile(name);
  }
}
