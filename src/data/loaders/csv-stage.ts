// What every loader of a user's file shares: reading it into a scratch table of text columns named
// from its header (no sniffing), refusing it whole if DuckDB could not parse a line, and errors
// that name the file, the line and the column.
import type { SqlEngine } from '../engine/engine';
import { sqlString } from '../engine/sql';
import { onPhysicalLines, type LineNumbers } from './csv-lines';

export class DataLoadError extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'DataLoadError';
  }
}

/** The person answered a load's question with "no": nothing was loaded, by their choice. */
export class LoadDeclined extends DataLoadError {
  constructor(message: string) {
    super(message);
    this.name = 'LoadDeclined';
  }
}

export const MAX_LISTED = 10;

/** The refusal of a file with a header and nothing under it. */
export const noDataRows = (fileName: string): DataLoadError =>
  new DataLoadError(`${fileName} has a header but no data rows; nothing was loaded and the data already loaded is unchanged.`);

/** The refusal of a file that is not UTF-8, naming the first line found with other bytes. */
export const notUtf8 = (fileName: string, line: number): DataLoadError =>
  new DataLoadError(`${fileName} is not UTF-8 text; nothing was loaded and the data already loaded is unchanged.`, [
    `line ${line} has bytes that are not UTF-8. Re-save it as "CSV UTF-8" (the federal agencies publish UTF-8); a file saved in a Windows or Latin-1 encoding turns accented letters and dashes into unreadable bytes.`,
  ]);

/** "Binder Error: …", "Invalid Input Error: …": the class DuckDB puts before its message. */
const ENGINE_ERROR_CLASS = /^(?:Error: )?(?:[A-Z][A-Za-z]*(?: [A-Za-z]+)*) Error: /;

/**
 * What went wrong, in words a person can act on, for any error the engine throws while reading or
 * loading a file; never DuckDB's own text alone ("Binder Error: …"). The engine's words follow, for
 * whoever reports the problem, only where no plain wording fits.
 */
export function describeDuckDbError(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  if (/Invalid unicode|not utf-8/i.test(text)) return 'the file is not UTF-8 text (re-save it as "CSV UTF-8")';
  if (/out of memory|could not allocate|memory limit/i.test(text))
    return 'the browser ran out of memory for it: close other tabs and try again, or load a smaller file (one fiscal year, one discipline)';
  const duplicate = /Duplicate struct entry name "(.*)"/.exec(text);
  if (duplicate) return `the header names column "${duplicate[1]}" twice: rename or delete one of them`;
  if (/unterminated quote/i.test(text)) return 'a quoted value is never closed: a " opens it and no " ends it';
  if (/maximum line size/i.test(text)) return 'a line is longer than the engine reads (2 MB): is this a CSV file?';
  const plain = text.replace(ENGINE_ERROR_CLASS, '').split('\n')[0].trim();
  return `the query engine could not read it (it said: ${plain.length > 200 ? `${plain.slice(0, 200)}…` : plain})`;
}

export async function count(db: SqlEngine, sql: string): Promise<number> {
  const rows = await db.query<{ n: number }>(sql);
  return rows[0]?.n ?? 0;
}

/**
 * Every column as text, named from the header already read: with the dialect and columns given,
 * DuckDB skips its sniffer, which otherwise costs more than reading a small file.
 */
export function columnsStruct(header: string[], trailingDelimiter: boolean): string {
  const names = trailingDelimiter ? [...header, '__trailing_empty_column'] : header;
  return `{${names.map((n) => `${sqlString(n)}: 'VARCHAR'`).join(', ')}}`;
}

export interface CsvSource {
  fileName: string;
  registeredName: string;
  header: string[];
  trailingDelimiter: boolean;
  delimiter?: string;
  /** The file's physical line numbers, for messages (csv-lines.ts); without them, record numbers are shown. */
  lines?: LineNumbers;
}

/**
 * `CREATE TEMP TABLE stage AS SELECT <select> FROM <the file>`, refusing the file if any line could
 * not be parsed (listed by line and column). `select` may use `line` (the file's line number,
 * counting the header as line 1).
 */
export async function stageCsv(db: SqlEngine, stage: string, select: string, src: CsvSource): Promise<void> {
  const rejects = `${stage}_rejects`;
  const scans = `${stage}_reject_scans`;
  try {
    try {
      await db.query(`CREATE OR REPLACE TEMP TABLE ${stage} AS SELECT ${select} FROM (
        SELECT *, row_number() OVER () + 1 AS line FROM read_csv(${sqlString(src.registeredName)},
          header = true, auto_detect = false, columns = ${columnsStruct(src.header, src.trailingDelimiter)},
          delim = ${sqlString(src.delimiter ?? ',')}, quote = '"', escape = '"',
          store_rejects = true, rejects_table = '${rejects}', rejects_scan = '${scans}'))`);
    } catch (e) {
      throw new DataLoadError(`${src.fileName} could not be read as CSV; nothing was loaded.`, [describeDuckDbError(e)]);
    }
    await refuseRejectedLines(db, rejects, src.fileName, 'true', src.lines);
  } finally {
    await db.query(`DROP TABLE IF EXISTS ${rejects}`);
    await db.query(`DROP TABLE IF EXISTS ${scans}`);
  }
}

