// Loads HRSA HPSA detail files into the canonical `hpsa` table, inside DuckDB (no JS copy of the
// rows). A load either replaces the disciplines it contains, whole, or changes nothing.
//
// Two reads of the same file, one at a time:
// - typed (the usual case): the date order is decided from the file's first rows, then read_csv
//   types every column it can (numbers, dates in that order) while it reads, keeping only the
//   columns the table holds; one aggregate checks the rows; the new table is swapped in.
// - careful: every value read as text, the date order decided from all of the file's dates, and
//   each value that cannot be read named by column and line (and left empty). A file takes this
//   read when its first rows do not settle the date order or a value does not read as typed.
import type { SqlEngine } from '../../engine/engine';
import { HPSA_FILE_COLUMN } from './format';
import { HPSA_COLUMNS, HPSA_DISCIPLINES, HPSA_STATUSES, HPSA_TABLE, createHpsaTableSql } from '../../tables/hpsa';
import { DATE_ORDER_LABEL, decideDateOrder, type DateEvidence, type DateOrder } from './date-order';
import { sqlIdent, sqlString, trimSpaces } from '../../engine/sql';
import {
  DataLoadError,
  LoadDeclined,
  columnsStruct,
  noDataRows,
  firstRowsAt,
  inTransaction,
  refuseRejectedLines,
  stageCsv,
} from '../csv-stage';
import type { Confirm } from '../loader';
import type { LineNumbers } from '../csv-lines';
import { breaksDateRule, dateRuleMessage, isoText } from '../date-rule';
import { HAPPENED } from '../../../model/dates';
import type { IsoDate } from '../../../model/types';

export interface HpsaLoadResult {
  rows: number;
  designations: number;
  disciplines: string[];
  /** Designations (HPSA IDs) by status. */
  designationsByStatus: Record<string, number>;
  /** The latest data-warehouse date of the rows (YYYY-MM-DD), if any. */
  snapshot: string | null;
  /** Rows of other disciplines already loaded, kept beside the file's. */
  keptRows: number;
  dateOrder: DateOrder;
  dateOrderWhy: string;
  /** Which read the file took (see the top of this file). */
  read: 'typed' | 'careful';
  /** Values the loader could not read and left empty; the load still happened. */
  warnings: string[];
}

export interface HpsaLoadOptions {
  fileName: string;
  registeredName: string;
  sourceId: string;
  /** The header as read (csv-header), and whether lines end with an extra comma (HRSA's national files). */
  header: string[];
  trailingDelimiter: boolean;
  /**
   * The date order the file's first rows settle (dateOrderOfFirstRows), which the typed read reads
   * the dates in; null: they do not settle it, the careful read decides.
   */
  firstRowsOrder: DateOrderDecision | null;
  /** Today, for the date rule: a designation, an update and a snapshot date cannot lie ahead. */
  today: IsoDate;
  /** The file's physical line numbers, for messages. */
  lines?: LineNumbers;
  /** Asked before an older snapshot replaces a newer one; absent: it does, and the load says so. */
  confirm?: Confirm;
}

/** A date order and why it was chosen. */
export interface DateOrderDecision {
  order: DateOrder;
  why: string;
}

/** The careful read's text table and the new rows in the canonical layout. */
const STAGE = 'hpsa_stage';
const NEW = 'hpsa_new';

const col = (name: string) => sqlIdent(name);

