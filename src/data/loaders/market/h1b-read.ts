// Loads a USCIS H-1B Employer Data Hub file into `h1b_sponsors`: health-care employers (NAICS 62,
// and academic medical centres filing under NAICS 61, by name), one row per employer, state and
// fiscal year. The file's fiscal years replace the same years already loaded, whole, or nothing
// changes.
import type { SqlEngine } from '../../engine/engine';
import { sqlIdent, sqlString, trimSpaces } from '../../engine/sql';
import { DataLoadError, MAX_LISTED, count, createLookup, inTransaction, shown, stageCsv, type CsvSource } from '../csv-stage';
import { SPONSORS_SCHEMA, SPONSORS_TABLE, createSponsorsTableSql } from '../../tables/market';
import { H1B_LAYOUT_LABEL, type H1bColumns, type H1bField, type H1bLayout } from './h1b-format';
import { cleanText } from './clean-text';
import { createEmployerLookup } from './employer-lookup';
import { US_STATES } from '../../../model/workspace/us-states';

const STAGE = 'h1b_stage';
const SCRATCH = [STAGE, 'h1b_employers', 'h1b_states', 'h1b_year_notes'];
const COUNTS = {
  initial_approvals: 'initialApprovals',
  initial_denials: 'initialDenials',
  continuing_approvals: 'continuingApprovals',
  continuing_denials: 'continuingDenials',
} as const satisfies Record<string, H1bField>;

export interface H1bLoadResult {
  layout: H1bLayout;
  /** Rows in the file, and rows loaded after grouping by employer, state and year. */
  rowsRead: number;
  rows: number;
  years: { fiscalYear: number; initialApprovals: number; initialDenials: number; employers: number; note: string | null }[];
  /** File rows kept: NAICS 62, and NAICS 61 employers with a medical name. */
  naics62Rows: number;
  academicRows: number;
  warnings: string[];
}

export interface H1bLoadOptions extends CsvSource {
  layout: H1bLayout;
  columns: H1bColumns;
  sourceId: string;
  /** Today, to flag the current (unfinished) fiscal year as partial. */
  now: Date;
  /** Notes for years known to be incomplete (the embedded FY2023 file was published mid-year). */
  yearNotes?: Record<number, string>;
}

export async function loadH1bFile(db: SqlEngine, opts: H1bLoadOptions): Promise<H1bLoadResult> {
  const { fileName } = opts;
  await db.query(createSponsorsTableSql());
  try {
    await stageCsv(db, STAGE, stageSelect(opts.columns), opts);
    const rowsRead = await count(db, `SELECT count(*)::INTEGER AS n FROM ${STAGE}`);
    if (rowsRead === 0) throw new DataLoadError(`${fileName} has a header but no data rows; nothing was loaded.`);
    await refuseUnreadable(db, opts);
    const warnings = await stateWarnings(db, opts);
    await createEmployerLookup(db, 'h1b_employers', `SELECT employer FROM ${STAGE} WHERE naics IN ('61', '62')`);
    const [kept] = await db.query<{ naics62Rows: number; academicRows: number }>(
      `SELECT count(*) FILTER (s.naics = '62')::INTEGER AS "naics62Rows", count(*) FILTER (s.naics = '61' AND e.medical)::INTEGER AS "academicRows"
       FROM ${STAGE} s LEFT JOIN h1b_employers e USING (employer)`,
    );
    if (kept.naics62Rows + kept.academicRows === 0) {
      const [span] = await db.query<{ first: number; last: number }>(
        `SELECT min(fy)::INTEGER AS first, max(fy)::INTEGER AS last FROM ${STAGE}`,
      );
      throw new DataLoadError(
        `${fileName} is a ${H1B_LAYOUT_LABEL[opts.layout]} (FY${span.first}–FY${span.last}, ${rowsRead.toLocaleString('en-US')} rows) but has no health-care employers (NAICS 62) or academic medical centres (NAICS 61 with a medical name); nothing was loaded.`,
        [`Download the Data Hub export for all industries, or filtered to NAICS 62 (health care and social assistance).`],
      );
    }
    await yearNotes(db, opts);
    await inTransaction(db, [
      `DELETE FROM ${SPONSORS_TABLE} WHERE fiscal_year IN (SELECT DISTINCT fy FROM ${STAGE})`,
      `INSERT INTO ${SPONSORS_TABLE} BY NAME ${finalSelect(opts.sourceId)}`,
    ]);
    return { layout: opts.layout, rowsRead, ...kept, ...(await summary(db, opts.sourceId)), warnings };
  } finally {
    for (const t of SCRATCH) await db.query(`DROP TABLE IF EXISTS ${t}`);
  }
}

// A count as USCIS writes it; the newer layout has thousands separators ("1,391").
const countValue = (raw: string) => `TRY_CAST(replace(${raw}, ',', '') AS INTEGER)`;

function stageSelect(columns: H1bColumns): string {
  const c = (f: H1bField) => (columns[f] ? sqlIdent(columns[f]) : 'NULL::VARCHAR');
  const t = (f: H1bField) => `nullif(${trimSpaces(c(f))}, '')`;
  return [
    'line',
    `${t('fiscalYear')} AS fy_raw`,
    `TRY_CAST(${t('fiscalYear')} AS INTEGER) AS fy`,
    `${cleanText(c('employer'))} AS employer`,
    `regexp_extract(coalesce(${c('naics')}, ''), '^\\s*(\\d{2})', 1) AS naics`,
    `upper(${t('state')}) AS state_raw`,
    ...Object.entries(COUNTS).map(([name, f]) => `${t(f)} AS ${name}_raw`),
  ].join(',\n  ');
}

