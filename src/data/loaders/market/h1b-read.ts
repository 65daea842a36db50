// Loads a USCIS H-1B Employer Data Hub file into `h1b_sponsors`: health-care employers (NAICS 62,
// and academic medical centres filing under NAICS 61, by name), one row per employer, state and
// fiscal year. Every row of the file is accounted for: kept, or left out by reason (another
// industry, no NAICS code, a repeat). The file's fiscal years replace the same years already
// loaded, whole, or nothing changes; a file that would replace a full year with what looks like
// part of one asks first.
import type { SqlEngine } from '../../engine/engine';
import { sqlIdent, sqlString, trimSpaces } from '../../engine/sql';
import {
  DataLoadError,
  LoadDeclined,
  MAX_LISTED,
  count,
  createLookup,
  firstRowsAt,
  inTransaction,
  noDataRows,
  shown,
  stageCsv,
  type CsvSource,
} from '../csv-stage';
import { SPONSORS_SCHEMA, SPONSORS_TABLE, createSponsorsTableSql } from '../../tables/market';
import { H1B_LAYOUT_LABEL, type H1bColumns, type H1bField, type H1bLayout } from './h1b-format';
import { cleanText } from './clean-text';
import { createEmployerLookup } from './employer-lookup';
import { US_STATES } from '../../../model/workspace/us-states';
import { fiscalYearProblem } from '../../../model/dates';
import type { Confirm } from '../loader';
import { todayOf } from '../date-rule';
import { formatNumber } from '../../../model/format';

const STAGE = 'h1b_stage';
const SCRATCH = [STAGE, 'h1b_employers', 'h1b_states', 'h1b_year_notes'];
const COUNTS = {
  initial_approvals: 'initialApprovals',
  initial_denials: 'initialDenials',
  continuing_approvals: 'continuingApprovals',
  continuing_denials: 'continuingDenials',
} as const satisfies Record<string, H1bField>;

/**
 * USCIS's older export can give one employer's place twice with the same counts (68 of the 59,983
 * rows of its FY2022 file, 0.1%): such rows are separate lines and are kept. A file where more than
 * this share of rows repeat another exactly was put together from copies: each row counts once.
 */
export const COPIED_FILE_SHARE = 0.1;
/** A year in the file with fewer health-care employers than this share of the same year loaded looks like part of a year: asked first. */
export const PARTIAL_YEAR_SHARE = 0.5;

/** Why rows of the file were not loaded, in the order the message lists them. */
export const H1B_DROP_REASONS = {
  repeatedLine: 'repeat a "Line by line" number already in the file (each line counted once)',
  copied: 'repeat another row exactly in a file put together from copies (each row counted once)',
  noNaics: 'no NAICS code (industry unknown)',
  otherIndustry: 'not health care (NAICS other than 62, or 61 without a medical name)',
} as const;
export type H1bDropReason = keyof typeof H1B_DROP_REASONS;

export interface H1bLoadResult {
  layout: H1bLayout;
  /** Rows in the file, and rows loaded after grouping by employer, state and year. */
  rowsRead: number;
  rows: number;
  years: { fiscalYear: number; initialApprovals: number; initialDenials: number; employers: number; note: string | null }[];
  /** File rows kept: NAICS 62, and NAICS 61 employers with a medical name. */
  naics62Rows: number;
  academicRows: number;
  dropped: Partial<Record<H1bDropReason, number>>;
  /** Fiscal years this file replaced, with their employers before. */
  replaced: { fiscalYear: number; employers: number }[];
  warnings: string[];
}

export interface H1bLoadOptions extends CsvSource {
  layout: H1bLayout;
  columns: H1bColumns;
  sourceId: string;
  /** Today, to flag the current (unfinished) fiscal year as partial and refuse one not begun. */
  now: Date;
  /** Notes for years known to be incomplete (the embedded FY2023 file was published mid-year). */
  yearNotes?: Record<number, string>;
  /** Asked before a year that looks partial replaces a full one (absent: it does, and the note says so). */
  confirm?: Confirm;
}

