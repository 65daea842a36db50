// Loads a DOL LCA disclosure file into `lca_filings`, inside DuckDB: the certified H-1B filings for
// physicians and lab technologists, one per case number, with the offered wage annualised, the
// specialty mapped and the worksite county matched; cases certified then withdrawn go to
// `lca_withdrawn`, shown apart. Every other row is counted by why it was left out. DOL publishes
// the file by fiscal-year quarter: a file of the fiscal year already loaded adds its cases (a case
// number already loaded from another quarter counts once, as this file gives it; the same quarter
// is replaced); a file of another fiscal year replaces them all (two years are never added up).
// Whole, or nothing changes.
import type { SqlEngine } from '../../engine/engine';
import { sqlIdent, sqlString, trimSpaces } from '../../engine/sql';
import {
  DataLoadError,
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
import { LCA_SCHEMA, LCA_TABLE, LCA_WITHDRAWN_TABLE, createLcaTableSql } from '../../tables/market';
import type { LcaColumns, LcaField } from './lca-format';
import { cleanText, textNeededCleaning } from './clean-text';
import { lcaPeriod, type LcaPeriod } from './lca-period';
import { createEmployerLookup } from './employer-lookup';
import { PLAUSIBLE_ANNUAL_WAGE, WAGE_UNITS, WAGE_UNIT_KEYS, WAGE_UNIT_RULE, type WageUnit } from '../../../model/market/wage-units';
import { mapFiling, mappingBasis, parseSocCode } from '../../../model/market/specialty-mapping';
import { occupationGroup } from '../../../model/market/occupations';
import { countyKey } from '../../../model/market/county-key';
import { US_STATES } from '../../../model/workspace/us-states';
import type { IsoDate } from '../../../model/types';
import { todayOf } from '../date-rule';
import { formatNumber } from '../../../model/format';

const STAGE = 'lca_stage';
const KEPT = 'lca_kept';
const SCRATCH = [STAGE, KEPT, 'lca_map', 'lca_employers', 'lca_counties', 'lca_states'];
/** More unusable wages than this share and the file is refused: its units are probably wrong. */
export const MAX_UNUSABLE_WAGE_SHARE = 0.05;
const BOTH_TABLES = [LCA_TABLE, LCA_WITHDRAWN_TABLE];

/** Why rows of the file were not loaded as filings, in the order the message lists them. */
export const LCA_DROP_REASONS = {
  other: 'other occupations',
  notH1b: 'not H-1B (VISA_CLASS E-3, H-1B1 Chile or Singapore…)',
  denied: 'denied',
  withdrawn: 'withdrawn before certification',
  otherStatus: 'no "Certified" CASE_STATUS (blank or another status)',
  certifiedWithdrawn: 'certified, then withdrawn by the employer (shown apart)',
  repeated: 'repeat a case number already in the file (each case counted once)',
} as const;
export type LcaDropReason = keyof typeof LCA_DROP_REASONS;

export interface LcaLoadResult {
  period: LcaPeriod;
  /** Filings loaded (physicians and lab technologists, certified H-1B; one per case number). */
  rows: number;
  physicians: number;
  lab: number;
  /** Of the loaded filings: training posts, and filings no specialty could be given. */
  trainees: number;
  unmapped: number;
  withoutLevel: number;
  withoutCounty: number;
  /** Worker positions of the loaded filings (TOTAL_WORKER_POSITIONS), null when the file lacks the column. */
  positions: number | null;
  /** The file had CASE_STATUS and VISA_CLASS: its filings are certified H-1B. */
  statusChecked: boolean;
  /** Data rows in the file, and those not loaded as filings, by reason. */
  rowsRead: number;
  dropped: Partial<Record<LcaDropReason, number>>;
  /** Filings and withdrawn cases loaded before that this file replaced: its own case numbers, its own quarter, another fiscal year. */
  replaced: { sameCase: number; sameQuarter: number; otherYear: number; otherYears: string[] };
  warnings: string[];
}

export interface LcaLoadOptions extends CsvSource {
  columns: LcaColumns;
  sourceId: string;
  /** Today, for the date rule (a decision date cannot lie ahead). */
  today?: IsoDate;
}

export async function loadLcaFile(db: SqlEngine, opts: LcaLoadOptions): Promise<LcaLoadResult> {
  const { fileName } = opts;
  const today = opts.today ?? todayOf(new Date());
  await db.query(createLcaTableSql());
  try {
    await stageCsv(db, STAGE, stageSelect(opts.columns), opts);
    const total = await count(db, `SELECT count(*)::INTEGER AS n FROM ${STAGE}`);
    if (total === 0) throw noDataRows(fileName);
    const warnings: string[] = [];
    await mapOccupations(db, warnings, opts);
    const dropped = await keepPhysiciansAndLab(db, opts.columns);
    const kept = await count(db, `SELECT count(*)::INTEGER AS n FROM ${KEPT} WHERE NOT withdrawn`);
    if (kept === 0) {
      throw new DataLoadError(
        `${fileName} has no certified H-1B filings for physicians or lab technologists (SOC 29-1211 to 29-1249, 29-2011, 29-2012); nothing was loaded.`,
        [`${formatNumber(total)} data row(s) read: ${describeDropped(dropped)}.`],
      );
    }
    await noteMissingColumns(db, warnings, opts);
    await refuseUnknownUnits(db, opts);
    await checkWages(db, warnings, opts, kept);
    await checkStatesAndLevels(db, warnings, opts);
    await noteCleanedText(db, warnings, opts);
    await createEmployerLookup(db, 'lca_employers', `SELECT employer FROM ${KEPT}`);
    await lookupCounties(db);
    const period = await lcaPeriod(db, KEPT, fileName, { today, lines: opts.lines });
    warnings.push(...period.problems);
    const statusChecked = !!(opts.columns.caseStatus && opts.columns.visaClass);
    const replaced = await replaceLoaded(db, opts.sourceId, period, statusChecked);
    return { period, ...(await summary(db, opts.sourceId)), statusChecked, rowsRead: total, dropped, replaced, warnings };
  } finally {
    for (const t of SCRATCH) await db.query(`DROP TABLE IF EXISTS ${t}`);
  }
}

/** "1,200 rows for other occupations, 30 denied": the reasons with rows, in words. */
export function describeDropped(dropped: Partial<Record<LcaDropReason, number>>): string {
  const parts = (Object.keys(LCA_DROP_REASONS) as LcaDropReason[])
    .filter((k) => dropped[k])
    .map((k) => `${formatNumber(dropped[k])} ${k === 'other' ? 'rows for other occupations' : LCA_DROP_REASONS[k]}`);
  return parts.join(', ') || 'none left out';
}

// ---------------------------------------------------------------- staging
const trimmed = (expr: string) => `nullif(${trimSpaces(expr)}, '')`;

/**
 * One pass over the file. Rows of other occupations keep only their status fields (counted, never
 * loaded), so a national file of every occupation stays small in memory.
 */
function stageSelect(columns: LcaColumns): string {
  const c = (f: LcaField) => (columns[f] ? sqlIdent(columns[f]) : 'NULL::VARCHAR');
  const is29 = `regexp_matches(coalesce(${c('socCode')}, ''), '^\\s*29')`;
  const fields: [string, string][] = [
    [trimmed(c('socCode')), 'soc_raw'],
    [cleanText(c('jobTitle')), 'job_title'],
    [cleanText(c('employer')), 'employer'],
    [cleanText(c('county')), 'county_raw'],
    [`upper(${trimmed(c('state'))})`, 'state_raw'],
    [trimmed(c('wageFrom')), 'wage_raw'],
    [trimmed(c('wageUnit')), 'unit_raw'],
    [trimmed(c('wageLevel')), 'level_raw'],
    [`upper(${trimmed(c('fullTime'))})`, 'full_time_raw'],
    [trimmed(c('decisionDate')), 'decision_raw'],
    [trimmed(c('year')), 'year_raw'],
    [`upper(${trimmed(c('quarter'))})`, 'quarter_raw'],
    [`upper(${trimmed(c('caseNumber'))})`, 'case_number'],
    [trimmed(c('positions')), 'positions_raw'],
    [`${textNeededCleaning(c('jobTitle'))} OR ${textNeededCleaning(c('employer'))}`, 'text_cleaned'],
  ];
  return [
    'line',
    `${is29} AS is29`,
    `upper(${trimSpaces(c('caseStatus'))}) AS case_status`,
    `upper(${trimSpaces(c('visaClass'))}) AS visa_class`,
    ...fields.map(([expr, name]) => `CASE WHEN ${is29} THEN ${expr} END AS ${name}`),
  ].join(',\n  ');
}

/** Specialty, occupation group and SOC of each distinct (SOC code, job title), decided in the model. */
async function mapOccupations(db: SqlEngine, warnings: string[], opts: LcaLoadOptions): Promise<void> {
  const pairs = await db.query<{ soc_raw: string; job_title: string | null }>(
    `SELECT DISTINCT soc_raw, job_title FROM ${STAGE} WHERE is29`,
  );
  const rows = pairs.map(({ soc_raw, job_title }) => {
    const code = parseSocCode(soc_raw);
    const mapping = mapFiling(soc_raw, job_title ?? '');
    return [
      soc_raw,
      job_title,
      code?.soc ?? null,
      code?.onet ?? null,
      code ? occupationGroup(code.soc) : null,
      mapping.kind === 'specialty' ? mapping.specialty : null,
      mappingBasis(mapping),
    ];
  });
  const columns = ['soc_raw', 'job_title', 'soc', 'onet', 'occupation_group', 'specialty', 'mapping'];
  await createLookup(db, 'lca_map', Object.fromEntries(columns.map((c) => [c, 'VARCHAR'])), rows);
  const unreadable = await firstLines(
    `${STAGE} s JOIN lca_map m ON m.soc_raw = s.soc_raw AND m.job_title IS NOT DISTINCT FROM s.job_title`,
    'm.soc IS NULL',
    's.soc_raw',
  )(db, opts);
  if (unreadable.n) {
    warnings.push(
      `column "${opts.columns.socCode}": ${unreadable.n} SOC code(s) could not be read and those filings were left out (first at ${unreadable.lines[0]})`,
    );
  }
}

// CASE_STATUS and VISA_CLASS compared without case, spaces or punctuation ("Certified - Withdrawn"
// → CERTIFIEDWITHDRAWN, "H-1B" → H1B); a copy without the columns cannot be checked (the row is kept).
const STATUS = `regexp_replace(s.case_status, '[^A-Z]', '', 'g')`;
const VISA = `regexp_replace(s.visa_class, '[^A-Z0-9]', '', 'g')`;
const PHYSICIAN_OR_LAB = `coalesce(m.occupation_group IN ('physician', 'lab'), false)`;

/**
 * Why each row is left out, or null when it is a filing: the first reason that applies, so every
 * row has one. A case number repeated in the file keeps its first row (in file order).
 */
function dropReasonSql(columns: LcaColumns): string {
  const status = columns.caseStatus
    ? `WHEN ${STATUS} = 'DENIED' THEN 'denied' WHEN ${STATUS} = 'WITHDRAWN' THEN 'withdrawn'
       WHEN ${STATUS} = 'CERTIFIEDWITHDRAWN' THEN 'certifiedWithdrawn' WHEN ${STATUS} IS DISTINCT FROM 'CERTIFIED' THEN 'otherStatus'`
    : '';
  const visa = columns.visaClass ? `WHEN ${VISA} IS DISTINCT FROM 'H1B' THEN 'notH1b'` : '';
  return `CASE WHEN NOT ${PHYSICIAN_OR_LAB} THEN 'other' ${visa} ${status} END`;
}

/**
 * The filings and the withdrawn cases (KEPT, `withdrawn` telling them apart), one per case number;
 * and the rows left out, counted by reason. The stage is dropped after.
 */
async function keepPhysiciansAndLab(db: SqlEngine, columns: LcaColumns): Promise<Partial<Record<LcaDropReason, number>>> {
  const join = `${STAGE} s LEFT JOIN lca_map m ON m.soc_raw = s.soc_raw AND m.job_title IS NOT DISTINCT FROM s.job_title`;
  await db.query(`CREATE OR REPLACE TEMP TABLE lca_classified AS
    SELECT s.*, m.soc, m.onet, m.occupation_group, m.specialty, m.mapping, ${dropReasonSql(columns)} AS reason FROM ${join}`);
  // The first row of each case among those kept (filings and withdrawn cases alike); the others repeat it.
  await db.query(`CREATE OR REPLACE TEMP TABLE ${KEPT} AS
    SELECT * EXCLUDE (reason, repeat), reason IS NOT DISTINCT FROM 'certifiedWithdrawn' AS withdrawn FROM (
      SELECT *, case_number IS NOT NULL AND row_number() OVER (PARTITION BY case_number ORDER BY line) > 1 AS repeat
      FROM lca_classified WHERE reason IS NULL OR reason = 'certifiedWithdrawn')
    WHERE NOT repeat ORDER BY line`);
  const rows = await db.query<{ reason: LcaDropReason; n: number }>(
    `SELECT reason, count(*)::INTEGER AS n FROM lca_classified WHERE reason IS NOT NULL GROUP BY 1
     UNION ALL
     SELECT 'repeated', (SELECT count(*) FROM lca_classified WHERE reason IS NULL OR reason = 'certifiedWithdrawn') - (SELECT count(*) FROM ${KEPT})`,
  );
  await db.query(`DROP TABLE lca_classified; DROP TABLE ${STAGE}`);
  return Object.fromEntries(rows.filter((r) => r.n > 0).map((r) => [r.reason, r.n]));
}

/** What the copy lacks to say what a count is: the status and class, case numbers, worker positions. */
async function noteMissingColumns(db: SqlEngine, warnings: string[], opts: LcaLoadOptions): Promise<void> {
  const { columns } = opts;
  if (!columns.caseStatus || !columns.visaClass) {
    warnings.push(
      `no ${[!columns.caseStatus && 'CASE_STATUS', !columns.visaClass && 'VISA_CLASS'].filter(Boolean).join(' or ')} column: whether each filing was certified and is an H-1B (not an E-3 or H-1B1) could not be checked; the Market screen says so beside its counts`,
    );
  }
  if (!columns.caseNumber) {
    warnings.push('no CASE_NUMBER column: a case given twice, in this file or in another quarter’s, cannot be found and would count twice');
  } else {
    const none = await firstRowsAt<{ line: number }>(
      db,
      `SELECT line::INTEGER AS line FROM ${KEPT} WHERE case_number IS NULL ORDER BY line LIMIT 1`,
      opts.lines,
    );
    if (none.length) {
      const n = await count(db, `SELECT count(*)::INTEGER AS n FROM ${KEPT} WHERE case_number IS NULL`);
      warnings.push(
        `column "${columns.caseNumber}": ${n} filing(s) have no case number and cannot be checked for repeats (first at line ${none[0].line})`,
      );
    }
  }
  if (!columns.positions) warnings.push('no TOTAL_WORKER_POSITIONS column: worker positions are not shown beside the filings');
  else {
    const bad = await inKept(
      `s.positions_raw IS NOT NULL AND NOT coalesce(TRY_CAST(s.positions_raw AS INTEGER) >= 1, false)`,
      's.positions_raw',
    )(db, opts);
    if (bad.n)
      warnings.push(
        `column "${columns.positions}": ${bad.n} value(s) are not a number of positions and count as unknown (first at ${bad.lines[0]})`,
      );
  }
}

/**
 * The new rows in, in one transaction, with the rows they replace out: every other fiscal year's
 * (or all, when the file's period is unknown), this file's quarter(s) from other files, and the
 * cases this file gives again.
 */
async function replaceLoaded(
  db: SqlEngine,
  sourceId: string,
  period: LcaPeriod,
  statusChecked: boolean,
): Promise<LcaLoadResult['replaced']> {
  const loaded = await db.query<{ period: string; n: number }>(
    BOTH_TABLES.map((t) => `SELECT period, count(*)::INTEGER AS n FROM ${t} GROUP BY 1`).join(' UNION ALL '),
  );
  const years = new Set(period.fiscalYears);
  const otherYear = (p: string) => !years.size || !fiscalYearsOf(p).some((y) => years.has(y));
  const otherPeriods = [...new Set(loaded.filter((l) => otherYear(l.period)).map((l) => l.period))];
  const sameQuarter = [...new Set(loaded.filter((l) => !otherYear(l.period) && l.period === period.label).map((l) => l.period))];
  const inList = (xs: string[]) => (xs.length ? xs.map(sqlString).join(', ') : 'NULL');
  // Never `IN (NULL)`: its NOT is NULL too, and no case of another quarter would then count once.
  const replacedPeriods = [...otherPeriods, ...sameQuarter];
  const gone = replacedPeriods.length ? `period IN (${inList(replacedPeriods)})` : 'false';
  const sameCase = `NOT (${gone}) AND case_number IN (SELECT case_number FROM ${KEPT} WHERE case_number IS NOT NULL)`;
  const [counts] = await db.query<{ other_year: number; same_quarter: number; same_case: number }>(
    `SELECT sum(n) FILTER (WHERE period IN (${inList(otherPeriods)}))::INTEGER AS other_year,
            sum(n) FILTER (WHERE period IN (${inList(sameQuarter)}))::INTEGER AS same_quarter,
            (${BOTH_TABLES.map((t) => `(SELECT count(*) FROM ${t} WHERE ${sameCase})`).join(' + ')})::INTEGER AS same_case
     FROM (${loaded.length ? loaded.map((l) => `SELECT ${sqlString(l.period)} AS period, ${l.n} AS n`).join(' UNION ALL ') : 'SELECT NULL AS period, 0 AS n'})`,
  );
  await inTransaction(db, [
    ...BOTH_TABLES.flatMap((t) => [`DELETE FROM ${t} WHERE ${gone}`, `DELETE FROM ${t} WHERE ${sameCase}`]),
    `INSERT INTO ${LCA_TABLE} BY NAME ${finalSelect(sourceId, period.label, 'NOT s.withdrawn', statusChecked)}`,
    `INSERT INTO ${LCA_WITHDRAWN_TABLE} BY NAME ${finalSelect(sourceId, period.label, 's.withdrawn', statusChecked)}`,
  ]);
  return {
    sameCase: counts.same_case ?? 0,
    sameQuarter: counts.same_quarter ?? 0,
    otherYear: counts.other_year ?? 0,
    otherYears: otherPeriods.sort(),
  };
}

/** The fiscal years a period label names ("FY2025 Q2, FY2025 Q3" → [2025]). */
export function fiscalYearsOf(label: string): number[] {
  return [...new Set([...label.matchAll(/FY(\d{4})/g)].map((m) => Number(m[1])))];
}

// ---------------------------------------------------------------- checks on the kept filings
const firstLines =
  (from: string, where: string, show: string) =>
  async (db: SqlEngine, opts: Pick<CsvSource, 'lines'>): Promise<{ n: number; lines: string[] }> => {
    const n = await count(db, `SELECT count(*)::INTEGER AS n FROM ${from} WHERE ${where}`);
    const rows = n
      ? await firstRowsAt<{ line: number; v: string | null }>(
          db,
          `SELECT s.line::INTEGER AS line, ${show} AS v FROM ${from} WHERE ${where} ORDER BY s.line LIMIT ${MAX_LISTED}`,
          opts.lines,
        )
      : [];
    return { n, lines: rows.map((r) => `line ${r.line}: ${shown(r.v)}`) };
  };
const inKept = (where: string, show: string) => firstLines(`${KEPT} s`, where, show);

const UNIT_KEY = `lower(regexp_replace(s.unit_raw, '[\\s_-]+', '', 'g'))`;
const MULTIPLIER = `CASE ${UNIT_KEY} ${Object.entries(WAGE_UNIT_KEYS)
  .map(([key, unit]) => `WHEN ${sqlString(key)} THEN ${WAGE_UNITS[unit]}`)
  .join(' ')} END`;
const AMOUNT = `TRY_CAST(regexp_replace(s.wage_raw, '[$,\\s]', '', 'g') AS DOUBLE)`;
const ANNUAL = `(${AMOUNT} * ${MULTIPLIER})`;
const PLAUSIBLE = `coalesce(${ANNUAL} BETWEEN ${PLAUSIBLE_ANNUAL_WAGE.min} AND ${PLAUSIBLE_ANNUAL_WAGE.max}, false)`;
const LEVEL = `CASE upper(regexp_replace(s.level_raw, '^(?i)level\\s*', '')) WHEN 'I' THEN 1 WHEN '1' THEN 1 WHEN 'II' THEN 2
  WHEN '2' THEN 2 WHEN 'III' THEN 3 WHEN '3' THEN 3 WHEN 'IV' THEN 4 WHEN '4' THEN 4 END`;

/** A unit that is not one of DOL's five makes every wage from the file doubtful: the file is refused. */
async function refuseUnknownUnits(db: SqlEngine, opts: LcaLoadOptions): Promise<void> {
  const column = opts.columns.wageUnit!;
  const bad = await inKept(`s.wage_raw IS NOT NULL AND (${MULTIPLIER}) IS NULL`, 's.unit_raw')(db, opts);
  if (bad.n === 0) return;
  const values = await db.query<{ v: string | null }>(
    `SELECT DISTINCT s.unit_raw AS v FROM ${KEPT} s WHERE s.wage_raw IS NOT NULL AND (${MULTIPLIER}) IS NULL ORDER BY 1 LIMIT 5`,
  );
  throw new DataLoadError(
    `${opts.fileName}: column "${column}" has ${bad.n} value(s) that are not a DOL pay unit (${(Object.keys(WAGE_UNITS) as WageUnit[]).join(', ')}), such as ${values.map((v) => shown(v.v)).join(', ')}. Nothing was loaded and the data already loaded is unchanged.`,
    bad.lines.map((l) => l.replace(/^(line \d+): /, `$1, column "${column}": `)),
  );
}

async function checkWages(db: SqlEngine, warnings: string[], opts: LcaLoadOptions, kept: number): Promise<void> {
  const unreadable = await inKept(`${AMOUNT} IS NULL`, 's.wage_raw')(db, opts);
  const implausible = await inKept(
    `${AMOUNT} IS NOT NULL AND NOT ${PLAUSIBLE}`,
    `s.wage_raw || ' per ' || s.unit_raw || ' = $' || format('{:,}', round(${ANNUAL})::BIGINT) || ' a year'`,
  )(db, opts);
  const unusable = unreadable.n + implausible.n;
  const columns = `"${opts.columns.wageFrom}" and "${opts.columns.wageUnit}"`;
  if (unusable > MAX_UNUSABLE_WAGE_SHARE * kept) {
    throw new DataLoadError(
      `${opts.fileName}: ${unusable} of ${kept} wages in columns ${columns} cannot be used — unreadable, or implausible once annualised (${WAGE_UNIT_RULE}). Are the pay units right? Nothing was loaded and the data already loaded is unchanged.`,
      [...implausible.lines, ...unreadable.lines].slice(0, MAX_LISTED),
    );
  }
  const range = `$${formatNumber(PLAUSIBLE_ANNUAL_WAGE.min)}–$${formatNumber(PLAUSIBLE_ANNUAL_WAGE.max)}`;
  if (implausible.n) {
    warnings.push(
      `columns ${columns}: ${implausible.n} wage(s) are implausible once annualised (outside ${range}: the unit is probably wrong) and are left out of wage figures — ${implausible.lines.slice(0, 3).join('; ')}`,
    );
  }
  if (unreadable.n) {
    warnings.push(
      `column "${opts.columns.wageFrom}": ${unreadable.n} wage(s) could not be read and are left out of wage figures (first at ${unreadable.lines[0]})`,
    );
  }
}

async function checkStatesAndLevels(db: SqlEngine, warnings: string[], opts: LcaLoadOptions): Promise<void> {
  await createLookup(
    db,
    'lca_states',
    { state: 'VARCHAR' },
    US_STATES.map((s) => [s.code]),
  );
  const badState = await inKept(`s.state_raw IS NULL OR s.state_raw NOT IN (SELECT state FROM lca_states)`, 's.state_raw')(db, opts);
  if (badState.n) {
    warnings.push(
      `column "${opts.columns.state}": ${badState.n} filing(s) have no valid state code and count only in national figures (first at ${badState.lines[0]})`,
    );
  }
  const badLevel = await inKept(`s.level_raw IS NOT NULL AND (${LEVEL}) IS NULL`, 's.level_raw')(db, opts);
  if (badLevel.n) {
    warnings.push(
      `column "${opts.columns.wageLevel}": ${badLevel.n} value(s) are not a wage level I–IV and are treated as blank (first at ${badLevel.lines[0]})`,
    );
  }
}

async function noteCleanedText(db: SqlEngine, warnings: string[], opts: LcaLoadOptions): Promise<void> {
  const cleaned = await inKept('s.text_cleaned', 's.job_title')(db, opts);
  if (cleaned.n) {
    warnings.push(
      `columns "${opts.columns.jobTitle}" and "${opts.columns.employer}": ${cleaned.n} filing(s) held mis-encoded or invisible characters (“ for a dash, control characters, tabs, non-breaking spaces), cleaned (first at ${cleaned.lines[0]})`,
    );
  }
}

/** Worksite county → FIPS through the Census names in ref_counties, when they are loaded. */
async function lookupCounties(db: SqlEngine): Promise<void> {
  const columns = { state: 'VARCHAR', county_raw: 'VARCHAR', county_fips: 'VARCHAR' };
  const hasRef = await count(db, `SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = 'ref_counties'`);
  if (!hasRef) return createLookup(db, 'lca_counties', columns, []);
  const ref = await db.query<{ state: string; county_name: string; county_fips: string }>(
    `SELECT state, county_name, county_fips FROM ref_counties`,
  );
  const byKey = new Map<string, string>();
  for (const r of ref)
    if (!byKey.has(`${r.state}|${countyKey(r.county_name)}`)) byKey.set(`${r.state}|${countyKey(r.county_name)}`, r.county_fips);
  const pairs = await db.query<{ state_raw: string; county_raw: string }>(
    `SELECT DISTINCT state_raw, county_raw FROM ${KEPT} WHERE county_raw IS NOT NULL AND state_raw IS NOT NULL`,
  );
  await createLookup(
    db,
    'lca_counties',
    columns,
    pairs.map((p) => [p.state_raw, p.county_raw, byKey.get(`${p.state_raw}|${countyKey(p.county_raw)}`) ?? null]),
  );
}

// ---------------------------------------------------------------- rows as the table holds them
function finalSelect(sourceId: string, period: string, where: string, statusChecked: boolean): string {
  const types = Object.fromEntries(LCA_SCHEMA) as Record<string, string>;
  const values: Record<(typeof LCA_SCHEMA)[number][0], string> = {
    source_id: sqlString(sourceId),
    period: sqlString(period),
    case_number: 's.case_number',
    status_checked: `${statusChecked}`,
    positions: `CASE WHEN TRY_CAST(s.positions_raw AS INTEGER) >= 1 THEN TRY_CAST(s.positions_raw AS INTEGER) END`,
    soc: 's.soc',
    onet: 's.onet',
    occupation_group: 's.occupation_group',
    specialty: 's.specialty',
    mapping: 's.mapping',
    employer: `coalesce(s.employer, '(no name in the file)')`,
    employer_key: `coalesce(e.employer_key, '')`,
    cap_exempt_check: 'coalesce(e.cap_exempt_check, false)',
    state: `CASE WHEN s.state_raw IN (SELECT state FROM lca_states) THEN s.state_raw END`,
    county_fips: 'c.county_fips',
    wage_level: LEVEL,
    annual_wage: `CASE WHEN ${PLAUSIBLE} THEN round(${ANNUAL}, 2) END`,
    wage_note: `CASE WHEN ${AMOUNT} IS NULL THEN 'unreadable' WHEN NOT ${PLAUSIBLE} THEN 'implausible' END`,
    full_time: `CASE s.full_time_raw WHEN 'Y' THEN true WHEN 'N' THEN false END`,
  };
  return `SELECT ${Object.entries(values)
    .map(([name, expr]) => `CAST(${expr} AS ${types[name]}) AS ${name}`)
    .join(', ')}
    FROM ${KEPT} s
    LEFT JOIN lca_employers e ON e.employer = s.employer
    LEFT JOIN lca_counties c ON c.state = s.state_raw AND c.county_raw = s.county_raw
    WHERE ${where}
    ORDER BY s.line`;
}

type Counts = Pick<LcaLoadResult, 'rows' | 'physicians' | 'lab' | 'trainees' | 'unmapped' | 'withoutLevel' | 'withoutCounty' | 'positions'>;

async function summary(db: SqlEngine, sourceId: string): Promise<Counts> {
  const [r] = await db.query<Counts>(
    `SELECT count(*)::INTEGER AS rows, count(*) FILTER (occupation_group = 'physician')::INTEGER AS physicians,
            count(*) FILTER (occupation_group = 'lab')::INTEGER AS lab, count(*) FILTER (mapping = 'trainee')::INTEGER AS trainees,
            count(*) FILTER (mapping = 'unmapped')::INTEGER AS unmapped, count(*) FILTER (wage_level IS NULL)::INTEGER AS "withoutLevel",
            count(*) FILTER (county_fips IS NULL)::INTEGER AS "withoutCounty", sum(positions)::INTEGER AS positions
     FROM ${LCA_TABLE} WHERE source_id = ?`,
    [sourceId],
  );
  return r;
}