// Placeholders HRSA uses for "no value": XXXXX / "XXX  " (FIPS), NA, POINT (facility
// geography). Empty fields are read as NULL.
const trimmed = (c: string) => trimSpaces(col(c));
const text = (c: string) => `nullif(${trimmed(c)}, '')`;
const code = (c: string) => `CASE WHEN ${trimmed(c)} IN ('', 'XXXXX', 'XXX', 'NA', 'N/A', 'POINT') THEN NULL ELSE ${trimmed(c)} END`;
// HRSA's names carry HTML entities left from its web pages ("MSSA 123.2 &amp; 124"): decoded,
// `&amp;` last so "&amp;lt;" stays "&lt;". Only where a name has an ampersand (the read stays fast).
const ENTITIES: [string, string][] = [
  ['&lt;', '<'],
  ['&gt;', '>'],
  ['&quot;', '"'],
  ['&#39;', "'"],
  ['&amp;', '&'],
];
const name = (c: string) => {
  const decoded = ENTITIES.reduce((x, [entity, char]) => `replace(${x}, ${sqlString(entity)}, ${sqlString(char)})`, text(c));
  return `CASE WHEN contains(${col(c)}, '&') THEN ${decoded} ELSE ${text(c)} END`;
};
const textNum = (c: string) => `TRY_CAST(replace(${code(c)}, ',', '') AS DOUBLE)`;
const toInt = (num: string) => `TRY_CAST(round(${num}) AS INTEGER)`;
// Spreadsheets drop FIPS leading zeros (6037 for 06037): pad 4-digit codes back.
const fips = (c: string) => `CASE WHEN regexp_full_match(${trimmed(c)}, '[0-9]{4,5}') THEN lpad(${trimmed(c)}, 5, '0') END`;

const F = HPSA_FILE_COLUMN;

/** Date columns: each records something that has happened (model/dates.ts, HAPPENED). */
const DATE_FIELDS = { designation_date: F.designation_date, update_date: F.update_date, record_date: F.record_date } as const;
type DateField = keyof typeof DATE_FIELDS;
const RECORD_DATE_TEXT = 'Data Warehouse Record Create Date Text';
const rawOf = (f: string) => `${f}__raw`;
const part = (f: DateField, i: number) => `split_part(${rawOf(f)}, '/', ${i})`;
// A cast of Y-M-D text, not strptime: a failed strptime costs an exception each in wasm, and
// make the evidence pass (trying both orders) several times slower than reading the file.
function parseDate(f: DateField, order: DateOrder): string {
  if (order === 'ISO') return `TRY_CAST(${rawOf(f)} AS DATE)`;
  const [m, d] = order === 'MDY' ? [1, 2] : [2, 1];
  return `TRY_CAST(${part(f, 3)} || '-' || ${part(f, m)} || '-' || ${part(f, d)} AS DATE)`;
}
const DATE_FORMAT: Record<DateOrder, string> = { MDY: '%m/%d/%Y', DMY: '%d/%m/%Y', ISO: '%Y-%m-%d' };

/** Numeric columns whose unreadable values are reported (they drive the map and the targets). */
const CHECKED_NUMBERS = { score: F.score, fte_needed: F.fte_needed, designation_population: F.designation_population } as const;

type Column = (typeof HPSA_COLUMNS)[number][0];

/**
 * How a numeric or date column is read: as text cast in SQL (careful read), or typed by read_csv
 * itself (typed read), which records the type each such column is read with.
 */
interface Readers {
  num(c: string): string;
  date(f: DateField): string;
}

const carefulReaders: Readers = { num: textNum, date: (f) => rawOf(f) };

function typedReaders(): Readers & { types: Map<string, string> } {
  const types = new Map<string, string>();
  return {
    types,
    num(c) {
      types.set(c, 'DOUBLE');
      return col(c);
    },
    date(f) {
      types.set(DATE_FIELDS[f], 'DATE');
      return col(DATE_FIELDS[f]);
    },
  };
}

/** Every column of the canonical table as an expression over the file's columns. */
function columnExpressions(read: Readers, opts: Pick<HpsaLoadOptions, 'sourceId' | 'header'>): Record<Column, string> {
  return {
    discipline: text(F.discipline),
    hpsa_id: text(F.hpsa_id),
    hpsa_name: name(F.hpsa_name),
    designation_type: text(F.designation_type),
    status: text(F.status),
    score: toInt(read.num(F.score)),
    state: `upper(${text(F.state)})`,
    county_fips: fips(F.county_fips),
    county_name: text(F.county_name),
    hhs_region: text(F.hhs_region),
    rural_status: text(F.rural_status),
    designation_population: read.num(F.designation_population),
    fte_needed: read.num(F.fte_needed),
    // Read when present (HRSA's files have it; a trimmed export may not).
    ratio_goal: opts.header.includes(F.ratio_goal) ? text(F.ratio_goal) : 'NULL',
    designation_date: read.date('designation_date'),
    update_date: read.date('update_date'),
    component_type: text(F.component_type),
    record_date: read.date('record_date'),
    source_id: sqlString(opts.sourceId),
  };
}

