// Loads HRSA HPSA detail files into the canonical `hpsa` table, inside DuckDB (no JS copy of the
// rows). A load either replaces the disciplines it contains, whole, or changes nothing.
import type { SqlEngine } from './engine';
import { HPSA_COLUMNS, HPSA_DISCIPLINES, HPSA_STATUSES, HPSA_TABLE, createHpsaTableSql } from './hpsa-schema';
import { DATE_ORDER_LABEL, decideDateOrder, type DateEvidence, type DateOrder } from './date-order';
import { sqlIdent, sqlString } from './sql';
import { DataLoadError, count, inTransaction, stageCsv } from './csv-stage';

export { DataLoadError, describeDuckDbError } from './csv-stage';

export interface HpsaLoadResult {
  rows: number;
  designations: number;
  disciplines: string[];
  /** Designations (HPSA IDs) by status. */
  designationsByStatus: Record<string, number>;
  dateOrder: DateOrder;
  dateOrderWhy: string;
  /** Values the loader could not read and left empty; the load still happened. */
  warnings: string[];
}

const STAGE = 'hpsa_stage';
const STATUS_ORDER = `CASE status WHEN 'Designated' THEN 0 WHEN 'Proposed For Withdrawal' THEN 1 ELSE 2 END`;
/** Read when present (HRSA's files have it; a trimmed export may not). */
const RATIO_GOAL = 'HPSA Provider Ratio Goal';

const col = (name: string) => sqlIdent(name);

// Placeholders HRSA uses for "no value": XXXXX / "XXX  " (FIPS), NA (MCTA score), POINT (facility
// geography). all_varchar already reads empty fields as NULL.
const text = (c: string) => `nullif(trim(${col(c)}), '')`;
const code = (c: string) => `CASE WHEN trim(${col(c)}) IN ('', 'XXXXX', 'XXX', 'NA', 'N/A', 'POINT') THEN NULL ELSE trim(${col(c)}) END`;
const num = (c: string) => `TRY_CAST(replace(${code(c)}, ',', '') AS DOUBLE)`;
const int = (c: string) => `TRY_CAST(round(${num(c)}) AS INTEGER)`;
// Spreadsheets drop FIPS leading zeros (6037 for 06037): pad 4-digit codes back.
const fips = (c: string) => `CASE WHEN regexp_full_match(trim(${col(c)}), '[0-9]{4,5}') THEN lpad(trim(${col(c)}), 5, '0') END`;

/** Date columns: kept as text in the pass over the file; parsed once their order is known. */
const DATE_FIELDS = {
  designation_date: 'HPSA Designation Date',
  update_date: 'HPSA Designation Last Update Date',
  withdrawn_date: 'Withdrawn Date',
  record_date: 'Data Warehouse Record Create Date',
} as const;
type DateField = keyof typeof DATE_FIELDS;
const rawOf = (f: string) => `${f}__raw`;
const part = (f: DateField, i: number) => `split_part(${rawOf(f)}, '/', ${i})`;
// A cast of Y-M-D text, not strptime: a failed strptime costs an exception each in wasm, and
// make the evidence pass (trying both orders) several times slower than reading the file.
function parseDate(f: DateField, order: DateOrder): string {
  if (order === 'ISO') return `TRY_CAST(${rawOf(f)} AS DATE)`;
  const [m, d] = order === 'MDY' ? [1, 2] : [2, 1];
  return `TRY_CAST(${part(f, 3)} || '-' || ${part(f, m)} || '-' || ${part(f, d)} AS DATE)`;
}

