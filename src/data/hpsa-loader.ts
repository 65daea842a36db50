// Loads HRSA HPSA detail files into the canonical `hpsa` table, inside DuckDB (no JS copy of the
// rows). A load either replaces the disciplines it contains, whole, or changes nothing.
import type { SqlEngine } from './engine';
import { HPSA_DETAIL_COLUMNS } from './hpsa-format';
import { HPSA_COLUMNS, HPSA_DISCIPLINES, HPSA_STATUSES, HPSA_TABLE, createHpsaTableSql } from './hpsa-schema';
import { DATE_ORDER_LABEL, STRPTIME_FORMAT, decideDateOrder, type DateEvidence, type DateOrder } from './date-order';
import { sqlIdent, sqlString } from './sql';

export class DataLoadError extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'DataLoadError';
  }
}

export interface HpsaLoadResult {
  rows: number;
  designations: number;
  disciplines: string[];
  statusCounts: Record<string, number>;
  dateOrder: DateOrder;
  dateOrderWhy: string;
  /** Values the loader could not read and left empty; the load still happened. */
  warnings: string[];
}

const RAW = 'hpsa_raw';
const STAGE = 'hpsa_stage';
const REJECTS = 'hpsa_rejects';
const REJECT_SCANS = 'hpsa_reject_scans';
const MAX_LISTED = 10;

const col = (name: string) => sqlIdent(name);
const DATE_COLUMNS = ['HPSA Designation Date', 'HPSA Designation Last Update Date', 'Withdrawn Date', 'Data Warehouse Record Create Date'];

// Placeholders HRSA uses for "no value": XXXXX / "XXX  " (FIPS), NA (MCTA score), POINT (facility geography).
const clean = (c: string) => `CASE WHEN trim(${col(c)}) IN ('', 'XXXXX', 'XXX', 'NA', 'N/A', 'POINT') THEN NULL ELSE trim(${col(c)}) END`;
const num = (c: string) => `TRY_CAST(replace(${clean(c)}, ',', '') AS DOUBLE)`;
const int = (c: string) => `TRY_CAST(round(${num(c)}) AS INTEGER)`;
const date = (c: string, order: DateOrder) => `TRY_CAST(try_strptime(${clean(c)}, '${STRPTIME_FORMAT[order]}') AS DATE)`;
// Spreadsheets drop FIPS leading zeros (6037 for 06037): pad 4-digit codes back.
const fips = (c: string) => `CASE WHEN regexp_full_match(${clean(c)}, '[0-9]{4,5}') THEN lpad(${clean(c)}, 5, '0') END`;

function canonicalSelect(hasMcta: boolean, order: DateOrder, sourceId: string): string {
  const exprs: Record<(typeof HPSA_COLUMNS)[number][0], string> = {
    discipline: clean('HPSA Discipline Class'),
    hpsa_id: clean('HPSA ID'),
    hpsa_name: clean('HPSA Name'),
    designation_type: clean('Designation Type'),
    status: clean('HPSA Status'),
    score: int('HPSA Score'),
    mcta_score: hasMcta ? int('PC MCTA Score') : 'NULL',
    state: `upper(${clean('Primary State Abbreviation')})`,
    county_fips: fips('Common State County FIPS Code'),
    county_name: clean('Common County Name'),
    hhs_region: clean('Common Region Name'),
    rural_status: clean('Rural Status'),
    metro_indicator: clean('Metropolitan Indicator'),
    population_type: clean('HPSA Population Type'),
    designation_population: num('HPSA Designation Population'),
    fte_needed: num('HPSA Shortage'),
    fte_current: num('HPSA FTE'),
    formal_ratio: clean('HPSA Formal Ratio'),
    pct_below_poverty: num('% of Population Below 100% Poverty'),
    longitude: num('Longitude'),
    latitude: num('Latitude'),
    designation_date: date('HPSA Designation Date', order),
    update_date: date('HPSA Designation Last Update Date', order),
    withdrawn_date: date('Withdrawn Date', order),
    component_name: clean('HPSA Component Name'),
    component_type: clean('HPSA Component Type Description'),
    component_geoid: clean('HPSA Geography Identification Number'),
    served_population: num('HPSA Estimated Served Population'),
    underserved_population: num('HPSA Estimated Underserved Population'),
    record_date: date('Data Warehouse Record Create Date', order),
    source_id: sqlString(sourceId),
  };
  return HPSA_COLUMNS.map(([name, type]) => `CAST(${exprs[name]} AS ${type}) AS ${name}`).join(',\n  ');
}

async function count(db: SqlEngine, sql: string): Promise<number> {
  const rows = await db.query<{ n: number }>(sql);
  return rows[0]?.n ?? 0;
}