/** Fiscal years and counts are the figures themselves: any that cannot be read refuses the file. */
async function refuseUnreadable(db: SqlEngine, opts: H1bLoadOptions): Promise<void> {
  const checks: [string, string, string][] = [
    [opts.columns.fiscalYear!, 'fy_raw', `NOT coalesce(fy BETWEEN 2009 AND 2100, false)`],
    ...Object.entries(COUNTS).map(([name, f]): [string, string, string] => [
      opts.columns[f]!,
      `${name}_raw`,
      `${name}_raw IS NOT NULL AND NOT coalesce(${countValue(`${name}_raw`)} >= 0, false)`,
    ]),
  ];
  const problems: string[] = [];
  let total = 0;
  for (const [column, raw, bad] of checks) {
    const n = await count(db, `SELECT count(*)::INTEGER AS n FROM ${STAGE} WHERE ${bad}`);
    if (!n) continue;
    total += n;
    const rows = await db.query<{ line: number; v: string | null }>(
      `SELECT line::INTEGER AS line, ${raw} AS v FROM ${STAGE} WHERE ${bad} ORDER BY line LIMIT 3`,
    );
    problems.push(
      `column "${column}": ${n} value(s) are not ${raw === 'fy_raw' ? 'a fiscal year' : 'a count'} — ${rows.map((r) => `line ${r.line}: ${shown(r.v)}`).join('; ')}`,
    );
  }
  if (problems.length) {
    throw new DataLoadError(
      `${opts.fileName}: ${total} value(s) could not be read; nothing was loaded and the data already loaded is unchanged.`,
      problems.slice(0, MAX_LISTED),
    );
  }
}

async function stateWarnings(db: SqlEngine, opts: H1bLoadOptions): Promise<string[]> {
  await createLookup(
    db,
    'h1b_states',
    { state: 'VARCHAR' },
    US_STATES.map((s) => [s.code]),
  );
  const where = `naics IN ('61', '62') AND (state_raw IS NULL OR state_raw NOT IN (SELECT state FROM h1b_states))`;
  const n = await count(db, `SELECT count(*)::INTEGER AS n FROM ${STAGE} WHERE ${where}`);
  if (!n) return [];
  const [first] = await db.query<{ line: number; v: string | null }>(
    `SELECT line::INTEGER AS line, state_raw AS v FROM ${STAGE} WHERE ${where} ORDER BY line LIMIT 1`,
  );
  return [
    `column "${opts.columns.state}": ${n} health-care row(s) have no valid state code and count only in national figures (first at line ${first.line}: ${shown(first.v)})`,
  ];
}

/** The current fiscal year (from October 1) is never complete; known incomplete years come with their note. */
async function yearNotes(db: SqlEngine, opts: H1bLoadOptions): Promise<void> {
  const currentFy = opts.now.getUTCFullYear() + (opts.now.getUTCMonth() >= 9 ? 1 : 0);
  const years = (await db.query<{ fy: number }>(`SELECT DISTINCT fy FROM ${STAGE} ORDER BY 1`)).map((r) => r.fy);
  await createLookup(
    db,
    'h1b_year_notes',
    { fy: 'INTEGER', note: 'VARCHAR' },
    years.map((fy) => [
      fy,
      opts.yearNotes?.[fy] ??
        (fy >= currentFy ? `partial year: FY${fy} runs to September 30, ${fy} and was not over when this file was read` : null),
    ]),
  );
}

function finalSelect(sourceId: string): string {
  const types = Object.fromEntries(SPONSORS_SCHEMA) as Record<string, string>;
  const sum = (name: string) => `sum(coalesce(${countValue(`s.${name}_raw`)}, 0))`;
  const state = `CASE WHEN s.state_raw IN (SELECT state FROM h1b_states) THEN s.state_raw END`;
  const key = `coalesce(e.employer_key, '')`;
  const values: Record<(typeof SPONSORS_SCHEMA)[number][0], string> = {
    source_id: sqlString(sourceId),
    fiscal_year: 's.fy',
    year_note: 'any_value(y.note)',
    employer: `coalesce(mode(s.employer), '(no name in the file)')`,
    employer_key: key,
    state,
    naics: 's.naics',
    cap_exempt_check: 'coalesce(bool_or(e.cap_exempt_check), false)',
    initial_approvals: sum('initial_approvals'),
    initial_denials: sum('initial_denials'),
    continuing_approvals: sum('continuing_approvals'),
    continuing_denials: sum('continuing_denials'),
  };
  return `SELECT ${Object.entries(values)
    .map(([name, expr]) => `CAST(${expr} AS ${types[name]}) AS ${name}`)
    .join(', ')}
    FROM ${STAGE} s LEFT JOIN h1b_employers e USING (employer) JOIN h1b_year_notes y ON y.fy = s.fy
    WHERE s.naics = '62' OR (s.naics = '61' AND e.medical)
    GROUP BY s.fy, ${key}, ${state}, s.naics
    ORDER BY s.fy, ${state}, ${key}`;
}

async function summary(db: SqlEngine, sourceId: string): Promise<Pick<H1bLoadResult, 'rows' | 'years'>> {
  const years = await db.query<H1bLoadResult['years'][number]>(
    `SELECT fiscal_year::INTEGER AS "fiscalYear", sum(initial_approvals)::INTEGER AS "initialApprovals", sum(initial_denials)::INTEGER AS "initialDenials",
            count(DISTINCT employer_key)::INTEGER AS employers, any_value(year_note) AS note
     FROM ${SPONSORS_TABLE} WHERE source_id = ? GROUP BY 1 ORDER BY 1`,
    [sourceId],
  );
  const rows = await count(db, `SELECT count(*)::INTEGER AS n FROM ${SPONSORS_TABLE} WHERE source_id = ${sqlString(sourceId)}`);
  return { rows, years };
}
