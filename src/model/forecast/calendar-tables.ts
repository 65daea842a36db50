// Calendar dates the simulator needs, precomputed once as days relative to `now` so the
// per-run loop only compares numbers.

import type { Assumptions } from '../timing/assumptions';
import { DAYS_PER_YEAR, dayOf, fiscalYearOf, fiscalYearStart, nthWeekdayOfMonth, yearOfDay } from '../calendar';
import { capPetitionFilingCloses, capPetitionFilingOpens, earliestCapStart, registrationWindow } from '../timing/h1b-calendar';

/** Years covered; events later than this are treated as never happening. */
const YEARS = 60;
const FRIDAY = 5;

export interface CalendarTables {
  /** Index y: the registration window of year(now) + y closes on this day. */
  registrationCloses: Float64Array;
  /** Index y: cap petitions can be filed from this day (April 1). */
  petitionFilingOpens: Float64Array;
  /** Index y: March's selections are filed by this day (June 30). */
  petitionFilingCloses: Float64Array;
  /** Index y: earliest start for that year's selected registrants (Oct 1). */
  capStart: Float64Array;
  /** Index f: first day of fiscal year FY(now) + f. */
  fiscalYearStarts: Float64Array;
  /** Index y: Match Day of year(now) + y, the third Friday of March (S27). */
  matchDays: Float64Array;
  /** Index y: the day after a residency starting July 1 of year(now) + y ends. */
  residencyEnds: Float64Array;
  /**
   * Index y: July 1 of year(now) + y + 1, when that residency's first year is done: the fewest years
   * of US training a state asks before a full licence (1–3, S31), so no licence comes before it.
   */
  firstTrainingYearEnds: Float64Array;
}

export function buildCalendarTables(nowDay: number, assumptions: Assumptions): CalendarTables {
  const firstYear = yearOfDay(nowDay);
  const firstFiscalYear = fiscalYearOf(nowDay);
  const perYear = (dayOfYear: (year: number) => number) =>
    Float64Array.from({ length: YEARS }, (_, y) => dayOfYear(firstYear + y) - nowDay);
  const years = assumptions.residencyYears;
  return {
    registrationCloses: perYear((year) => registrationWindow(year, assumptions).closes),
    petitionFilingOpens: perYear(capPetitionFilingOpens),
    petitionFilingCloses: perYear(capPetitionFilingCloses),
    capStart: perYear(earliestCapStart),
    fiscalYearStarts: Float64Array.from({ length: YEARS }, (_, f) => fiscalYearStart(firstFiscalYear + f) - nowDay),
    matchDays: perYear((year) => nthWeekdayOfMonth(year, 3, FRIDAY, 3)),
    // Whole years end on June 30 (the next start is July 1); a fraction adds its share of a year.
    residencyEnds: perYear((year) => dayOf(year + Math.floor(years), 7, 1) + (years % 1) * DAYS_PER_YEAR),
    firstTrainingYearEnds: perYear((year) => dayOf(year + 1, 7, 1)),
  };
}