async function dateEvidence(db: SqlEngine): Promise<DateEvidence> {
  const values = DATE_COLUMNS.map((c) => col(c)).join(', ');
  const [e] = await db.query<Omit<DateEvidence, 'sameAsMdyText' | 'swappedFromMdyText'>>(`
    WITH v AS (SELECT trim(unnest([${values}])) AS v FROM ${RAW}),
    p AS (SELECT v, regexp_extract(v, '^([0-9]{1,2})/([0-9]{1,2})/[0-9]{4}$', ['a', 'b']) AS s FROM v WHERE v IS NOT NULL AND v <> '')
    SELECT count(*) FILTER (WHERE TRY_CAST(s.a AS INTEGER) > 12)::INTEGER AS "firstOver12",
           count(*) FILTER (WHERE TRY_CAST(s.b AS INTEGER) > 12)::INTEGER AS "secondOver12",
           count(*) FILTER (WHERE regexp_full_match(v, '[0-9]{4}-[0-9]{2}-[0-9]{2}'))::INTEGER AS iso,
           count(*)::INTEGER AS total
    FROM p`);
  const d = col('Data Warehouse Record Create Date');
  const t = col('Data Warehouse Record Create Date Text');
  const swap = `regexp_replace(trim(${d}), '^([0-9]{1,2})/([0-9]{1,2})/', '\\2/\\1/')`;
  const [c] = await db.query<{ same: number; swapped: number }>(`
    SELECT count(*) FILTER (WHERE trim(${d}) = trim(${t}))::INTEGER AS same,
           count(*) FILTER (WHERE trim(${d}) <> trim(${t}) AND ${swap} = trim(${t}))::INTEGER AS swapped
    FROM ${RAW}`);
  return { ...e, sameAsMdyText: c.same, swappedFromMdyText: c.swapped };
}

async function dropScratch(db: SqlEngine): Promise<void> {
  for (const t of [RAW, STAGE, REJECTS, REJECT_SCANS]) await db.query(`DROP TABLE IF EXISTS ${t}`);
}

async function rejectedRows(db: SqlEngine, fileName: string): Promise<void> {
  const total = await count(db, `SELECT count(DISTINCT line)::INTEGER AS n FROM ${REJECTS}`);
  if (total === 0) return;
  const rows = await db.query<{ line: number; column_name: string | null; error_message: string }>(
    `SELECT line::INTEGER AS line, arg_min(column_name, column_idx) AS column_name, arg_min(error_message, column_idx) AS error_message FROM ${REJECTS} GROUP BY line ORDER BY line LIMIT ${MAX_LISTED}`,
  );
  const details = rows.map((r) => {
    const where = r.column_name ? `, column "${r.column_name}"` : '';
    return `line ${r.line}${where}: ${r.error_message.split('\n')[0]}`;
  });
  if (total > MAX_LISTED) details.push(`… and ${total - MAX_LISTED} more broken line(s)`);
  throw new DataLoadError(`${fileName}: ${total} line(s) could not be read; nothing was loaded and the data already loaded is unchanged.`, details);
}

/** Values present in the file that the loader could not read as numbers or dates. */
async function unreadableValues(db: SqlEngine, order: DateOrder): Promise<string[]> {
  const checks: [string, string][] = [
    ['HPSA Score', int('HPSA Score')],
    ['HPSA Shortage', num('HPSA Shortage')],
    ['HPSA Designation Population', num('HPSA Designation Population')],
    ...DATE_COLUMNS.map((c) => [c, date(c, order)] as [string, string]),
  ];
  const warnings: string[] = [];
  for (const [name, expr] of checks) {
    const rows = await db.query<{ n: number; first_row: number; example: string }>(`
      SELECT count(*)::INTEGER AS n, min(rn)::INTEGER AS first_row, arg_min(v, rn) AS example FROM (
        SELECT row_number() OVER () AS rn, ${clean(name)} AS v, ${expr} AS parsed FROM ${RAW}
      ) WHERE v IS NOT NULL AND parsed IS NULL`);
    const r = rows[0];
    if (r && r.n > 0) {
      warnings.push(`column "${name}": ${r.n} value(s) could not be read and were left empty (first at line ${r.first_row + 1}: "${r.example}")`);
    }
  }
  return warnings;
}

/**
 * Reads an HRSA HPSA detail file (already registered under `registeredName`) into the canonical
 * table. Throws DataLoadError, with `hpsa` untouched, if the file cannot be loaded whole.
 */
