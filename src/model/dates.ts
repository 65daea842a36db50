// One rule for every date a person or a file gives the app: a plausible year, and no date after
// today for something that has already happened. Every importer and loader checks its date
// columns with dateProblem, so the same mistake reads the same everywhere.

import { addYears, fiscalYearStart, formatIsoDate, parseIsoDate } from './calendar';
import type { IsoDate } from './types';

/** No date the app reads lies before this year: an earlier one is a typo (0001, 1026) or a spreadsheet's blank date. */
export const EARLIEST_YEAR = 1900;
/** Nor after this one, whatever the date of today. */
export const LATEST_YEAR = 2100;

export interface DateRule {
  /**
   * The date records something that has already happened (a stage reached, a visa step taken, a
   * designation made, a filing received): it cannot lie after today.
   */
  happened: boolean;
  /** A date still to come may lie at most this many years after today (e.g. an expected start). */
  maxYearsAhead?: number;
}

/** A step already taken: a stage reached, a visa status, a filing, a designation. */
export const HAPPENED: DateRule = { happened: true };
/** A date planned or expected (a start, availability after training or a waiver's service). */
export const PLANNED: DateRule = { happened: false, maxYearsAhead: 20 };

/**
 * Why a date breaks the rule, in the app's one wording; undefined when it keeps it. `date` must be
 * a real YYYY-MM-DD date (the caller reads the cell's format first). Without `today`, only the
 * plausible years are checked.
 */
export function dateProblem(date: IsoDate, rule: DateRule, today?: IsoDate): string | undefined {
  const day = parseIsoDate(date);
  if (day === null) return `${JSON.stringify(date)} is not a calendar date written YYYY-MM-DD`;
  const year = Number(date.slice(0, 4));
  if (year < EARLIEST_YEAR) return `${date} is before ${EARLIEST_YEAR}: check the year`;
  if (year > LATEST_YEAR) return `${date} is after ${LATEST_YEAR}: check the year`;
  const todayDay = today === undefined ? null : parseIsoDate(today);
  if (todayDay === null) return undefined;
  if (rule.happened && day > todayDay) return `${date} is after today (${today}): give the date it happened`;
  if (rule.maxYearsAhead !== undefined && day > addYears(todayDay, rule.maxYearsAhead)) {
    return `${date} is more than ${rule.maxYearsAhead} years after today (${today}): check the year`;
  }
  return undefined;
}

/**
 * The dates that keep the rule, as a closed range: what a loader checks a whole column against in
 * SQL before it names the dates outside with dateProblem (a date keeps the rule exactly when it is
 * in the range; the test says so for any date).
 */
export function dateRange(rule: DateRule, today?: IsoDate): { earliest: IsoDate; latest: IsoDate } {
  const last = `${LATEST_YEAR}-12-31`;
  const todayDay = today === undefined ? null : parseIsoDate(today);
  if (todayDay === null) return { earliest: `${EARLIEST_YEAR}-01-01`, latest: last };
  const limit = rule.happened ? todayDay : rule.maxYearsAhead !== undefined ? addYears(todayDay, rule.maxYearsAhead) : null;
  const latest = limit === null ? last : formatIsoDate(Math.min(limit, parseIsoDate(last)!));
  return { earliest: `${EARLIEST_YEAR}-01-01`, latest };
}

/** A federal fiscal year a file reports on must have begun (its Oct 1 keeps HAPPENED): why not, in the same words. */
export function fiscalYearProblem(fiscalYear: number, today?: IsoDate): string | undefined {
  const start = formatIsoDate(fiscalYearStart(fiscalYear));
  const problem = dateProblem(start, HAPPENED, today);
  return problem && `FY${fiscalYear} begins ${problem}`;
}