export async function loadH1bFile(db: SqlEngine, opts: H1bLoadOptions): Promise<H1bLoadResult> {
  const { fileName } = opts;
  await db.query(createSponsorsTableSql());
  try {
    await stageCsv(db, STAGE, stageSelect(opts.columns, opts.header), opts);
    const rowsRead = await count(db, `SELECT count(*)::INTEGER AS n FROM ${STAGE}`);
    if (rowsRead === 0) throw noDataRows(fileName);
    await refuseUnreadable(db, opts);
    const warnings = await markRepeats(db, opts, rowsRead);
    await createEmployerLookup(db, 'h1b_employers', `SELECT employer FROM ${STAGE} WHERE naics IN ('61', '62')`);
    warnings.push(...(await stateWarnings(db, opts)));
    const [kept] = await db.query<{ naics62Rows: number; academicRows: number; noNaics: number; otherIndustry: number }>(
      `SELECT count(*) FILTER (s.naics = '62')::INTEGER AS "naics62Rows", count(*) FILTER (s.naics = '61' AND e.medical)::INTEGER AS "academicRows",
              count(*) FILTER (s.naics = '')::INTEGER AS "noNaics",
              count(*) FILTER (s.naics <> '' AND NOT (s.naics = '62' OR (s.naics = '61' AND coalesce(e.medical, false))))::INTEGER AS "otherIndustry"
       FROM ${STAGE} s LEFT JOIN h1b_employers e USING (employer) WHERE s.repeat IS NULL`,
    );
    if (kept.naics62Rows + kept.academicRows === 0) {
      const [span] = await db.query<{ first: number; last: number }>(
        `SELECT min(fy)::INTEGER AS first, max(fy)::INTEGER AS last FROM ${STAGE}`,
      );
      throw new DataLoadError(
        `${fileName} is a ${H1B_LAYOUT_LABEL[opts.layout]} (FY${span.first}–FY${span.last}, ${formatNumber(rowsRead)} rows) but has no health-care employers (NAICS 62) or academic medical centres (NAICS 61 with a medical name); nothing was loaded.`,
        [`Download the Data Hub export for all industries, or filtered to NAICS 62 (health care and social assistance).`],
      );
    }
    if (kept.noNaics) warnings.push(await noNaicsNote(db, opts, kept.noNaics));
    const replaced = await yearNotes(db, opts);
    await inTransaction(db, [
      `DELETE FROM ${SPONSORS_TABLE} WHERE fiscal_year IN (SELECT DISTINCT fy FROM ${STAGE})`,
      `INSERT INTO ${SPONSORS_TABLE} BY NAME ${finalSelect(opts.sourceId)}`,
    ]);
    const repeats = await db.query<{ reason: H1bDropReason; n: number }>(
      `SELECT repeat AS reason, count(*)::INTEGER AS n FROM ${STAGE} WHERE repeat IS NOT NULL GROUP BY 1`,
    );
    const dropped: Partial<Record<H1bDropReason, number>> = {
      ...Object.fromEntries(repeats.map((r) => [r.reason, r.n])),
      ...(kept.noNaics ? { noNaics: kept.noNaics } : {}),
      ...(kept.otherIndustry ? { otherIndustry: kept.otherIndustry } : {}),
    };
    return {
      layout: opts.layout,
      rowsRead,
      naics62Rows: kept.naics62Rows,
      academicRows: kept.academicRows,
      dropped,
      replaced,
      ...(await summary(db, opts.sourceId)),
      warnings,
    };
  } finally {
    for (const t of SCRATCH) await db.query(`DROP TABLE IF EXISTS ${t}`);
  }
}

/**
 * Marks the rows that repeat another (`repeat`: the reason, NULL for the rest): a "Line by line"
 * number given twice; and in a file put together from copies, a row equal to an earlier one.
 * Exact repeats in a file that was not copied are kept and named.
 */
async function markRepeats(db: SqlEngine, opts: H1bLoadOptions, rowsRead: number): Promise<string[]> {
  const [{ exact }] = await db.query<{ exact: number }>(
    `SELECT (count(*) - count(DISTINCT row_hash))::INTEGER AS exact FROM ${STAGE} WHERE line_number IS NULL`,
  );
  const copied = exact > COPIED_FILE_SHARE * rowsRead;
  await db.query(`CREATE OR REPLACE TEMP TABLE ${STAGE} AS SELECT * EXCLUDE (n_line, n_row),
      CASE WHEN line_number IS NOT NULL AND n_line > 1 THEN 'repeatedLine' WHEN ${copied} AND line_number IS NULL AND n_row > 1 THEN 'copied' END AS repeat
    FROM (SELECT *, row_number() OVER (PARTITION BY line_number ORDER BY line) AS n_line,
                    row_number() OVER (PARTITION BY row_hash ORDER BY line) AS n_row FROM ${STAGE})
    ORDER BY line`);
  if (copied || exact === 0) return [];
  const first = await firstRowsAt<{ line: number }>(
    db,
    `SELECT line::INTEGER AS line FROM (SELECT line, row_number() OVER (PARTITION BY row_hash ORDER BY line) AS n FROM ${STAGE} WHERE line_number IS NULL)
     WHERE n > 1 ORDER BY line LIMIT 3`,
    opts.lines,
  );
  return [
    `${formatNumber(exact)} row(s) repeat another row exactly (first at line ${first.map((f) => f.line).join(', ')}): kept and added, as USCIS's export lists an employer's place more than once (its FY2022 file repeats 68 of its 59,983 rows so); if this file was put together from copies, load the original`,
  ];
}