export async function loadHpsaDetail(
  db: SqlEngine,
  opts: { fileName: string; registeredName: string; hasMcta: boolean; sourceId: string },
): Promise<HpsaLoadResult> {
  const { fileName } = opts;
  await db.query(createHpsaTableSql());
  await dropScratch(db);
  try {
    const needed = [...HPSA_DETAIL_COLUMNS, ...(opts.hasMcta ? ['PC MCTA Score'] : [])].map(col).join(', ');
    try {
      await db.query(`CREATE TEMP TABLE ${RAW} AS SELECT ${needed} FROM read_csv(${sqlString(opts.registeredName)},
        header = true, all_varchar = true, delim = ',', quote = '"', escape = '"',
        store_rejects = true, rejects_table = '${REJECTS}', rejects_scan = '${REJECT_SCANS}')`);
    } catch (e) {
      throw new DataLoadError(`${fileName} could not be read as CSV; nothing was loaded.`, [describeDuckDbError(e)]);
    }
    await rejectedRows(db, fileName);
    const rows = await count(db, `SELECT count(*)::INTEGER AS n FROM ${RAW}`);
    if (rows === 0) throw new DataLoadError(`${fileName} has a header but no data rows; nothing was loaded.`);

    const decision = decideDateOrder(await dateEvidence(db));
    if (!decision.ok) throw new DataLoadError(`${fileName}: the date format could not be determined; nothing was loaded.`, [decision.why]);

    await db.query(`CREATE TEMP TABLE ${STAGE} AS SELECT ${canonicalSelect(opts.hasMcta, decision.order, opts.sourceId)} FROM ${RAW}`);
    await checkStage(db, fileName);
    const warnings = await unreadableValues(db, decision.order);
    const result = await replaceFromStage(db);
    return { ...result, dateOrder: decision.order, dateOrderWhy: `${DATE_ORDER_LABEL[decision.order]}: ${decision.why}`, warnings };
  } finally {
    await dropScratch(db);
  }
}

/** Problems that make the file unusable as HPSA data. */
async function checkStage(db: SqlEngine, fileName: string): Promise<void> {
  const problems: string[] = [];
  const missingId = await db.query<{ n: number; first_row: number }>(
    `SELECT count(*)::INTEGER AS n, min(rn)::INTEGER AS first_row FROM (SELECT row_number() OVER () AS rn, hpsa_id FROM ${STAGE}) WHERE hpsa_id IS NULL`,
  );
  if (missingId[0].n > 0) problems.push(`column "HPSA ID": ${missingId[0].n} row(s) have no ID (first at line ${missingId[0].first_row + 1})`);
  const disciplines = await db.query<{ discipline: string | null; n: number }>(
    `SELECT discipline, count(*)::INTEGER AS n FROM ${STAGE} GROUP BY ALL ORDER BY n DESC`,
  );
  const unknown = disciplines.filter((d) => !HPSA_DISCIPLINES.includes(d.discipline as never));
  if (unknown.length) {
    problems.push(
      `column "HPSA Discipline Class": expected ${HPSA_DISCIPLINES.join(' / ')}, found ${unknown.map((d) => `"${d.discipline ?? ''}" (${d.n} rows)`).join(', ')}`,
    );
  }
  const statuses = await db.query<{ status: string | null; n: number }>(`SELECT status, count(*)::INTEGER AS n FROM ${STAGE} GROUP BY ALL`);
  const badStatus = statuses.filter((s) => !HPSA_STATUSES.includes(s.status as never));
  if (badStatus.length) {
    problems.push(
      `column "HPSA Status": expected ${HPSA_STATUSES.join(' / ')}, found ${badStatus.map((s) => `"${s.status ?? ''}" (${s.n} rows)`).join(', ')}`,
    );
  }
  if (problems.length) throw new DataLoadError(`${fileName} has values the loader cannot use; nothing was loaded.`, problems);
}

/** Swaps the staged rows in for the disciplines they cover, in one transaction. */
async function replaceFromStage(db: SqlEngine): Promise<Omit<HpsaLoadResult, 'dateOrder' | 'dateOrderWhy' | 'warnings'>> {
  const disciplines = (await db.query<{ discipline: string }>(`SELECT DISTINCT discipline FROM ${STAGE} ORDER BY 1`)).map((r) => r.discipline);
  await db.query('BEGIN TRANSACTION');
  try {
    await db.query(`DELETE FROM ${HPSA_TABLE} WHERE discipline IN (SELECT DISTINCT discipline FROM ${STAGE})`);
    await db.query(`INSERT INTO ${HPSA_TABLE} SELECT * FROM ${STAGE}`);
    await db.query('COMMIT');
  } catch (e) {
    await db.query('ROLLBACK');
    throw e;
  }
  const [summary] = await db.query<{ rows: number; designations: number }>(
    `SELECT count(*)::INTEGER AS rows, count(DISTINCT hpsa_id)::INTEGER AS designations FROM ${STAGE}`,
  );
  const statusRows = await db.query<{ status: string; n: number }>(`SELECT status, count(*)::INTEGER AS n FROM ${STAGE} GROUP BY ALL`);
  return { ...summary, disciplines, statusCounts: Object.fromEntries(statusRows.map((r) => [r.status, r.n])) };
}

export function describeDuckDbError(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  if (/Invalid unicode|not utf-8/i.test(text)) return 'the file is not UTF-8 text (re-save it as "CSV UTF-8")';
  return text.split('\n').slice(0, 3).join(' ');
}
