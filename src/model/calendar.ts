// Every date rule in one place: ISO dates, day numbers, months, calendar quarters, federal fiscal
// years and dates typed into spreadsheets. Dates cross module boundaries as ISO strings
// (YYYY-MM-DD); inside the model they are day numbers (whole UTC days since 1970-01-01) so
// arithmetic stays cheap.

import type { IsoDate } from './types';

const DAY_MS = 86_400_000;

/** Average Gregorian month, used to turn month-valued assumptions into days. */
export const DAYS_PER_MONTH = 30.4375;
/** Average Gregorian year. */
export const DAYS_PER_YEAR = 365.25;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
}

/** A real calendar date (2027-02-30 is not); month is 1–12. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** YYYY-MM-DD from its parts. */
export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// ------------------------------------------------------------------ day numbers

/**
 * Milliseconds of a UTC date. Not Date.UTC, which reads years 0–99 as 1900–1999 (0001-01-15 would
 * become 1901-01-15); setUTCFullYear takes the year as given. Month and day may overflow as in Date.UTC.
 */
function utcMs(year: number, monthIndex: number, day: number): number {
  return new Date(0).setUTCFullYear(year, monthIndex, day);
}

/** Day number of a calendar date; month is 1–12. */
export function dayOf(year: number, month: number, day: number): number {
  return utcMs(year, month - 1, day) / DAY_MS;
}

/** Day number of an ISO date, or null when the text is not a real YYYY-MM-DD date. */
export function parseIsoDate(text: string): number | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isCalendarDate(year, month, day) ? dayOf(year, month, day) : null;
}

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== null;
}

export function formatIsoDate(day: number): IsoDate {
  return new Date(Math.floor(day) * DAY_MS).toISOString().slice(0, 10);
}

/** A date as the engine gives a DATE (epoch milliseconds at UTC midnight), written YYYY-MM-DD. */
export function formatEpochDate(ms: number): IsoDate {
  return formatIsoDate(ms / DAY_MS);
}

export function yearOfDay(day: number): number {
  return new Date(Math.floor(day) * DAY_MS).getUTCFullYear();
}

/** Month of a day number, 1–12. */
export function monthOfDay(day: number): number {
  return new Date(Math.floor(day) * DAY_MS).getUTCMonth() + 1;
}

/** The same month and day in another year (Feb 29 falls back to Feb 28). */
export function sameDateInYear(day: number, year: number): number {
  const date = new Date(Math.floor(day) * DAY_MS);
  const month = date.getUTCMonth() + 1;
  return dayOf(year, month, Math.min(date.getUTCDate(), daysInMonth(year, month)));
}

/** The same date `years` later (a 3-year waiver obligation from 2027-02-29 ends 2030-02-28). */
export function addYears(day: number, years: number): number {
  return sameDateInYear(day, yearOfDay(day) + years);
}

/** First day of the month `offset` months after the month containing `day`. */
export function monthStartAfter(day: number, offset: number): number {
  const date = new Date(Math.floor(day) * DAY_MS);
  return utcMs(date.getUTCFullYear(), date.getUTCMonth() + offset, 1) / DAY_MS;
}

/** The n-th given weekday (0 = Sunday) of a month, e.g. Match Day, the third Friday of March. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, n: number): number {
  const first = dayOf(year, month, 1);
  const firstWeekday = new Date(first * DAY_MS).getUTCDay();
  return first + ((weekday - firstWeekday + 7) % 7) + (n - 1) * 7;
}

// ------------------------------------------------------------------ federal fiscal years

/** Federal fiscal year of a day: FY2027 runs 2026-10-01 to 2027-09-30. */
export function fiscalYearOf(day: number): number {
  return yearOfDay(day) + (monthOfDay(day) >= 10 ? 1 : 0);
}

/** First day (Oct 1) of a federal fiscal year. */
export function fiscalYearStart(fiscalYear: number): number {
  return dayOf(fiscalYear - 1, 10, 1);
}

// ------------------------------------------------------------------ calendar quarters ("2027-Q4")

export interface Quarter {
  year: number;
  /** 1 to 4. */
  quarter: number;
}

const QUARTER_LABEL = /^(\d{4})-Q([1-4])$/;

export function parseQuarter(label: string): Quarter | undefined {
  const match = QUARTER_LABEL.exec(label);
  return match ? { year: Number(match[1]), quarter: Number(match[2]) } : undefined;
}