/** Numeric columns whose unreadable values are reported (they drive the map and the targets). */
const CHECKED_NUMBERS = {
  score: 'HPSA Score',
  fte_needed: 'HPSA Shortage',
  designation_population: 'HPSA Designation Population',
} as const;
function typedColumns(
  hasMcta: boolean,
  hasRatioGoal: boolean,
  sourceId: string,
): Record<Exclude<(typeof HPSA_COLUMNS)[number][0], DateField>, string> {
  return {
    discipline: text('HPSA Discipline Class'),
    hpsa_id: text('HPSA ID'),
    hpsa_name: text('HPSA Name'),
    designation_type: text('Designation Type'),
    status: text('HPSA Status'),
    score: int('HPSA Score'),
    mcta_score: hasMcta ? int('PC MCTA Score') : 'NULL',
    state: `upper(${text('Primary State Abbreviation')})`,
    county_fips: fips('Common State County FIPS Code'),
    county_name: text('Common County Name'),
    hhs_region: text('Common Region Name'),
    rural_status: text('Rural Status'),
    metro_indicator: text('Metropolitan Indicator'),
    population_type: code('HPSA Population Type'),
    designation_population: num('HPSA Designation Population'),
    fte_needed: num('HPSA Shortage'),
    fte_current: num('HPSA FTE'),
    formal_ratio: text('HPSA Formal Ratio'),
    ratio_goal: hasRatioGoal ? text(RATIO_GOAL) : 'NULL',
    pct_below_poverty: num('% of Population Below 100% Poverty'),
    longitude: num('Longitude'),
    latitude: num('Latitude'),
    component_name: text('HPSA Component Name'),
    component_type: text('HPSA Component Type Description'),
    component_geoid: code('HPSA Geography Identification Number'),
    served_population: num('HPSA Estimated Served Population'),
    underserved_population: num('HPSA Estimated Underserved Population'),
    source_id: sqlString(sourceId),
  };
}

/** One pass over the file: typed columns, every date parsed three ways, and the raw text the checks need. */
function stageSelect(hasMcta: boolean, hasRatioGoal: boolean, sourceId: string): string {
  const types = Object.fromEntries(HPSA_COLUMNS) as Record<string, string>;
  const typed = Object.entries(typedColumns(hasMcta, hasRatioGoal, sourceId)).map(
    ([name, expr]) => `CAST(${expr} AS ${types[name]}) AS ${name}`,
  );
  const dates = (Object.entries(DATE_FIELDS) as [DateField, string][]).map(([f, c]) => `${code(c)} AS ${rawOf(f)}`);
  const raws = Object.entries(CHECKED_NUMBERS).map(([f, c]) => `${code(c)} AS ${rawOf(f)}`);
  return [...typed, ...dates, ...raws, `${text('Data Warehouse Record Create Date Text')} AS record_date_text`, 'line'].join(',\n  ');
}

