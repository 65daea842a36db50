// Dates typed into spreadsheets: YYYY-MM-DD, or US-style MM/DD/YYYY when that reading is safe.

import { isCalendarDate, isoDate } from '../workspace/fields';

export type DateReading = { ok: true; date: string } | { ok: false; message: string };

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
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
 * Reads one cell. `dayFirstInFile` says other cells in the file are day-first; then a slashed
 * date such as 03/04/2027 could mean either day, so it is refused rather than guessed.
 */
export function readCsvDate(text: string, options: { dayFirstInFile: boolean }): DateReading {
  const trimmed = text.trim();
  const iso = ISO.exec(trimmed);
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
