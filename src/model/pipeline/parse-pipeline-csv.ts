// Imports the candidate pipeline from a CSV. Good rows load; each bad row is listed with its
// physical line number, column, value and what is allowed. Cells are only ever read as text:
// a cell such as =HYPERLINK(...) is data, kept as typed and never evaluated.

import Papa from 'papaparse';
import { looksDayFirst, readCsvDate } from '../calendar';
import { HAPPENED, PLANNED, dateProblem, type DateRule } from '../dates';
import { specialtiesOf } from '../specialties';
import {
  CURRENT_STATUSES,
  LICENCE_STATUSES,
  STAGES,
  TRAINING_STATUSES,
  VISA_ROUTES,
  VISA_STATUSES,
  type Candidate,
  type IsoDate,
  type Profession,
} from '../types';
import { MAX_ID_LENGTH, countyFipsProblem, countyInState } from '../workspace/fields';
import { DEFAULT_WORKSPACE_LIMITS } from '../workspace/parse-workspace-file';
import { findState, type UsState } from '../workspace/us-states';
import { pickZipCounty, readZip, spansText, type ZipLookup } from '../zip';
import {
  BOOLEAN_ALIASES,
  CURRENT_STATUS_ALIASES,
  LICENCE_STATUS_ALIASES,
  PROFESSION_ALIASES,
  SPECIALTY_ALIASES,
  STAGE_ALIASES,
  TRAINING_STATUS_ALIASES,
  VISA_ROUTE_ALIASES,
  VISA_STATUS_ALIASES,
  type AliasTable,
} from './aliases';
import { candidateProblems } from './candidate-rules';
import { PIPELINE_TEMPLATE_COLUMNS, REQUIRED_PIPELINE_COLUMNS, normaliseHeader, type PipelineColumn } from './columns';
import { LineCounter, countLineBreaks } from './line-counter';

export interface PipelineRowError {
  /** Physical line in the file; the header is line 1. */
  line: number;
  /** Column name, or '' for a problem with the whole row or file. */
  column: string;
  value: string;
  message: string;
}

export interface PipelineParseResult {
  candidates: Candidate[];
  /** The first `maxErrors` problems, in file order. */
  errors: PipelineRowError[];
  /** Rows loaded with something to check (e.g. a resident without available_from), in file order. */
  warnings: PipelineRowError[];
  /** Required columns the header lacks; when any, nothing is loaded. */
  missingColumns: string[];
  /** Data rows read (blank lines are not rows). */
  rowsRead: number;
  /** Rows not loaded because of at least one problem. */
  rejectedRows: number;
  /** All problems, including those beyond `maxErrors`. */
  errorCount: number;
  /** Header names that are no template column (nor an alias of one): their cells are not read. */
  ignoredColumns: string[];
  /** Whether dates written with slashes were read month first (US order): none of the file's can only be day first. */
  slashDatesMonthFirst: boolean;
}

export interface ParsePipelineOptions {
  /** Rows beyond this are not read (default: the workspace's candidate limit). */
  maxRows?: number;
  maxErrors?: number;
  /** The user's today: dates of steps that already happened may not lie after it. */
  today?: IsoDate;
  /**
   * A county written by name in site_county_fips ("Kern County", "Kern County, CA"): its FIPS code,
   * or undefined when no single county has that name. Without it only codes are read.
   */
  countyByName?: CountyByName;
  /** A ZIP's counties (Census 2020 ZCTAs), for site_zip; without it a site_zip cell cannot be read. */
  countyByZip?: ZipLookup;
}

export type CountyByName = (name: string, state: string | undefined) => string | undefined;