const TYPES = Object.fromEntries(HPSA_COLUMNS) as Record<Column, string>;
/** The canonical columns, in the table's order, each cast to its type. */
const canonical = (exprs: Record<Column, string>) => HPSA_COLUMNS.map(([c]) => `CAST(${exprs[c]} AS ${TYPES[c]}) AS ${c}`).join(',\n  ');

/**
 * Reads an HRSA HPSA detail file (already registered under `registeredName`) into the canonical
 * table. Throws DataLoadError, with `hpsa` untouched, if the file cannot be loaded whole.
 */
export async function loadHpsaDetail(db: SqlEngine, opts: HpsaLoadOptions): Promise<HpsaLoadResult> {
  try {
    const order = opts.firstRowsOrder;
    const typed = order && (await readTyped(db, opts, order.order));
    const loaded = typed ? { ...order, read: 'typed' as const, warnings: [] } : await readCarefully(db, opts);
    const checked = typed || (await db.query<CheckRow>(checkSql(opts.today)));
    const summary = summarise(await withPhysicalLines(checked, opts.lines), opts.fileName);
    const older = await olderThanLoaded(checked, summary, opts);
    await swapIn(db, summary.disciplines);
    return loadResult(summary, { ...loaded, warnings: [...loaded.warnings, ...older] });
  } catch (e) {
    await db.query(DROP_SCRATCH);
    throw e;
  }
}

/**
 * A snapshot older than the one loaded for its disciplines would put older designations in place of
 * newer ones: the person is asked first (LoadDeclined if they keep the newer), and the load says it.
 */
async function olderThanLoaded(checked: CheckRow[], summary: LoadSummary, opts: HpsaLoadOptions): Promise<string[]> {
  const newer = checked.filter((r) => r.g === 1 && r.newer_loaded);
  if (!newer.length) return [];
  const loaded = newer.map((n) => `${n.discipline} designations of ${n.newer_loaded}`).join(' and the ');
  const yes =
    !opts.confirm ||
    (await opts.confirm({
      text: `${opts.fileName} is HRSA's snapshot of ${summary.snapshot}, older than the ${loaded} loaded now. Replace the newer designations with the older ones?`,
      yes: `Load the ${summary.snapshot} snapshot`,
      no: 'Keep the newer one',
    }));
  if (!yes) throw new LoadDeclined(`${opts.fileName} was not loaded, as you chose: the ${loaded} stay loaded.`);
  return [`an older snapshot: it replaced the ${loaded}, which were newer`];
}

/** What a load returns, from its counts and its read. */
function loadResult(
  summary: LoadSummary,
  loaded: { order: DateOrder; why: string; read: HpsaLoadResult['read']; warnings: string[] },
): HpsaLoadResult {
  return { ...summary, ...loaded, dateOrderWhy: `${DATE_ORDER_LABEL[loaded.order]}: ${loaded.why}`, dateOrder: loaded.order };
}

/** The scratch tables of a load, dropped before it and after it (with the swap, or after a refusal), in one message. */
const DROP_SCRATCH = [STAGE, NEW, `${NEW}_rejects`, `${NEW}_reject_scans`].map((t) => `DROP TABLE IF EXISTS ${t}`).join(';\n');
/**
 * Before a read: the table exists (the swap needs it) and nothing is left from an earlier load. The
 * typed read sends it in the read's own message (each message waits its turn on a main thread busy
 * with the upload).
 */
const SETUP = [createHpsaTableSql(), DROP_SCRATCH].join(';\n');

const readCsv = (file: string, columns: string, extra = '') =>
  `read_csv(${sqlString(file)}, header = true, auto_detect = false, columns = ${columns},
     delim = ',', quote = '"', escape = '"'${extra})`;

