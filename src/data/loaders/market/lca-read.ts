// Loads a DOL LCA disclosure file into `lca_filings`, inside DuckDB: certified H-1B filings for
// physicians and lab technologists, with the offered wage annualised, the specialty mapped and
// the worksite county matched. A load replaces the filings loaded before, whole, or changes nothing.
import type { SqlEngine } from '../../engine/engine';
import { sqlIdent, sqlString, trimSpaces } from '../../engine/sql';
import { DataLoadError, MAX_LISTED, count, createLookup, inTransaction, shown, stageCsv, type CsvSource } from '../csv-stage';
import { LCA_SCHEMA, LCA_TABLE, createLcaTableSql } from '../../tables/market';
import type { LcaColumns, LcaField } from './lca-format';
import { cleanText, textNeededCleaning } from './clean-text';
import { lcaPeriod, type LcaPeriod } from './lca-period';
import { createEmployerLookup } from './employer-lookup';
import { PLAUSIBLE_ANNUAL_WAGE, WAGE_UNITS, WAGE_UNIT_KEYS, WAGE_UNIT_RULE, type WageUnit } from '../../../model/market/wage-units';
import { mapFiling, mappingBasis, parseSocCode } from '../../../model/market/specialty-mapping';
import { occupationGroup } from '../../../model/market/occupations';
import { countyKey } from '../../../model/market/county-key';
import { US_STATES } from '../../../model/workspace/us-states';

const STAGE = 'lca_stage';
const KEPT = 'lca_kept';
const SCRATCH = [STAGE, KEPT, 'lca_map', 'lca_employers', 'lca_counties', 'lca_states'];
/** More unusable wages than this share and the file is refused: its units are probably wrong. */
export const MAX_UNUSABLE_WAGE_SHARE = 0.05;

export interface LcaLoadResult {
  period: LcaPeriod;
  /** Filings loaded (physicians and lab technologists, certified H-1B). */
  rows: number;
  physicians: number;
  lab: number;
  /** Of the loaded filings: training posts, and filings no specialty could be given. */
  trainees: number;
  unmapped: number;
  withoutLevel: number;
  withoutCounty: number;
  /** Rows read but not loaded: other occupations, or not certified H-1B filings. */
  otherOccupations: number;
  notCertifiedH1b: number;
  warnings: string[];
}

export interface LcaLoadOptions extends CsvSource {
  columns: LcaColumns;
  sourceId: string;
}

export async function loadLcaFile(db: SqlEngine, opts: LcaLoadOptions): Promise<LcaLoadResult> {
  const { fileName } = opts;
  await db.query(createLcaTableSql());
  try {
    await stageCsv(db, STAGE, stageSelect(opts.columns), opts);
    const total = await count(db, `SELECT count(*)::INTEGER AS n FROM ${STAGE}`);
    if (total === 0) throw new DataLoadError(`${fileName} has a header but no data rows; nothing was loaded.`);
    const warnings: string[] = [];
    await mapOccupations(db, warnings, opts);
    const skipped = await keepPhysiciansAndLab(db);
    const kept = await count(db, `SELECT count(*)::INTEGER AS n FROM ${KEPT}`);
    if (kept === 0) {
      throw new DataLoadError(
        `${fileName} has no certified H-1B filings for physicians or lab technologists (SOC 29-1211 to 29-1249, 29-2011, 29-2012); nothing was loaded.`,
        [`${total.toLocaleString('en-US')} data row(s) read, ${skipped.otherOccupations.toLocaleString('en-US')} for other occupations.`],
      );
    }
    await refuseUnknownUnits(db, opts);
    await checkWages(db, warnings, opts, kept);
    await checkStatesAndLevels(db, warnings, opts);
    await noteCleanedText(db, warnings, opts);
    await createEmployerLookup(db, 'lca_employers', `SELECT employer FROM ${KEPT}`);
    await lookupCounties(db);
    const period = await lcaPeriod(db, KEPT, fileName);
    await inTransaction(db, [`DELETE FROM ${LCA_TABLE}`, `INSERT INTO ${LCA_TABLE} BY NAME ${finalSelect(opts.sourceId, period.label)}`]);
    return { period, ...(await summary(db, opts.sourceId)), ...skipped, warnings };
  } finally {
    for (const t of SCRATCH) await db.query(`DROP TABLE IF EXISTS ${t}`);
  }
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
  )(db);
  if (unreadable.n) {
    warnings.push(
      `column "${opts.columns.socCode}": ${unreadable.n} SOC code(s) could not be read and those filings were left out (first at ${unreadable.lines[0]})`,
    );
  }
}

/** Certified H-1B filings where the file says (DOL's full file also holds denials, withdrawals, E-3 and H-1B1). */
const CERTIFIED_H1B = `(s.case_status IS NULL OR regexp_replace(s.case_status, '[^A-Z]', '', 'g') IN ('CERTIFIED', 'CERTIFIEDWITHDRAWN'))
  AND (s.visa_class IS NULL OR s.visa_class = 'H-1B')`;
const PHYSICIAN_OR_LAB = `m.occupation_group IN ('physician', 'lab')`;