/** DuckDB's reasons for rejecting a line, as a person reads them. */
function rejectReason(type: string, message: string, column: string | null): string {
  const found = /Found: (\d+)/.exec(message)?.[1];
  const header = /Expected Number of Columns: (\d+)/.exec(message)?.[1] ?? 'more';
  switch (type) {
    case 'MISSING COLUMNS':
      return `has ${found ?? 'fewer'} value(s) where the header has ${header} columns${column ? ` (no value for "${column}" or after it)` : ''}`;
    case 'TOO MANY COLUMNS':
      return `has ${found ?? 'more'} values where the header has ${header} columns`;
    case 'UNQUOTED VALUE':
      return 'a quoted value is never closed, or a " stands inside a value without quotes';
    case 'LINE SIZE OVER MAXIMUM':
      return 'the line is longer than the engine reads (2 MB)';
    case 'CAST':
      return `${column ? `column "${column}": ` : ''}a value could not be read as a number or date`;
    default:
      return message.replace(ENGINE_ERROR_CLASS, '').split('\n')[0];
  }
}

/**
 * Refuses the file if read_csv rejected any of its lines (`which`: the rejects to look at), naming
 * them by physical line and column; bytes that are not UTF-8 (DuckDB checks every value as it
 * reads it) get the message that says how to re-save the file.
 */
export async function refuseRejectedLines(
  db: SqlEngine,
  rejects: string,
  fileName: string,
  which = 'true',
  lines?: LineNumbers,
): Promise<void> {
  const [{ total, not_utf8 }] = await db.query<{ total: number; not_utf8: number | null }>(
    `SELECT count(DISTINCT line)::INTEGER AS total, min(line) FILTER (WHERE error_type = 'INVALID ENCODING')::INTEGER AS not_utf8
     FROM ${rejects} WHERE ${which}`,
  );
  if (total === 0) return;
  const physical = (line: number, map: Map<number, number>) => map.get(line) ?? line;
  if (not_utf8 !== null) throw notUtf8(fileName, physical(not_utf8, (await lines?.ofRejects([not_utf8])) ?? new Map<number, number>()));
  const rows = await db.query<{ line: number; column_name: string | null; error_type: string; error_message: string }>(
    `SELECT line::INTEGER AS line, arg_min(column_name, column_idx) AS column_name, arg_min(error_type, column_idx) AS error_type,
            arg_min(error_message, column_idx) AS error_message
     FROM ${rejects} WHERE ${which} GROUP BY line ORDER BY line LIMIT ${MAX_LISTED}`,
  );
  const map = (await lines?.ofRejects(rows.map((r) => r.line))) ?? new Map<number, number>();
  const details = rows.map((r) => `line ${physical(r.line, map)}: ${rejectReason(r.error_type, r.error_message, r.column_name)}`);
  if (total > MAX_LISTED) details.push(`… and ${total - MAX_LISTED} more broken line(s)`);
  throw new DataLoadError(
    `${fileName}: ${total} line(s) could not be read; nothing was loaded and the data already loaded is unchanged.`,
    details,
  );
}

/** The first rows a check found, by physical line: `SELECT line, … ORDER BY line LIMIT n` run here. */
export async function firstRowsAt<T extends { line: number }>(db: SqlEngine, sql: string, lines?: LineNumbers): Promise<T[]> {
  return onPhysicalLines(lines, await db.query<T>(sql));
}

/**
 * Runs statements in one transaction: all take effect or none. One message to the engine (each
 * message waits its turn on a busy main thread); a failed statement stops the rest and is rolled back.
 */
export async function inTransaction(db: SqlEngine, statements: string[]): Promise<void> {
  try {
    await db.query(['BEGIN TRANSACTION', ...statements, 'COMMIT'].join(';\n'));
  } catch (e) {
    // No transaction is left open when COMMIT itself failed (DuckDB rolled it back): nothing to undo.
    await db.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

let lookupFiles = 0;

/**
 * A scratch table filled with rows computed in JavaScript (a lookup the SQL joins to), handed to
 * DuckDB as a small CSV file: far quicker than SQL text for thousands of rows.
 */
export type LookupCell = string | number | boolean | null | undefined;

export async function createLookup(db: SqlEngine, table: string, columns: Record<string, string>, rows: LookupCell[][]): Promise<void> {
  const names = Object.keys(columns);
  const cell = (v: LookupCell) => (v === null || v === undefined ? '' : `"${String(v).replaceAll('"', '""')}"`);
  const text = [names.join(','), ...rows.map((r) => r.map(cell).join(','))].join('\n');
  const file = `lookup-${++lookupFiles}.csv`;
  await db.registerFile(file, new TextEncoder().encode(text));
  try {
    await db.query(`CREATE OR REPLACE TEMP TABLE ${table} AS SELECT * FROM read_csv(${sqlString(file)}, header = true, auto_detect = false,
      delim = ',', quote = '"', escape = '"', allow_quoted_nulls = false,
      columns = {${names.map((n) => `${sqlString(n)}: ${sqlString(columns[n])}`).join(', ')}})`);
  } finally {
    await db.dropFile(file);
  }
}

/** A value for a message: quoted, shortened, with invisible characters (tabs, C0 and C1 controls) made visible. */
export function shown(value: string | null | undefined, max = 60): string {
  if (value == null) return '(empty)';
  const visible = [...value]
    .map((c) => {
      const code = c.charCodeAt(0);
      if (c === '\t') return '\\t';
      return code < 0x20 || (code >= 0x7f && code <= 0x9f) ? `\\u${code.toString(16).padStart(4, '0')}` : c;
    })
    .join('');
  return `"${visible.length > max ? `${visible.slice(0, max)}…` : visible}"`;
}