/**
 * The date order, when the file's first rows settle it; null when they do not (or do not read as
 * plain CSV): the careful read then decides from every date. `firstRows`: whole lines from the top
 * of the file (csv-header.ts, wholeLines), read by DuckDB with the same rule as the careful read.
 */
export async function dateOrderOfFirstRows(
  db: SqlEngine,
  opts: Pick<HpsaLoadOptions, 'registeredName' | 'header' | 'trailingDelimiter'> & { firstRows: Uint8Array },
): Promise<DateOrderDecision | null> {
  const name = `${opts.registeredName}.head.csv`;
  await db.registerFile(name, opts.firstRows);
  try {
    const dates = (Object.entries(DATE_FIELDS) as [DateField, string][]).map(([f, c]) => `${code(c)} AS ${rawOf(f)}`);
    const rows = `(SELECT ${[...dates, `${text(RECORD_DATE_TEXT)} AS record_date_text`].join(', ')}
      FROM ${readCsv(name, columnsStruct(opts.header, opts.trailingDelimiter))})`;
    const decision = decideDateOrder(await dateEvidence(db, rows));
    return decision.ok && decision.decisive
      ? { order: decision.order, why: `${decision.why} (in the file's first rows; every date reads so)` }
      : null;
  } catch {
    return null;
  } finally {
    await db.dropFile(name);
  }
}

type ReadSource = Pick<HpsaLoadOptions, 'registeredName' | 'header' | 'trailingDelimiter' | 'sourceId'>;

/**
 * `CREATE TABLE table AS` the typed read of a registered file: read_csv types the numbers and the
 * dates (in `order`) as it reads; the values it cannot read go to `table`_rejects.
 */
function typedReadSql(opts: ReadSource, order: DateOrder, table: string): string {
  const readers = typedReaders();
  const select = canonical(columnExpressions(readers, opts));
  const names = opts.trailingDelimiter ? [...opts.header, '__trailing_empty_column'] : opts.header;
  const columns = `{${names.map((n) => `${sqlString(n)}: '${readers.types.get(n) ?? 'VARCHAR'}'`).join(', ')}}`;
  return `CREATE TABLE ${table} AS SELECT ${select} FROM ${readCsv(
    opts.registeredName,
    columns,
    `, dateformat = ${sqlString(DATE_FORMAT[order])}, store_rejects = true, rejects_table = '${table}_rejects', rejects_scan = '${table}_reject_scans'`,
  )}`;
}

/**
 * The typed read into NEW, with the check of its rows in the same message (the engine runs it at
 * once instead of waiting for a main thread busy with the upload): the check's rows, or null (and
 * NEW dropped) when a value did not read as typed — the careful read then says which. Lines that
 * are not CSV at all refuse the file.
 */
async function readTyped(db: SqlEngine, opts: HpsaLoadOptions, order: DateOrder): Promise<CheckRow[] | null> {
  const rejects = `${NEW}_rejects`;
  let rows: (CheckRow & { cast: number; broken: number })[];
  const check = checkSql(opts.today);
  try {
    // The set-up, the read, the count of the values it could not read and the check, in one message.
    rows = await db.query<CheckRow & { cast: number; broken: number }>(
      `${SETUP};\n${typedReadSql(opts, order, NEW)};
      SELECT *, (SELECT count(*) FILTER (WHERE error_type = 'CAST') FROM ${rejects})::INTEGER AS cast,
             (SELECT count(*) FILTER (WHERE error_type <> 'CAST') FROM ${rejects})::INTEGER AS broken
      FROM (${check})`,
    );
  } catch {
    return null;
  }
  // The check has one row for all the rows, whatever they are.
  const { cast, broken } = rows[0];
  if (broken > 0) await refuseRejectedLines(db, rejects, opts.fileName, `error_type <> 'CAST'`, opts.lines);
  // A value that did not read as typed, or a date that breaks the date rule: the careful read names them.
  if (cast > 0 || rows.some((r) => r.g === 3 && r.against_rule > 0)) {
    await db.query(`DROP TABLE ${NEW}`);
    return null;
  }
  return rows;
}