const MAX_SHORT_TEXT = 200;
const MAX_SHOWN_VALUE = 200;
const MAX_LANGUAGES = 100;
/** Each date column's rule (src/model/dates.ts): a stage or a visa step has happened; a start is planned. */
const DATE_RULES: Readonly<Partial<Record<PipelineColumn, DateRule>>> = {
  stage_date: HAPPENED,
  visa_status_date: HAPPENED,
  expected_start: PLANNED,
  available_from: PLANNED,
};
const DATE_COLUMNS = Object.keys(DATE_RULES) as PipelineColumn[];
const ALLOWED_SPECIALTIES = {
  physician: specialtiesOf('physician')
    .map((s) => s.id)
    .join(', '),
  mls: specialtiesOf('mls')
    .map((s) => s.id)
    .join(', '),
};
const ALLOWED_STAGES = STAGES.join(', ');
const ALLOWED_VISA_ROUTES = VISA_ROUTES.join(', ');
const ALLOWED_VISA_STATUSES = VISA_STATUSES.join(', ');
const ALLOWED_CURRENT_STATUSES = CURRENT_STATUSES.filter(Boolean).join(', ');
const ALLOWED_TRAINING_STATUSES = TRAINING_STATUSES.filter(Boolean).join(', ');
const ALLOWED_LICENCE_STATUSES = LICENCE_STATUSES.filter(Boolean).join(', ');
/** The longest an H-1B time can be: six years, with extensions beyond it while a green card is pending. */
const MAX_H1B_YEARS = 20;

const clip = (value: string) => (value.length > MAX_SHOWN_VALUE ? `${value.slice(0, MAX_SHOWN_VALUE)}…` : value);

class ErrorList {
  readonly shown: PipelineRowError[] = [];
  count = 0;
  constructor(private readonly max: number) {}
  add(error: PipelineRowError): void {
    this.count += 1;
    if (this.shown.length < this.max) this.shown.push({ ...error, value: clip(error.value) });
  }
}

type Problem = (column: PipelineColumn, message: string) => void;

/**
 * The site: its state, and its county by FIPS code, by name, or by ZIP. site_zip places the site in
 * the county holding most of the ZIP's land (within site_state if given), or in site_county_fips if
 * the ZIP lies there; a ZIP spanning counties is noted with the others.
 */
function readSite(
  cell: (column: PipelineColumn) => string,
  fail: Problem,
  note: Problem,
  countyByName: CountyByName | undefined,
  countyByZip: ZipLookup | undefined,
): { state: UsState | undefined; county: string } {
  const stateText = cell('site_state');
  let state = findState(stateText);
  if (stateText !== '' && !state) fail('site_state', 'not a US state or territory; use a two-letter code such as CA');
  let county = readFips(cell('site_county_fips'), state?.code, (message) => fail('site_county_fips', message), countyByName);
  const zipText = cell('site_zip');
  if (zipText === '') {
    if (stateText === '') fail('site_state', 'required (or give site_zip); a two-letter code such as CA');
    return { state, county };
  }
  const zip = readZip(zipText);
  const place = zip ? countyByZip?.(zip) : undefined;
  if (!zip) fail('site_zip', 'not a ZIP code; write five digits such as 93301 (or ZIP+4, 93301-1234)');
  else if (!countyByZip)
    fail('site_zip', 'ZIP codes cannot be looked up yet (the data engine is still starting): import the file again in a moment');
  else if (!place)
    fail(
      'site_zip',
      `ZIP ${zip} is not among the Census 2020 ZIP Code Tabulation Areas (a PO-box-only ZIP has none): give site_county_fips or site_state instead`,
    );
  else if (stateText === '' || state) {
    const named = cell('site_county_fips') !== '' ? county : '';
    const pick = pickZipCounty(place, state?.code, named || undefined);
    if (!pick.ok) fail('site_zip', pick.message);
    else {
      county = pick.county.fips;
      state ??= findState(pick.county.state);
      if (!named && pick.others.length) note('site_zip', `${spansText(zip, pick)}; put the county in site_county_fips to choose another`);
    }
  }
  return { state, county };
}

