// Calendar arithmetic on whole UTC days. Dates cross module boundaries as ISO strings;
// inside the model they are day numbers (days since 1970-01-01) so arithmetic stays cheap.

import type { IsoDate } from '../types';

const DAY_MS = 86_400_000;

/** Average Gregorian month, used to turn month-valued assumptions into days. */
export const DAYS_PER_MONTH = 30.4375;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a calendar date; month is 1–12. */
export function dayOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** Day number of an ISO date, or null when the text is not a real YYYY-MM-DD date. */
export function parseIsoDate(text: string): number | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return dayOf(year, month, day);
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function formatIsoDate(day: number): IsoDate {
  return new Date(Math.floor(day) * DAY_MS).toISOString().slice(0, 10);
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
  const dayOfMonth = Math.min(date.getUTCDate(), month === 2 && !isLeapYear(year) ? 28 : 31);
  return dayOf(year, month, dayOfMonth);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Federal fiscal year of a day: FY2027 runs 2026-10-01 to 2027-09-30. */
export function fiscalYearOf(day: number): number {
  return yearOfDay(day) + (monthOfDay(day) >= 10 ? 1 : 0);
}

/** First day (Oct 1) of a federal fiscal year. */
export function fiscalYearStart(fiscalYear: number): number {
  return dayOf(fiscalYear - 1, 10, 1);
}

const QUARTER = /^(\d{4})-Q([1-4])$/;

/** Last day of a quarter label such as "2027-Q4" (→ 2027-12-31), or null when malformed. */
export function quarterEndDay(label: string): number | null {
  const match = QUARTER.exec(label);
  if (!match) return null;
  const year = Number(match[1]);
  const quarter = Number(match[2]);
  return dayOf(year, quarter * 3 + 1, 1) - 1;
}

/** First day of the month `offset` months after the month containing `day`. */
export function monthStartAfter(day: number, offset: number): number {
  const date = new Date(Math.floor(day) * DAY_MS);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset, 1) / DAY_MS;
}