/** The careful read: text, the date order from every date, unreadable values named. Fills NEW. */
async function readCarefully(
  db: SqlEngine,
  opts: HpsaLoadOptions,
): Promise<{ order: DateOrder; why: string; read: 'careful'; warnings: string[] }> {
  const { fileName } = opts;
  await db.query(SETUP);
  const exprs = columnExpressions(carefulReaders, opts);
  const typed = HPSA_COLUMNS.filter(([c]) => !(c in DATE_FIELDS)).map(([c]) => `CAST(${exprs[c]} AS ${TYPES[c]}) AS ${c}`);
  const dates = (Object.entries(DATE_FIELDS) as [DateField, string][]).map(([f, c]) => `${code(c)} AS ${rawOf(f)}`);
  const raws = Object.entries(CHECKED_NUMBERS).map(([f, c]) => `${code(c)} AS ${rawOf(f)}`);
  const select = [...typed, ...dates, ...raws, `${text(RECORD_DATE_TEXT)} AS record_date_text`, 'line'].join(',\n  ');
  await stageCsv(db, STAGE, select, opts);
  const decision = decideDateOrder(await dateEvidence(db, STAGE));
  if (!decision.ok) throw new DataLoadError(`${fileName}: the date format could not be determined; nothing was loaded.`, [decision.why]);
  const warnings = await unreadableValues(db, decision.order, opts);
  const kept = (f: DateField) =>
    `CASE WHEN NOT ${breaksDateRule(parseDate(f, decision.order), HAPPENED, opts.today)} THEN ${parseDate(f, decision.order)} END`;
  const columns = HPSA_COLUMNS.map(([c]) => (c in DATE_FIELDS ? `${kept(c as DateField)} AS ${c}` : c));
  await db.query(`CREATE TABLE ${NEW} AS SELECT ${columns.join(', ')} FROM ${STAGE} ORDER BY line`);
  return { order: decision.order, why: decision.why, read: 'careful', warnings };
}

/** Evidence for the date order, from the parts of every date in `rows` (a table or a subquery). */
export async function dateEvidence(db: SqlEngine, rows: string): Promise<DateEvidence> {
  const sum = (pred: (f: DateField) => string) =>
    (Object.keys(DATE_FIELDS) as DateField[]).map((f) => `count(*) FILTER (WHERE ${pred(f)})`).join(' + ');
  const slashDate = (f: DateField) => `regexp_full_match(${rawOf(f)}, '[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}')`;
  const over12 = (f: DateField, i: number) => `${slashDate(f)} AND TRY_CAST(${part(f, i)} AS INTEGER) > 12`;
  const swap = `regexp_replace(${rawOf('record_date')}, '^([0-9]{1,2})/([0-9]{1,2})/', '\\2/\\1/')`;
  const [e] = await db.query<DateEvidence>(`
    SELECT (${sum((f) => over12(f, 1))})::INTEGER AS "firstOver12",
           (${sum((f) => over12(f, 2))})::INTEGER AS "secondOver12",
           (${sum((f) => `regexp_full_match(${rawOf(f)}, '[0-9]{4}-[0-9]{2}-[0-9]{2}')`)})::INTEGER AS iso,
           (${sum((f) => `${rawOf(f)} IS NOT NULL`)})::INTEGER AS total,
           count(*) FILTER (WHERE ${rawOf('record_date')} = record_date_text)::INTEGER AS "sameAsMdyText",
           count(*) FILTER (WHERE ${rawOf('record_date')} <> record_date_text AND ${swap} = record_date_text)::INTEGER AS "swappedFromMdyText"
    FROM ${rows}`);
  return e;
}

/**
 * Values present in the file that the loader could not read as numbers or dates, in one scan, and
 * the dates that break the date rule (a designation, update or snapshot after today, a year before
 * 1900): each left empty and named by column and physical line.
 */