/** Checks one row's cells and builds the candidate, or returns the row's problems. */
function readRow(
  cell: (column: PipelineColumn) => string,
  dayFirstInFile: boolean,
  today: IsoDate | undefined,
  countyByName: CountyByName | undefined,
  countyByZip?: ZipLookup,
) {
  const problems: Omit<PipelineRowError, 'line'>[] = [];
  const notes: Omit<PipelineRowError, 'line'>[] = [];
  const fail = (column: PipelineColumn, message: string) => problems.push({ column, value: cell(column), message });

  function coded<T>(column: PipelineColumn, aliases: AliasTable<T>, allowed: string): T | undefined {
    const text = cell(column);
    const code = aliases.find(text);
    if (text === '') fail(column, `required; one of: ${allowed}`);
    else if (code === undefined) fail(column, `not a known value; use one of: ${allowed}`);
    return code;
  }
  function text(column: PipelineColumn, maxLength: number): string {
    const value = cell(column);
    if (value.length > maxLength) fail(column, `too long: ${value.length} characters, at most ${maxLength}`);
    return value;
  }
  function date(column: PipelineColumn, required: boolean): string {
    const value = cell(column);
    if (value === '') {
      if (required) fail(column, 'required; a date as YYYY-MM-DD or MM/DD/YYYY');
      return '';
    }
    const reading = readCsvDate(value, { dayFirstInFile });
    const problem = reading.ok ? dateProblem(reading.date, DATE_RULES[column]!, today) : reading.message;
    if (problem) fail(column, problem);
    return reading.ok && !problem ? reading.date : '';
  }
  /** A coded column that may be blank (blank gives the code '' or the table's blank alias). */
  function optional<T>(column: PipelineColumn, aliases: AliasTable<T>, allowed: string): T | undefined {
    const code = aliases.find(cell(column));
    if (code === undefined) fail(column, `not a known value; use one of: ${allowed}, or leave it blank`);
    return code;
  }
  /** A licence status code; other text is kept as written, read as not recorded, with a note. */
  function licence(): string {
    const value = text('licence_status', MAX_SHORT_TEXT);
    const code = LICENCE_STATUS_ALIASES.find(value);
    if (code !== undefined) return code;
    notes.push({
      column: 'licence_status',
      value,
      message: `not a known licence status, so the forecast reads it as not recorded (the stage decides); use one of: ${ALLOWED_LICENCE_STATUSES}`,
    });
    return value;
  }
  function years(column: PipelineColumn): number | null {
    const value = cell(column);
    if (value === '') return null;
    const number = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
    if (!(number <= MAX_H1B_YEARS)) fail(column, `expected a number of years from 0 to ${MAX_H1B_YEARS}, or blank`);
    return number <= MAX_H1B_YEARS ? number : null;
  }
  function flag(column: PipelineColumn): boolean | null {
    const value = BOOLEAN_ALIASES.find(cell(column));
    if (value === undefined) fail(column, 'expected yes, no or blank');
    return value ?? null;
  }

  const id = text('candidate_id', MAX_ID_LENGTH);
  if (id === '') fail('candidate_id', 'required');
  const profession = coded<Profession>('profession', PROFESSION_ALIASES, 'physician, mls');
  const specialty = readSpecialty(cell('specialty'), profession, (message) => fail('specialty', message));
  const stage = coded('stage', STAGE_ALIASES, ALLOWED_STAGES);
  const stageDate = date('stage_date', true);
  const visaRoute = coded('visa_route', VISA_ROUTE_ALIASES, ALLOWED_VISA_ROUTES);
  const note: Problem = (column, message) => notes.push({ column, value: cell(column), message });
  const { state, county: siteCountyFips } = readSite(cell, fail, note, countyByName, countyByZip);
  const expectedStart = date('expected_start', false);
  const languages = readLanguages(cell('languages'));
  if (languages.length > MAX_LANGUAGES) fail('languages', `more than ${MAX_LANGUAGES} languages`);
  if (languages.some((language) => language.length > MAX_SHORT_TEXT))
    fail('languages', `a language name is over ${MAX_SHORT_TEXT} characters`);
  const countryOfTraining = text('country_of_training', MAX_SHORT_TEXT);
  const gender = text('gender', MAX_SHORT_TEXT);
  const ecfmgCertified = flag('ecfmg_certified');
  const licenceStatus = licence();
  const ascpi = flag('ascpi');
  const visaStatus = optional('visa_status', VISA_STATUS_ALIASES, ALLOWED_VISA_STATUSES);
  const visaStatusDate = date('visa_status_date', false);
  const availableFrom = date('available_from', false);
  const currentStatus = optional('current_status', CURRENT_STATUS_ALIASES, ALLOWED_CURRENT_STATUSES);
  const trainingStatus = optional('training_status', TRAINING_STATUS_ALIASES, ALLOWED_TRAINING_STATUSES);
  const bachelorsDegree = flag('bachelors_degree');
  const visaScreen = flag('visascreen');
  const h1bYearsUsed = years('h1b_years_used');
  if (problems.length > 0) return { problems, warnings: [] };
  const candidate: Candidate = {
    id,
    profession: profession!,
    specialty: specialty!,
    stage: stage!,
    stageDate,
    visaRoute: visaRoute!,
    siteState: state!.code,
    siteCountyFips,
    expectedStart,
    countryOfTraining,
    languages,
    gender,
    ecfmgCertified,
    licenceStatus,
    ascpi,
    visaStatus: visaStatus!,
    visaStatusDate,
    availableFrom,
    currentStatus: currentStatus!,
    trainingStatus: trainingStatus!,
    bachelorsDegree,
    visaScreen,
    h1bYearsUsed,
  };
  const warnings = notes;
  for (const { column, message, severity } of candidateProblems(candidate, today)) {
    (severity === 'error' ? problems : warnings).push({ column, value: column === '' ? '' : cell(column), message });
  }
  return { candidate, problems, warnings };
}