/** Evidence for the date order, from the parts of every date in the file. */
async function dateEvidence(db: SqlEngine): Promise<DateEvidence> {
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
    FROM ${STAGE}`);
  return e;
}

async function dropScratch(db: SqlEngine): Promise<void> {
  await db.query(`DROP TABLE IF EXISTS ${STAGE}`);
}

/** Values present in the file that the loader could not read as numbers or dates, in one scan. */
async function unreadableValues(db: SqlEngine, order: DateOrder): Promise<string[]> {
  const checks: [string, string, string][] = [
    ...Object.entries(CHECKED_NUMBERS).map(([f, c]) => [c, rawOf(f), f] as [string, string, string]),
    ...(Object.entries(DATE_FIELDS) as [DateField, string][]).map(
      ([f, c]) => [c, rawOf(f), parseDate(f, order)] as [string, string, string],
    ),
  ];
  const bad = (raw: string, parsed: string) => `${raw} IS NOT NULL AND ${parsed} IS NULL`;
  const [r] = await db.query<Record<string, number | string | null>>(
    `SELECT ${checks
      .map(
        ([, raw, parsed], i) =>
          `count(*) FILTER (WHERE ${bad(raw, parsed)})::INTEGER AS n${i}, min(line) FILTER (WHERE ${bad(raw, parsed)})::INTEGER AS l${i}, arg_min(${raw}, line) FILTER (WHERE ${bad(raw, parsed)}) AS v${i}`,
      )
      .join(', ')} FROM ${STAGE}`,
  );
  return checks.flatMap(([name], i) =>
    Number(r[`n${i}`]) > 0
      ? [`column "${name}": ${r[`n${i}`]} value(s) could not be read and were left empty (first at line ${r[`l${i}`]}: "${r[`v${i}`]}")`]
      : [],
  );
}

/**
 * Reads an HRSA HPSA detail file (already registered under `registeredName`) into the canonical
 * table. Throws DataLoadError, with `hpsa` untouched, if the file cannot be loaded whole.
 */
export async function loadHpsaDetail(
  db: SqlEngine,
  opts: {
    fileName: string;
    registeredName: string;
    hasMcta: boolean;
    sourceId: string;
    /** The header as read in JS, and whether lines end with an extra comma (HRSA's national files). */
    header: string[];
    trailingDelimiter: boolean;
    /** Runs after every check on the staged rows and before they replace anything; may throw DataLoadError. */
    beforeReplace?: () => Promise<void>;
  },
): Promise<HpsaLoadResult> {
  const { fileName } = opts;
  await db.query(createHpsaTableSql());
  await dropScratch(db);
  try {
    await stageCsv(db, STAGE, stageSelect(opts.hasMcta, opts.header.includes(RATIO_GOAL), opts.sourceId), opts);
    const rows = await count(db, `SELECT count(*)::INTEGER AS n FROM ${STAGE}`);
    if (rows === 0) throw new DataLoadError(`${fileName} has a header but no data rows; nothing was loaded.`);

    const decision = decideDateOrder(await dateEvidence(db));
    if (!decision.ok) throw new DataLoadError(`${fileName}: the date format could not be determined; nothing was loaded.`, [decision.why]);

    await checkStage(db, fileName);
    const warnings = await unreadableValues(db, decision.order);
    await opts.beforeReplace?.();
    const result = await replaceFromStage(db, decision.order);
    return { ...result, dateOrder: decision.order, dateOrderWhy: `${DATE_ORDER_LABEL[decision.order]}: ${decision.why}`, warnings };
  } finally {
    await dropScratch(db);
  }
}

/** Problems that make the file unusable as HPSA data. */
async function checkStage(db: SqlEngine, fileName: string): Promise<void> {
  const problems: string[] = [];
  const missingId = await db.query<{ n: number; first_line: number }>(
    `SELECT count(*)::INTEGER AS n, min(line)::INTEGER AS first_line FROM ${STAGE} WHERE hpsa_id IS NULL`,
  );
  if (missingId[0].n > 0) problems.push(`column "HPSA ID": ${missingId[0].n} row(s) have no ID (first at line ${missingId[0].first_line})`);
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
async function replaceFromStage(db: SqlEngine, order: DateOrder): Promise<Omit<HpsaLoadResult, 'dateOrder' | 'dateOrderWhy' | 'warnings'>> {
  const columns = HPSA_COLUMNS.map(([c]) => (c in DATE_FIELDS ? `${parseDate(c as DateField, order)} AS ${c}` : c)).join(', ');
  const disciplines = (await db.query<{ discipline: string }>(`SELECT DISTINCT discipline FROM ${STAGE} ORDER BY 1`)).map(
    (r) => r.discipline,
  );
  await inTransaction(db, [
    `DELETE FROM ${HPSA_TABLE} WHERE discipline IN (SELECT DISTINCT discipline FROM ${STAGE})`,
    `INSERT INTO ${HPSA_TABLE} SELECT ${columns} FROM ${STAGE}`,
  ]);
  const [summary] = await db.query<{ rows: number; designations: number }>(
    `SELECT count(*)::INTEGER AS rows, count(DISTINCT hpsa_id)::INTEGER AS designations FROM ${STAGE}`,
  );
  const statusRows = await db.query<{ status: string; n: number }>(
    `SELECT status, count(DISTINCT hpsa_id)::INTEGER AS n FROM ${STAGE} GROUP BY status ORDER BY ${STATUS_ORDER}`,
  );
  return { ...summary, disciplines, designationsByStatus: Object.fromEntries(statusRows.map((r) => [r.status, r.n])) };
}