async function unreadableValues(db: SqlEngine, order: DateOrder, opts: Pick<HpsaLoadOptions, 'today' | 'lines'>): Promise<string[]> {
  const checks: [string, string, string][] = [
    ...Object.entries(CHECKED_NUMBERS).map(([f, c]) => [c, rawOf(f), f] as [string, string, string]),
    ...(Object.entries(DATE_FIELDS) as [DateField, string][]).map(
      ([f, c]) => [c, rawOf(f), parseDate(f, order)] as [string, string, string],
    ),
  ];
  const bad = (raw: string, parsed: string) => `${raw} IS NOT NULL AND ${parsed} IS NULL`;
  const dates = (Object.entries(DATE_FIELDS) as [DateField, string][]).map(([f, c]) => ({ column: c, parsed: parseDate(f, order) }));
  const against = (parsed: string) => breaksDateRule(parsed, HAPPENED, opts.today);
  const [r] = await db.query<Record<string, number | string | null>>(
    `SELECT ${[
      ...checks.map(
        ([, raw, parsed], i) =>
          `count(*) FILTER (WHERE ${bad(raw, parsed)})::INTEGER AS n${i}, min(line) FILTER (WHERE ${bad(raw, parsed)})::INTEGER AS l${i}, arg_min(${raw}, line) FILTER (WHERE ${bad(raw, parsed)}) AS v${i}`,
      ),
      ...dates.map((d, i) => `count(*) FILTER (WHERE ${against(d.parsed)})::INTEGER AS rule${i}`),
    ].join(', ')} FROM ${STAGE}`,
  );
  const lineMap = await (opts.lines?.ofRecords(checks.map((_, i) => Number(r[`l${i}`])).filter((l) => l > 0)) ?? Promise.resolve(null));
  const at = (line: number) => lineMap?.get(line) ?? line;
  const unreadable = checks.flatMap(([name], i) =>
    Number(r[`n${i}`]) > 0
      ? [
          `column "${name}": ${r[`n${i}`]} value(s) could not be read and were left empty (first at line ${at(Number(r[`l${i}`]))}: "${r[`v${i}`]}")`,
        ]
      : [],
  );
  const rule: string[] = [];
  for (const [i, d] of dates.entries()) {
    const n = Number(r[`rule${i}`]);
    if (!n) continue;
    const first = await firstRowsAt<{ line: number; date: string }>(
      db,
      `SELECT line::INTEGER AS line, ${isoText(d.parsed)} AS date FROM ${STAGE} WHERE ${against(d.parsed)} ORDER BY line LIMIT 3`,
      opts.lines,
    );
    rule.push(dateRuleMessage(d.column, n, first, HAPPENED, opts.today, 'were left empty'));
  }
  return [...unreadable, ...rule];
}

/** The check's first row without an HPSA ID, by physical line. */
async function withPhysicalLines(groups: CheckRow[], lines: LineNumbers | undefined): Promise<CheckRow[]> {
  const all = groups.find((g) => g.g === 3);
  if (!lines || !all?.first_missing) return groups;
  const map = await lines.ofRecords([all.first_missing]);
  return groups.map((g) => (g === all ? { ...g, first_missing: map.get(all.first_missing!) ?? all.first_missing } : g));
}

/** What the check of the new rows counts. */
export type LoadSummary = Pick<HpsaLoadResult, 'rows' | 'designations' | 'disciplines' | 'designationsByStatus' | 'snapshot' | 'keptRows'>;

/** A row of the check of the new rows: one per discipline, one per status, one for all (g = 3). */
interface CheckRow {
  g: number;
  discipline: string | null;
  status: string | null;
  n: number;
  ids: number;
  missing: number;
  first_missing: number | null;
  snapshot: string | null;
  kept: number;
  /** Rows with a date that breaks the date rule (the typed read then gives way to the careful one). */
  against_rule: number;
  /** A discipline's row: the snapshot loaded now for it, when newer than the file's (olderThanLoaded). */
  newer_loaded: string | null;
}

/**
 * One pass over the new rows (in the file's order: line = rowid + 2, after the header): what the
 * load result reports, and what summarise needs to refuse a file unusable as HPSA data; beside each
 * discipline, the snapshot loaded now for it if newer than the file's (asked in the read's own
 * message, not in one more).
 */