/** A specialty or lab role from src/model/specialties.ts; a blank lab role means a medical laboratory scientist. */
function readSpecialty(value: string, profession: Profession | undefined, fail: (message: string) => void): string | undefined {
  if (!profession) return undefined;
  if (profession === 'mls' && value === '') return 'medical laboratory scientist';
  const specialty = SPECIALTY_ALIASES[profession].find(value);
  if (!specialty) {
    const what = profession === 'mls' ? 'not a planned lab role' : 'not a planned specialty';
    fail(`${value === '' ? 'required for physicians' : what}; use one of: ${ALLOWED_SPECIALTIES[profession]}`);
  }
  return specialty;
}

/** Spreadsheets drop the leading zero of "06037", so four digits are padded back; a county name is looked up. */
function readFips(value: string, stateCode: string | undefined, fail: (message: string) => void, countyByName?: CountyByName): string {
  if (value === '') return '';
  if (countyByName && /[a-z]/i.test(value)) {
    const found = countyByName(value, stateCode);
    if (!found)
      fail(
        `no single county is named “${value}”${stateCode ? ` in ${stateCode}` : ''}; write it as on the map (“Kern County”) or give the five-digit FIPS code`,
      );
    else if (stateCode && !countyInState(found, stateCode)) fail(`${value} is not in ${stateCode}`);
    return found ?? '';
  }
  const fips = /^\d{4}$/.test(value) ? `0${value}` : value;
  const problem = countyFipsProblem(fips);
  if (problem) fail(problem);
  else if (stateCode && !countyInState(fips, stateCode)) fail(`county ${fips} is not in ${stateCode}`);
  return fips;
}

/** Semicolon-separated, as the template says; commas are accepted too since people type them. */
function readLanguages(value: string): string[] {
  const seen = new Set<string>();
  const languages: string[] = [];
  for (const part of value.split(/[;,]/)) {
    const language = part.trim();
    if (language !== '' && !seen.has(language.toLowerCase())) {
      seen.add(language.toLowerCase());
      languages.push(language);
    }
  }
  return languages;
}

/** Line breaks inside quoted cells, so a row's first line can be found from its last. */
function breaksInside(cells: readonly string[]): number {
  let breaks = 0;
  for (const cell of cells) {
    if (cell.includes('\n') || cell.includes('\r')) breaks += countLineBreaks(cell);
  }
  return breaks;
}

