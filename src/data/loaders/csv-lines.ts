// Line numbers as a text editor shows them. DuckDB numbers what it reads by records: a quoted field
// with line breaks inside it is one record over several lines, so every record after it would be
// named by the wrong line; its rejects count blank lines too but not those breaks. The messages of a
// load name lines through this map, built by DuckDB from the file's physical lines the first time a
// message needs one (a file loaded without a message never pays for it).
import type { SqlEngine } from '../engine/engine';
import { sqlString } from '../engine/sql';

export interface LineNumbers {
  /** The physical line each record starts on; records as read_csv yields them, the header being 1. */
  ofRecords(records: readonly number[]): Promise<Map<number, number>>;
  /** The physical line of each `line` of read_csv's rejects table (blank lines counted, breaks inside quotes not). */
  ofRejects(lines: readonly number[]): Promise<Map<number, number>>;
  /** Drops the map (after the load). */
  drop(): Promise<void>;
}

let maps = 0;
/** No file holds these three control characters in a row: each physical line is one value. */
const NO_DELIMITER = '\x1f\x1e\x1d';

/**
 * The map of a registered file. Each physical line is read as one text value (no delimiter or
 * quote is special); a line starts a record when the quotes before it are balanced and it is not
 * blank (read_csv skips blank lines), and counts in the rejects' numbering when the quotes before it
 * are balanced. If the file cannot be read line by line, the numbers stay as DuckDB gives them.
 */
export function fileLines(db: SqlEngine, registeredName: string): LineNumbers {
  const table = `file_lines_${++maps}`;
  let built: Promise<boolean> | null = null;
  const build = () =>
    (built ??= db
      .query(
        `CREATE OR REPLACE TEMP TABLE ${table} AS
         WITH physical AS (
           SELECT row_number() OVER () AS line, t IS NULL AS blank, coalesce(strlen(t) - strlen(replace(t, '"', '')), 0) AS quotes
           FROM read_csv(${sqlString(registeredName)}, header = false, auto_detect = false, columns = {'t': 'VARCHAR'},
             delim = ${sqlString(NO_DELIMITER)}, quote = '', escape = '', strict_mode = false, max_line_size = 100000000)),
         balanced AS (
           SELECT line, blank, coalesce(sum(quotes) OVER (ORDER BY line ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) % 2 = 0 AS outside
           FROM physical)
         SELECT line::INTEGER AS line,
                CASE WHEN outside AND NOT blank THEN row_number() OVER (PARTITION BY outside AND NOT blank ORDER BY line) END::INTEGER AS record,
                CASE WHEN outside THEN row_number() OVER (PARTITION BY outside ORDER BY line) END::INTEGER AS reject_line
         FROM balanced`,
      )
      .then(
        () => true,
        () => false,
      ));
  const lookup = async (column: 'record' | 'reject_line', numbers: readonly number[]) => {
    const wanted = [...new Set(numbers.filter((n) => Number.isInteger(n)))];
    const map = new Map(numbers.map((n) => [n, n]));
    if (!wanted.length || !(await build())) return map;
    const rows = await db.query<{ n: number; line: number }>(
      `SELECT ${column} AS n, line FROM ${table} WHERE ${column} IN (${wanted.join(', ')})`,
    );
    for (const r of rows) map.set(r.n, r.line);
    return map;
  };
  return {
    ofRecords: (records) => lookup('record', records),
    ofRejects: (lines) => lookup('reject_line', lines),
    drop: async () => {
      if (built) await db.query(`DROP TABLE IF EXISTS ${table}`);
    },
  };
}

/** Rows with a record number in `line`, given their physical line instead. */
export async function onPhysicalLines<T extends { line: number }>(lines: LineNumbers | undefined, rows: readonly T[]): Promise<T[]> {
  if (!lines || !rows.length) return [...rows];
  const map = await lines.ofRecords(rows.map((r) => r.line));
  return rows.map((r) => ({ ...r, line: map.get(r.line) ?? r.line }));
}