async function keepPhysiciansAndLab(db: SqlEngine): Promise<{ otherOccupations: number; notCertifiedH1b: number }> {
  const join = `${STAGE} s LEFT JOIN lca_map m ON m.soc_raw = s.soc_raw AND m.job_title IS NOT DISTINCT FROM s.job_title`;
  await db.query(`CREATE OR REPLACE TEMP TABLE ${KEPT} AS
    SELECT s.*, m.soc, m.onet, m.occupation_group, m.specialty, m.mapping FROM ${join}
    WHERE ${PHYSICIAN_OR_LAB} AND ${CERTIFIED_H1B}`);
  const [r] = await db.query<{ otherOccupations: number; notCertifiedH1b: number }>(
    `SELECT count(*) FILTER (NOT coalesce(${PHYSICIAN_OR_LAB}, false))::INTEGER AS "otherOccupations",
            count(*) FILTER (${PHYSICIAN_OR_LAB} AND NOT (${CERTIFIED_H1B}))::INTEGER AS "notCertifiedH1b"
     FROM ${join}`,
  );
  await db.query(`DROP TABLE ${STAGE}`);
  return r;
}

// ---------------------------------------------------------------- checks on the kept filings
const firstLines =
  (from: string, where: string, show: string) =>
  async (db: SqlEngine): Promise<{ n: number; lines: string[] }> => {
    const n = await count(db, `SELECT count(*)::INTEGER AS n FROM ${from} WHERE ${where}`);
    const rows = n
      ? await db.query<{ line: number; v: string | null }>(
          `SELECT s.line::INTEGER AS line, ${show} AS v FROM ${from} WHERE ${where} ORDER BY s.line LIMIT ${MAX_LISTED}`,
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
  const bad = await inKept(`s.wage_raw IS NOT NULL AND (${MULTIPLIER}) IS NULL`, 's.unit_raw')(db);
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
  const unreadable = await inKept(`${AMOUNT} IS NULL`, 's.wage_raw')(db);
  const implausible = await inKept(
    `${AMOUNT} IS NOT NULL AND NOT ${PLAUSIBLE}`,
    `s.wage_raw || ' per ' || s.unit_raw || ' = $' || format('{:,}', round(${ANNUAL})::BIGINT) || ' a year'`,
  )(db);
  const unusable = unreadable.n + implausible.n;
  const columns = `"${opts.columns.wageFrom}" and "${opts.columns.wageUnit}"`;
  if (unusable > MAX_UNUSABLE_WAGE_SHARE * kept) {
    throw new DataLoadError(
      `${opts.fileName}: ${unusable} of ${kept} wages in columns ${columns} cannot be used — unreadable, or implausible once annualised (${WAGE_UNIT_RULE}). Are the pay units right? Nothing was loaded and the data already loaded is unchanged.`,
      [...implausible.lines, ...unreadable.lines].slice(0, MAX_LISTED),
    );
  }
  const range = `$${PLAUSIBLE_ANNUAL_WAGE.min.toLocaleString('en-US')}–$${PLAUSIBLE_ANNUAL_WAGE.max.toLocaleString('en-US')}`;
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
  const badState = await inKept(`s.state_raw IS NULL OR s.state_raw NOT IN (SELECT state FROM lca_states)`, 's.state_raw')(db);
  if (badState.n) {
    warnings.push(
      `column "${opts.columns.state}": ${badState.n} filing(s) have no valid state code and count only in national figures (first at ${badState.lines[0]})`,
    );
  }
  const badLevel = await inKept(`s.level_raw IS NOT NULL AND (${LEVEL}) IS NULL`, 's.level_raw')(db);
  if (badLevel.n) {
    warnings.push(
      `column "${opts.columns.wageLevel}": ${badLevel.n} value(s) are not a wage level I–IV and are treated as blank (first at ${badLevel.lines[0]})`,
    );
  }
}

async function noteCleanedText(db: SqlEngine, warnings: string[], opts: LcaLoadOptions): Promise<void> {
  const cleaned = await inKept('s.text_cleaned', 's.job_title')(db);
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

// ---------------------------------------------------------------- replace
function finalSelect(sourceId: string, period: string): string {
  const types = Object.fromEntries(LCA_SCHEMA) as Record<string, string>;
  const values: Record<(typeof LCA_SCHEMA)[number][0], string> = {
    source_id: sqlString(sourceId),
    period: sqlString(period),
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
    ORDER BY s.line`;
}

async function summary(
  db: SqlEngine,
  sourceId: string,
): Promise<Omit<LcaLoadResult, 'period' | 'warnings' | 'otherOccupations' | 'notCertifiedH1b'>> {
  const [r] = await db.query<Omit<LcaLoadResult, 'period' | 'warnings' | 'otherOccupations' | 'notCertifiedH1b'>>(
    `SELECT count(*)::INTEGER AS rows, count(*) FILTER (occupation_group = 'physician')::INTEGER AS physicians,
            count(*) FILTER (occupation_group = 'lab')::INTEGER AS lab, count(*) FILTER (mapping = 'trainee')::INTEGER AS trainees,
            count(*) FILTER (mapping = 'unmapped')::INTEGER AS unmapped, count(*) FILTER (wage_level IS NULL)::INTEGER AS "withoutLevel",
            count(*) FILTER (county_fips IS NULL)::INTEGER AS "withoutCounty"
     FROM ${LCA_TABLE} WHERE source_id = ?`,
    [sourceId],
  );
  return r;
}