async function noNaicsNote(db: SqlEngine, opts: H1bLoadOptions, n: number): Promise<string> {
  const first = await firstRowsAt<{ line: number; v: string | null }>(
    db,
    `SELECT line::INTEGER AS line, employer AS v FROM ${STAGE} WHERE naics = '' AND repeat IS NULL ORDER BY line LIMIT 3`,
    opts.lines,
  );
  return `column "${opts.columns.naics}": ${formatNumber(n)} row(s) have no NAICS code, so whether the employer is in health care is unknown: left out (${first.map((f) => `line ${f.line}: ${shown(f.v)}`).join('; ')})`;
}

// A count as USCIS writes it; the newer layout has thousands separators ("1,391").
const countValue = (raw: string) => `TRY_CAST(replace(${raw}, ',', '') AS INTEGER)`;

function stageSelect(columns: H1bColumns, header: readonly string[]): string {
  const c = (f: H1bField) => (columns[f] ? sqlIdent(columns[f]) : 'NULL::VARCHAR');
  const t = (f: H1bField) => `nullif(${trimSpaces(c(f))}, '')`;
  // The whole row but its line number, to find a row given twice.
  const whole = header.filter((h) => h !== columns.lineNumber).map((h) => `coalesce(${sqlIdent(h)}, chr(30))`);
  return [
    'line',
    `${t('lineNumber')} AS line_number`,
    `md5(concat_ws(chr(31), ${whole.join(', ')})) AS row_hash`,
    `${t('fiscalYear')} AS fy_raw`,
    `TRY_CAST(${t('fiscalYear')} AS INTEGER) AS fy`,
    `${cleanText(c('employer'))} AS employer`,
    `regexp_extract(coalesce(${c('naics')}, ''), '^\\s*(\\d{2})', 1) AS naics`,
    `upper(${t('state')}) AS state_raw`,
    ...Object.entries(COUNTS).map(([name, f]) => `${t(f)} AS ${name}_raw`),
  ].join(',\n  ');
}