export function isQuarterLabel(label: string): boolean {
  return QUARTER_LABEL.test(label);
}

export function quarterLabel({ year, quarter }: Quarter): string {
  return `${year}-Q${quarter}`;
}

function requireQuarter(label: string): Quarter {
  const parsed = parseQuarter(label);
  if (!parsed) throw new RangeError(`not a quarter label (expected e.g. "2027-Q4"): ${JSON.stringify(label)}`);
  return parsed;
}

/** Last day of a quarter as a day number ("2027-Q4" → 2027-12-31), or null when malformed. */
export function quarterEndDay(label: string): number | null {
  const parsed = parseQuarter(label);
  return parsed ? dayOf(parsed.year, parsed.quarter * 3 + 1, 1) - 1 : null;
}

/** First day of the quarter: quarterStart("2027-Q4") → "2027-10-01". */
export function quarterStart(label: string): IsoDate {
  const { year, quarter } = requireQuarter(label);
  return isoDate(year, quarter * 3 - 2, 1);
}

/** Last day of the quarter: quarterEnd("2027-Q4") → "2027-12-31". */
export function quarterEnd(label: string): IsoDate {
  return formatIsoDate(quarterEndDay(quarterLabel(requireQuarter(label))) as number);
}

/** The quarter a YYYY-MM-DD date falls in: "2026-11-23" → "2026-Q4". */
export function quarterOf(date: IsoDate): string {
  const day = parseIsoDate(date);
  if (day === null) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  return quarterLabel({ year: yearOfDay(day), quarter: Math.ceil(monthOfDay(day) / 3) });
}

export function addQuarters(label: string, count: number): string {
  const { year, quarter } = requireQuarter(label);
  const index = year * 4 + (quarter - 1) + count;
  return quarterLabel({ year: Math.floor(index / 4), quarter: (index % 4) + 1 });
}

export interface NextQuartersOptions {
  /** Start with the quarter containing `from` (default false: start with the one after it). */
  includeCurrent?: boolean;
}

/** The next `count` quarter labels after the date, e.g. choices for a target's due quarter. */
export function nextQuarters(from: IsoDate, count: number, options: NextQuartersOptions = {}): string[] {
  const first = addQuarters(quarterOf(from), options.includeCurrent ? 0 : 1);
  return Array.from({ length: Math.max(0, count) }, (_, i) => addQuarters(first, i));
}

// ------------------------------------------------------------------ dates typed into spreadsheets

export type DateReading = { ok: true; date: IsoDate } | { ok: false; message: string };

const LOOSE_ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const EXPECTED = 'expected a date as YYYY-MM-DD or MM/DD/YYYY';

/** A slashed date whose first part cannot be a month (25/03/2027): the file writes days first. */
export function looksDayFirst(text: string): boolean {
  const match = SLASHED.exec(text.trim());
  return match !== null && Number(match[1]) > 12 && Number(match[2]) <= 12;
}

function checked(year: number, month: number, day: number, text: string): DateReading {
  return isCalendarDate(year, month, day)
    ? { ok: true, date: isoDate(year, month, day) }
    : { ok: false, message: `${JSON.stringify(text)} is not a calendar date` };
}

/**
 * Reads one spreadsheet cell: YYYY-MM-DD, or US-style MM/DD/YYYY when that reading is safe.
 * `dayFirstInFile` says other cells in the file are day-first; then a slashed date such as
 * 03/04/2027 could mean either day, so it is refused rather than guessed.
 */
export function readCsvDate(text: string, options: { dayFirstInFile: boolean }): DateReading {
  const trimmed = text.trim();
  const iso = LOOSE_ISO.exec(trimmed);
  if (iso) return checked(Number(iso[1]), Number(iso[2]), Number(iso[3]), trimmed);
  const slashed = SLASHED.exec(trimmed);
  if (!slashed) return { ok: false, message: EXPECTED };
  const [first, second, year] = [Number(slashed[1]), Number(slashed[2]), Number(slashed[3])];
  if (first > 12) return { ok: false, message: `${EXPECTED}; this looks like day/month/year, please use YYYY-MM-DD` };
  if (options.dayFirstInFile && first !== second && second <= 12) {
    return {
      ok: false,
      message: `${EXPECTED}; this file also has day-first dates, so this one could be either day, please use YYYY-MM-DD`,
    };
  }
  return checked(year, first, second, trimmed);
}