/** A problem with the row as a whole: broken quoting or more cells than columns. */
function rowShapeProblem(errors: Papa.ParseError[], cells: readonly string[], columnCount: number): string | undefined {
  if (errors.some((error) => error.code === 'MissingQuotes')) {
    return 'a quoted cell is never closed, so everything from here to the end of the file was read as one cell';
  }
  if (errors.some((error) => error.code === 'InvalidQuotes')) {
    return 'a quote mark inside a quoted cell is not doubled (write "" for a quote inside quotes)';
  }
  // Even blank extra cells are refused: an unquoted comma shifts every later cell one column right.
  if (cells.length > columnCount) {
    return `${cells.length - columnCount} more cells than the header has columns: is a comma inside a cell missing its quotes?`;
  }
  return undefined;
}

interface ReadRow {
  line: number;
  cells: string[];
  shapeProblem?: string;
}

interface CsvRead {
  /** Normalised names from the first line. */
  header: string[];
  rows: ReadRow[];
  /** Line where reading stopped because the file has too many rows. */
  stoppedAtLine?: number;
}

/**
 * Splits the text into rows with their first physical line. Papa's header mode is not used:
 * it costs several times more per row, and the header needs our own normalising anyway.
 */
function readCsv(body: string, maxRows: number): CsvRead {
  let header: string[] | undefined;
  const rows: ReadRow[] = [];
  const lines = new LineCounter(body);
  let stoppedAtLine: number | undefined;
  Papa.parse<string[]>(body, {
    delimiter: ',', // never guessed: the languages column holds semicolons
    skipEmptyLines: 'greedy',
    step(step, parser) {
      const { cursor } = step.meta;
      const unclosed = step.errors.some((error) => error.code === 'MissingQuotes');
      const ownBreak = unclosed ? 0 : lines.breakEndingAt(cursor);
      const lastLine = 1 + lines.breaksBefore(cursor - ownBreak);
      const cells = step.data;
      if (!header) {
        header = cells.map(normaliseHeader);
        return;
      }
      const line = lastLine - breaksInside(cells);
      if (rows.length === maxRows) {
        stoppedAtLine = line;
        parser.abort();
        return;
      }
      rows.push({ line, cells, shapeProblem: rowShapeProblem(step.errors, cells, header.length) });
    },
  });
  return { header: header ?? [], rows, stoppedAtLine };
}

/** Template columns named more than once in the header. */
function repeatedColumns(header: readonly string[]): string[] {
  const templateColumns: readonly string[] = PIPELINE_TEMPLATE_COLUMNS;
  return templateColumns.filter((column) => header.indexOf(column) !== header.lastIndexOf(column));
}

/** Header names the importer does not read (blank headers are left out: nothing is lost under them). */
function ignoredColumns(header: readonly string[]): string[] {
  const templateColumns: readonly string[] = PIPELINE_TEMPLATE_COLUMNS;
  return [...new Set(header.filter((name) => name !== '' && !templateColumns.includes(name)))];
}

const SLASHED_DATE = /^\d{1,2}\/\d{1,2}\/\d{4}$/;

/** A candidate's problems and notes, as the importer gives them for a row (without the line). */
export type RowProblem = Omit<PipelineRowError, 'line'>;

/**
 * One candidate typed in a form, read exactly as the importer reads a CSV row: the same aliases,
 * dates, rules and messages. `row` holds the template's columns as text (a missing one reads blank).
 */
export function readCandidateRow(
  row: Readonly<Partial<Record<PipelineColumn, string>>>,
  options: Pick<ParsePipelineOptions, 'today' | 'countyByName'> = {},
): { candidate: Candidate | undefined; errors: RowProblem[]; warnings: RowProblem[] } {
  const cell = (column: PipelineColumn) => (row[column] ?? '').trim();
  const dayFirst = DATE_COLUMNS.some((column) => looksDayFirst(cell(column)));
  const { candidate, problems, warnings } = readRow(cell, dayFirst, options.today, options.countyByName);
  const errors = problems.map((p) => ({ ...p, value: clip(p.value) }));
  // Like the importer: a refused row's notes wait until its errors are fixed.
  return errors.length ? { candidate: undefined, errors, warnings: [] } : { candidate, errors, warnings };
}