const checkSql = (today: IsoDate) => `WITH c AS (${newRowsCheckSql(today)}),
    loaded AS (SELECT discipline, max(record_date) AS newest FROM ${HPSA_TABLE} GROUP BY 1)
  SELECT c.*, CASE WHEN l.newest > (SELECT max(record_date) FROM ${NEW}) THEN strftime(l.newest, '%Y-%m-%d') END AS newer_loaded
  FROM c LEFT JOIN loaded l ON c.g = 1 AND l.discipline = c.discipline ORDER BY c.g, c.discipline`;

const newRowsCheckSql = (today: IsoDate) => `SELECT grouping(discipline, status)::INTEGER AS g, discipline, status, count(*)::INTEGER AS n,
    count(DISTINCT hpsa_id)::INTEGER AS ids, count(*) FILTER (WHERE hpsa_id IS NULL)::INTEGER AS missing,
    min(rowid + 2) FILTER (WHERE hpsa_id IS NULL)::INTEGER AS first_missing, strftime(max(record_date), '%Y-%m-%d') AS snapshot,
    (SELECT count(*) FROM ${HPSA_TABLE} WHERE discipline NOT IN (SELECT discipline FROM ${NEW} WHERE discipline IS NOT NULL))::INTEGER AS kept,
    count(*) FILTER (WHERE ${Object.keys(DATE_FIELDS)
      .map((f) => `coalesce(${breaksDateRule(f, HAPPENED, today)}, false)`)
      .join(' OR ')})::INTEGER AS against_rule
  FROM ${NEW} GROUP BY GROUPING SETS ((discipline), (status), ())`;

/**
 * The load's counts from the check's rows, or the problems that make the file unusable as HPSA
 * data (rows without an ID, named by their first line; unknown disciplines or statuses).
 */
function summarise(groups: CheckRow[], fileName: string): LoadSummary {
  const all = groups.find((r) => r.g === 3);
  if (!all || all.n === 0) throw noDataRows(fileName);
  const byDiscipline = groups.filter((r) => r.g === 1).sort((a, b) => b.n - a.n);
  const byStatus = groups.filter((r) => r.g === 2);
  const problems: string[] = [];
  if (all.missing > 0) problems.push(`column "HPSA ID": ${all.missing} row(s) have no ID (first at line ${all.first_missing})`);
  const unknown = byDiscipline.filter((d) => !HPSA_DISCIPLINES.includes(d.discipline as never));
  if (unknown.length) {
    problems.push(
      `column "HPSA Discipline Class": expected ${HPSA_DISCIPLINES.join(' / ')}, found ${unknown.map((d) => `"${d.discipline ?? ''}" (${d.n} rows)`).join(', ')}`,
    );
  }
  const badStatus = byStatus.filter((s) => !HPSA_STATUSES.includes(s.status as never));
  if (badStatus.length) {
    problems.push(
      `column "HPSA Status": expected ${HPSA_STATUSES.join(' / ')}, found ${badStatus.map((s) => `"${s.status ?? ''}" (${s.n} rows)`).join(', ')}`,
    );
  }
  if (problems.length) throw new DataLoadError(`${fileName} has values the loader cannot use; nothing was loaded.`, problems);
  return {
    rows: all.n,
    designations: all.ids,
    disciplines: byDiscipline.map((d) => d.discipline ?? '').sort(),
    designationsByStatus: Object.fromEntries(
      byStatus
        .sort((a, b) => HPSA_STATUSES.indexOf(a.status as never) - HPSA_STATUSES.indexOf(b.status as never))
        .map((s) => [s.status ?? '', s.ids]),
    ),
    snapshot: all.snapshot,
    keptRows: all.kept,
  };
}

/**
 * The new rows become the table, in one transaction: rows of other disciplines join them (usually
 * none) and the new table takes the old one's name, so the file's rows are never copied again.
 */
async function swapIn(db: SqlEngine, disciplines: string[]): Promise<void> {
  const covered = disciplines.map(sqlString).join(', ');
  await inTransaction(db, [
    `INSERT INTO ${NEW} SELECT * FROM ${HPSA_TABLE} WHERE discipline NOT IN (${covered})`,
    `DROP TABLE ${HPSA_TABLE}`,
    `ALTER TABLE ${NEW} RENAME TO ${HPSA_TABLE}`,
    DROP_SCRATCH,
  ]);
}