/**
 * Fiscal years and counts are the figures themselves: any that cannot be read refuses the file, and
 * so does a fiscal year that has not begun (the date rule: model/dates.ts).
 */
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
    const rows = await firstRowsAt<{ line: number; v: string | null }>(
      db,
      `SELECT line::INTEGER AS line, ${raw} AS v FROM ${STAGE} WHERE ${bad} ORDER BY line LIMIT 3`,
      opts.lines,
    );
    problems.push(
      `column "${column}": ${n} value(s) are not ${raw === 'fy_raw' ? 'a fiscal year of the Data Hub (FY2009 on)' : 'a count'} — ${rows.map((r) => `line ${r.line}: ${shown(r.v)}`).join('; ')}`,
    );
  }
  const today = todayOf(opts.now);
  const years = await db.query<{ fy: number; n: number; line: number }>(
    `SELECT fy, count(*)::INTEGER AS n, min(line)::INTEGER AS line FROM ${STAGE} WHERE fy BETWEEN 2009 AND 2100 GROUP BY 1 ORDER BY 1`,
  );
  const ahead = years.filter((y) => fiscalYearProblem(y.fy, today));
  if (ahead.length) {
    const lines = (await opts.lines?.ofRecords(ahead.map((y) => y.line))) ?? new Map<number, number>();
    total += ahead.reduce((n, y) => n + y.n, 0);
    problems.push(
      ...ahead.map(
        (y) =>
          `column "${opts.columns.fiscalYear}": ${y.n} row(s) — first at line ${lines.get(y.line) ?? y.line}: ${fiscalYearProblem(y.fy, today)}`,
      ),
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
  // Health care as everywhere else: NAICS 62, and NAICS 61 only under a medical name (h1b_employers).
  const where = `repeat IS NULL AND (naics = '62' OR (naics = '61' AND employer IN (SELECT employer FROM h1b_employers WHERE medical)))
    AND (state_raw IS NULL OR state_raw NOT IN (SELECT state FROM h1b_states))`;
  const n = await count(db, `SELECT count(*)::INTEGER AS n FROM ${STAGE} WHERE ${where}`);
  if (!n) return [];
  const [first] = await firstRowsAt<{ line: number; v: string | null }>(
    db,
    `SELECT line::INTEGER AS line, state_raw AS v FROM ${STAGE} WHERE ${where} ORDER BY line LIMIT 1`,
    opts.lines,
  );
  return [
    `column "${opts.columns.state}": ${n} health-care row(s) have no valid state code and count only in national figures (first at line ${first.line}: ${shown(first.v)})`,
  ];
}

/**
 * Each fiscal year's note: the current fiscal year (from October 1) is never complete; known
 * incomplete years come with their note; a year with far fewer health-care employers than the same
 * year loaded now looks like part of a year: the person is asked before it replaces that year
 * (LoadDeclined if not), and its note says so. Returns the years replaced, with their employers.
 */
async function yearNotes(db: SqlEngine, opts: H1bLoadOptions): Promise<H1bLoadResult['replaced']> {
  const currentFy = opts.now.getUTCFullYear() + (opts.now.getUTCMonth() >= 9 ? 1 : 0);
  const years = await db.query<{
    fy: number;
    employers: number;
    approvals: number;
    loaded: number | null;
    loaded_approvals: number | null;
    loaded_note: string | null;
  }>(
    `WITH file AS (SELECT s.fy, count(DISTINCT coalesce(e.employer_key, ''))::INTEGER AS employers,
                          sum(coalesce(${countValue('s.initial_approvals_raw')}, 0))::INTEGER AS approvals
                   FROM ${STAGE} s LEFT JOIN h1b_employers e USING (employer)
                   WHERE s.repeat IS NULL AND (s.naics = '62' OR (s.naics = '61' AND e.medical)) GROUP BY 1),
          loaded AS (SELECT fiscal_year AS fy, count(DISTINCT employer_key)::INTEGER AS loaded, sum(initial_approvals)::INTEGER AS loaded_approvals,
                            any_value(year_note) AS loaded_note FROM ${SPONSORS_TABLE} GROUP BY 1)
     SELECT DISTINCT s.fy, coalesce(f.employers, 0) AS employers, coalesce(f.approvals, 0) AS approvals, l.loaded, l.loaded_approvals, l.loaded_note
     FROM ${STAGE} s LEFT JOIN file f USING (fy) LEFT JOIN loaded l USING (fy) ORDER BY 1`,
  );
  const notes = new Map<number, string | null>();
  for (const y of years) {
    const running =
      y.fy >= currentFy ? `partial year: FY${y.fy} runs to September 30, ${y.fy} and was not over when this file was read` : null;
    const smaller = y.loaded !== null && !y.loaded_note && y.employers < PARTIAL_YEAR_SHARE * y.loaded;
    // The same figures as a year loaded with a note (the embedded partial FY2023 copy): the same copy, so the same note.
    const sameAsNoted = y.loaded_note !== null && y.employers === y.loaded && y.approvals === y.loaded_approvals;
    notes.set(
      y.fy,
      opts.yearNotes?.[y.fy] ??
        running ??
        (sameAsNoted ? y.loaded_note : null) ??
        (smaller
          ? `partial year? this file has ${formatNumber(y.employers)} health-care employers for FY${y.fy}, the file it replaced ${formatNumber(y.loaded)}`
          : null),
    );
    if ((running || smaller) && y.loaded !== null && !y.loaded_note && opts.confirm) {
      const yes = await opts.confirm({
        text: `${opts.fileName} has ${formatNumber(y.employers)} health-care employers and ${formatNumber(y.approvals)} initial approvals for FY${y.fy}; the FY${y.fy} loaded now has ${formatNumber(y.loaded)} employers and ${formatNumber(y.loaded_approvals ?? 0)} initial approvals. ${running ? `FY${y.fy} is not over yet` : 'It looks like part of the year'}: replace the full year with it?`,
        yes: `Replace FY${y.fy}`,
        no: `Keep the loaded FY${y.fy}`,
      });
      if (!yes)
        throw new LoadDeclined(
          `${opts.fileName} was not loaded, as you chose: FY${y.fy} stays as loaded (${formatNumber(y.loaded)} health-care employers).`,
        );
    }
  }
  await createLookup(
    db,
    'h1b_year_notes',
    { fy: 'INTEGER', note: 'VARCHAR' },
    [...notes].map(([fy, note]) => [fy, note]),
  );
  return years.filter((y) => y.loaded !== null).map((y) => ({ fiscalYear: y.fy, employers: y.loaded! }));
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
    WHERE s.repeat IS NULL AND (s.naics = '62' OR (s.naics = '61' AND e.medical))
    GROUP BY s.fy, ${key}, ${state}, s.naics
    ORDER BY s.fy, ${state}, ${key}, s.naics`;
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