export function parsePipelineCsv(text: string, fileName: string, options: ParsePipelineOptions = {}): PipelineParseResult {
  const maxRows = options.maxRows ?? DEFAULT_WORKSPACE_LIMITS.maxCandidates;
  const errors = new ErrorList(options.maxErrors ?? 10_000);
  const warnings = new ErrorList(options.maxErrors ?? 10_000);
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const { header, rows, stoppedAtLine } = readCsv(body, maxRows);
  // Known once the columns are (a file refused for its header reads no date).
  let dayFirstInFile = false;
  let slashed = false;
  const result = (candidates: Candidate[], missingColumns: string[], rejectedRows: number): PipelineParseResult => ({
    candidates,
    errors: errors.shown,
    warnings: warnings.shown,
    missingColumns,
    rowsRead: rows.length,
    rejectedRows,
    errorCount: errors.count,
    ignoredColumns: ignoredColumns(header),
    slashDatesMonthFirst: slashed && !dayFirstInFile,
  });

  const present = new Set(header);
  // A site may be given by ZIP instead of state.
  const missingColumns = REQUIRED_PIPELINE_COLUMNS.filter(
    (column) => !present.has(column) && !(column === 'site_state' && present.has('site_zip')),
  );
  if (missingColumns.length > 0) {
    const found = header.length > 0 ? `; its first line has: ${header.slice(0, 20).join(', ')}` : '; the file is empty';
    errors.add({
      line: 1,
      column: '',
      value: '',
      message: `${fileName} is missing required column${missingColumns.length > 1 ? 's' : ''} ${missingColumns.join(', ')}${found}. Nothing was loaded.`,
    });
  }
  for (const column of repeatedColumns(header)) {
    errors.add({ line: 1, column, value: '', message: `${fileName} has the column ${column} more than once. Nothing was loaded.` });
  }
  if (errors.count > 0) return result([], missingColumns, rows.length);

  const indexOf = new Map(PIPELINE_TEMPLATE_COLUMNS.map((column) => [column, header.indexOf(column)]));
  // A column the file lacks has index -1, which reads as a blank cell.
  const cellOf = (cells: readonly string[], column: PipelineColumn) => cells[indexOf.get(column)!]?.trim() ?? '';
  dayFirstInFile = rows.some(({ cells }) => DATE_COLUMNS.some((column) => looksDayFirst(cellOf(cells, column))));
  slashed = rows.some(({ cells }) => DATE_COLUMNS.some((column) => SLASHED_DATE.test(cellOf(cells, column))));
  const firstLineOfId = new Map<string, number>();
  const candidates: Candidate[] = [];
  let rejectedRows = 0;

  for (const { line, cells, shapeProblem } of rows) {
    if (shapeProblem) {
      errors.add({ line, column: '', value: '', message: shapeProblem });
      rejectedRows += 1;
      continue;
    }
    const {
      candidate,
      problems,
      warnings: notes,
    } = readRow((column) => cellOf(cells, column), dayFirstInFile, options.today, options.countyByName, options.countyByZip);
    const id = cellOf(cells, 'candidate_id');
    const firstLine = firstLineOfId.get(id);
    if (id !== '' && firstLine === undefined) firstLineOfId.set(id, line);
    if (firstLine !== undefined)
      problems.push({ column: 'candidate_id', value: id, message: `duplicate candidate_id; first used on line ${firstLine}` });
    for (const problem of problems) errors.add({ line, ...problem });
    if (candidate && problems.length === 0) {
      candidates.push(candidate);
      for (const note of notes) warnings.add({ line, ...note });
    } else rejectedRows += 1;
  }
  if (stoppedAtLine !== undefined) {
    errors.add({
      line: stoppedAtLine,
      column: '',
      value: '',
      message: `${fileName} has more than ${maxRows} rows; rows from this line on were not read`,
    });
  }
  return result(candidates, [], rejectedRows);
}
